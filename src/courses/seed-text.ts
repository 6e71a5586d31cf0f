import { readFileSync } from "fs";
import { join } from "path";

/**
 * What every course's seed data shares: blocks quoted verbatim from the seed reports in
 * ../shared/seeds/, and the check that each quote is really there.
 */

/** The fields of a seed block this module needs. */
export interface QuotedBlock<S extends string = string> {
  readonly id: string;
  readonly seed: S;
  /** verbatim excerpts of the seed text (whitespace aside) */
  readonly quotes: readonly string[];
}

/** Collapses every run of whitespace to one space and trims (the only normalization quotes get). */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The blocks of `seed` among `blocks`, in order. */
export function blocksOf<B extends QuotedBlock>(blocks: readonly B[], seed: B["seed"]): B[] {
  return blocks.filter((b) => b.seed === seed);
}

/**
 * The quotes that do not appear (whitespace normalized) in the seed file they cite, as
 * "<block id>: <quote>" lines; `files` maps a seed id to its file name in `seedsDir`.
 */
export function quotesNotInSeeds<S extends string>(blocks: readonly QuotedBlock<S>[], files: Readonly<Record<S, string>>, seedsDir: string): string[] {
  const texts = new Map<S, string>();
  const text = (seed: S): string => {
    if (!texts.has(seed)) texts.set(seed, normalizeWhitespace(readFileSync(join(seedsDir, files[seed]), "utf8")));
    return texts.get(seed)!;
  };
  return blocks.flatMap((b) => b.quotes.filter((q) => !text(b.seed).includes(normalizeWhitespace(q))).map((q) => `${b.id}: ${q}`));
}
