import { sandboxUnavailable } from "../../src/teaching/sandbox";

/** In a `before` hook: skips the suite, saying why, when the grading sandbox (bubblewrap) is missing. */
export function skipWithoutSandbox(ctx: Mocha.Context): void {
  const missing = sandboxUnavailable();
  if (missing) {
    console.warn(`      skipped: nnbook grade needs its sandbox: ${missing} (.ci/run installs bubblewrap)`);
    ctx.skip();
  }
}
