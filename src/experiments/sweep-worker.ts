/**
 * The worker-thread side of `runSweep`: receives the (SharedArrayBuffer-backed) data once via
 * workerData, then runs one config per message and posts the result back. An exception in a run
 * becomes a "failed" result; the worker stays alive for the next config.
 */
import { parentPort, workerData } from "worker_threads";
import { getKernel, naiveKernel, setKernel, tsBlockedKernel } from "../tensor";
import { ExperimentConfig } from "./config";
import { ExperimentData, reviveData } from "./data";
import { RunResult } from "./result";
import { failedResult, run } from "./run";

/** Main → worker: run config `index`. */
export interface WorkerJob {
  readonly index: number;
  readonly config: ExperimentConfig;
}

/** Worker → main: ready (after loading), or the result of job `index`. */
export type WorkerReply = { readonly type: "ready"; readonly kernel: string } | { readonly type: "result"; readonly index: number; readonly result: RunResult };

if (parentPort) {
  const port = parentPort;
  const { kernel } = workerData as { data: ExperimentData; kernel: string };
  const data = reviveData((workerData as { data: ExperimentData }).data);
  // use the main thread's kernel when it is one of the built-in ones (the runner checks the name)
  const builtIn = [tsBlockedKernel, naiveKernel].find((k) => k.name === kernel);
  if (getKernel().name !== kernel && builtIn) setKernel(builtIn);
  port.on("message", (job: WorkerJob) => {
    let result: RunResult;
    try {
      result = run(job.config, data);
    } catch (err) {
      result = failedResult(job.config, data, err);
    }
    port.postMessage({ type: "result", index: job.index, result } satisfies WorkerReply);
  });
  port.postMessage({ type: "ready", kernel: getKernel().name } satisfies WorkerReply);
}
