/**
 * Runs `tasks` with at most `limit` in flight, starting them in order; resolves to their results in
 * task order. Every task runs to its end even when another fails; then the first failure (in task
 * order) rejects, so no work already started is abandoned half-way.
 */
export async function runLimited<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`runLimited: limit must be an integer ≥ 1, got ${limit}`);
  const settled: PromiseSettledResult<T>[] = new Array(tasks.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      try {
        settled[i] = { status: "fulfilled", value: await tasks[i]() };
      } catch (reason) {
        settled[i] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
