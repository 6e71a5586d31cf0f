/**
 * Published numbers of the DD2424 Assignment 3 bonus experiments (CIFAR-10), as quoted in issue 8:
 * test accuracies in percent, each from one report. Data only, in the shape of `dd2424-a3.ts` so
 * the shared `reproductionRows` can put them beside ours. The issue does not give the (η, λ)
 * settings of the "BN after the activation" runs nor the network of the activation runs; the notes
 * say so.
 */
import type { PublishedEntry } from "./dd2424-a3";

const one = (value: number): PublishedEntry => ({ quantity: "testAccuracy", values: [{ source: "one report", value }] });

/** Published bonus numbers by configuration key (the keys the dd2424-a3-bonus notebooks use). */
export const DD2424_A3_BONUS_PUBLISHED = {
  bnAfterSetting1: one(43.34),
  bnAfterSetting2: one(39.23),
  bnAfterSetting3: one(43.83),
  grid3LayerBest: one(52.43),
  fourLayer959075: one(52.54),
  leakyRelu: one(48.33),
  elu: one(48.39),
} as const satisfies Readonly<Record<string, PublishedEntry>>;

/** What the issue says (or does not say) about the published runs, for the reproduction tables' Note column. */
export const DD2424_A3_BONUS_NOTES: Readonly<Record<keyof typeof DD2424_A3_BONUS_PUBLISHED, string>> = {
  bnAfterSetting1: "published (η, λ) setting 1 of 3, not given in the issue",
  bnAfterSetting2: "published (η, λ) setting 2 of 3, not given in the issue",
  bnAfterSetting3: "published (η, λ) setting 3 of 3, not given in the issue",
  grid3LayerBest: "the published grid's best network",
  fourLayer959075: "a published 4-layer network",
  leakyRelu: "published network not given in the issue",
  elu: "published network not given in the issue",
};

/** The widths the published grid found best, (85, 35), and the published 4-layer network. */
export const DD2424_A3_BONUS_NETWORKS = {
  grid3LayerBest: [85, 35],
  fourLayer959075: [95, 90, 75],
} as const satisfies Readonly<Record<string, readonly number[]>>;
