import { canonicalJson } from "../experiments/hash";
import type { ExperimentData } from "../experiments/data";
import { DataSource, loadDataSource } from "./data-source";
import { RunThreads } from "./run-threads";

/** One data set loaded by a queue worker, with the threads that run configs on it. */
export interface LocalData {
  readonly data: ExperimentData;
  readonly threads: RunThreads;
}

/**
 * The data sets a queue worker has loaded from its own files, one per data source (loaded on the
 * first job that needs it; a load that failed is tried again by the next job). Each keeps its
 * worker threads until `close`.
 */
export class LocalDataSets {
  private readonly loaded = new Map<string, Promise<LocalData>>();

  /** The data (and threads) for a source, loading it on first use. */
  get(source: DataSource): Promise<LocalData> {
    const id = canonicalJson(source);
    let entry = this.loaded.get(id);
    if (!entry) {
      entry = loadDataSource(source).then((data) => ({ data, threads: new RunThreads(data) }));
      entry.catch(() => this.loaded.delete(id));
      this.loaded.set(id, entry);
    }
    return entry;
  }

  /** Stops every thread (runs in flight reject). */
  async close(): Promise<void> {
    await Promise.all(
      [...this.loaded.values()].map((p) =>
        p.then(
          (l) => l.threads.close(),
          () => undefined,
        ),
      ),
    );
  }
}
