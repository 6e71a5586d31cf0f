import { existsSync } from "fs";
import { mkdtemp, rm } from "fs/promises";
import { tmpdir } from "os";
import { join, resolve } from "path";
import type { BrowserContext, Page } from "playwright-core";

/**
 * Debian's Chromium driven by playwright-core, for the browser tests: never a downloaded browser,
 * a fresh profile per launch, no network beyond what the page itself asks for (and the tests check
 * that it asks for nothing outside 127.0.0.1 and the file).
 */

/** Where the browser tests keep their screenshots (test artifacts; build/ is git-ignored). */
export const SCREENSHOT_DIR = resolve(__dirname, "..", "..", "build", "browser");

/** The browser binary: $CHROMIUM, else Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** The flags the project's tests launch with. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Why the browser tests cannot run here ("" when they can). */
export function chromiumMissing(): string {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`;
  try {
    require.resolve("playwright-core");
  } catch {
    return "playwright-core is not installed (npm install)";
  }
  return "";
}

/** A launched browser with a fresh profile; `close` removes the profile. */
export interface Browser {
  context: BrowserContext;
  page: Page;
  /** console errors, page errors and failed requests, as text */
  problems: string[];
  /** every URL the page requested */
  requests: string[];
  close(): Promise<void>;
}

/** Launches Chromium (fresh profile in a temporary folder) and opens one page, 1280 × 900. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  const profile = await mkdtemp(join(tmpdir(), "nnbook-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? "?"})`));
  page.on("request", (r) => requests.push(r.url()));
  return {
    context,
    page,
    problems,
    requests,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
