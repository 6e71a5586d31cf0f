/**
 * Published numbers of DD2424 Assignment 3 (k-layer MLP with BatchNorm on CIFAR-10), from two
 * independent student reports ("first", "second"), as quoted in the project's issue. Test
 * accuracies are in percent; λ values as written. Data only: the report notebooks put these beside
 * our own numbers (see `reproductionRows`).
 */

/** Which report a number comes from ("one report": the issue quotes a single number). */
export type PublishedSource = "first" | "second" | "one report";

/** One published number, with what differs from the configuration it is compared with. */
export interface PublishedValue {
  readonly source: PublishedSource;
  readonly value: number;
  /** e.g. "3 cycles, λ = 0.0041" when the report ran other settings */
  readonly note?: string;
}

/** The published values of one configuration. */
export interface PublishedEntry {
  /** what was measured: "test accuracy (%)" or "λ" */
  readonly quantity: "testAccuracy" | "lambda";
  readonly values: readonly PublishedValue[];
}

const acc = (first: number, second?: number, secondNote?: string): PublishedEntry => ({
  quantity: "testAccuracy",
  values: [
    { source: "first", value: first },
    ...(second === undefined ? [] : [{ source: "second" as const, value: second, ...(secondNote ? { note: secondNote } : {}) }]),
  ],
});

const one = (value: number): PublishedEntry => ({ quantity: "testAccuracy", values: [{ source: "one report", value }] });

/** Published numbers by configuration key (the keys the dd2424-a3 notebooks use). */
export const DD2424_A3_PUBLISHED = {
  threeLayerNoBn: acc(53.36, 52.57),
  nineLayerNoBn: acc(40.37, 38.35),
  threeLayerBn: acc(53.37, 52.46),
  nineLayerBn: acc(43.76, 52.45, "3 cycles, λ = 0.0041"),
  initSigma1e1NoBn: acc(53.03, 53.52),
  initSigma1e1Bn: acc(52.03, 53.68),
  initSigma1e3NoBn: acc(10.0, 51.35),
  initSigma1e3Bn: acc(48.05, 53.42),
  initSigma1e4NoBn: acc(10.0, 10.0),
  initSigma1e4Bn: acc(47.97, 53.4),
  bestFineLambda: {
    quantity: "lambda",
    values: [
      { source: "first", value: 0.005623 },
      { source: "second", value: 0.0041 },
    ],
  },
  bestLambda3CyclesNoBn: { quantity: "testAccuracy", values: [{ source: "first", value: 53.58 }] },
  bestLambda3CyclesBn: acc(52.87, 53.68),
  deep604050Bn: one(53.72),
  deep807060504030Bn: one(54.83),
  twelveLayerBn: one(45.61),
  dropoutNoBn: one(31.74),
  dropoutBn: one(47.07),
  finalModel: one(55.13),
} as const satisfies Readonly<Record<string, PublishedEntry>>;

/** A key of {@link DD2424_A3_PUBLISHED}. */
export type Dd2424A3Key = keyof typeof DD2424_A3_PUBLISHED;
