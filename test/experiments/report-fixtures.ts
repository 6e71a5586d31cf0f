import { RunResult, SeedGroup, groupBySeed, withDefaults } from "../../src/experiments";
import { smallConfig } from "./fixtures";

/** Accuracies of one run on (train, validation, test), as fractions. */
export type Acc = readonly [number, number, number];

/** A finished (or diverged, with `null`) fake run of `smallConfig({ lambda, seed })`. */
export function fakeRun(lambda: number, seed: number, acc: Acc | null): RunResult {
  const m = (a: number) => ({ cost: 1, loss: 0.9, accuracy: a });
  const splits = acc ? { train: m(acc[0]), validation: m(acc[1]), test: m(acc[2]) } : undefined;
  return {
    config: withDefaults(smallConfig({ lambda, seed })),
    status: acc ? "completed" : "diverged",
    steps: 10,
    epochs: 1,
    history: [],
    ...(splits ? { final: splits } : { message: "diverged at step 3", divergedAtStep: 3 }),
    timing: { totalMs: 0, trainMs: 0, evalMs: 0, msPerStep: 0 },
    data: { fingerprint: "f", provenance: "p" },
    codeVersion: "v",
  };
}

/** One seed group (seeds 1, 2, …) of fake runs with the given accuracies. */
export function fakeGroup(lambda: number, runs: readonly (Acc | null)[]): SeedGroup {
  const groups = groupBySeed(runs.map((acc, i) => fakeRun(lambda, i + 1, acc)));
  if (groups.length !== 1) throw new Error("fakeGroup: expected one group");
  return groups[0];
}

/** Test accuracies only (train and validation set equal to them). */
export function testOnly(lambda: number, tests: readonly number[]): SeedGroup {
  return fakeGroup(
    lambda,
    tests.map((t) => [t, t, t] as const),
  );
}
