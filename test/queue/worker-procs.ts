/**
 * `nnbook worker` processes for the queue tests, run from the compiled CLI (dist/, built by
 * `npm test`'s pretest; the engine version does not depend on src/ vs dist/): one run at a time,
 * short stall detection (a killed worker's run is retried after ≈ 3–4 s instead of 30–60 s).
 */
import { WorkerProcess as Base } from "../../src/queue/worker-process";

/** A test worker process. */
export class WorkerProcess extends Base {
  constructor(name: string, url: string, env: NodeJS.ProcessEnv) {
    super(name, url, env, ["--concurrency", "1", "--lock-duration", "3000", "--stalled-interval", "1000"]);
  }
}
