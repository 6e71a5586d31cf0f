/**
 * MIME types of the display bundles that the notebook display module sends and the exporter
 * reads, and the shapes of their JSON payloads.
 */

export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";
export const SVG_MIME = "image/svg+xml";
export const PNG_MIME = "image/png";
export const MARKDOWN_MIME = "text/markdown";
export const TEXT_MIME = "text/plain";
/** Output-metadata key of a chart's figure record `{ name }` (see `showChart`). */
export const FIGURE_METADATA_KEY = "nnbook-figure";
/** A parameter block: {@link ParamsPayload}. */
export const PARAMS_MIME = "application/vnd.nnbook.params+json";
/** Data provenance and seeds: {@link Provenance}; the exporter moves it into the report header. */
export const PROVENANCE_MIME = "application/vnd.nnbook.provenance+json";
/** A progress display (updated in place); left out of exported reports. */
export const PROGRESS_MIME = "application/vnd.nnbook.progress+json";

/** Payload of {@link PARAMS_MIME}. */
export interface ParamsPayload {
  title?: string;
  params: Record<string, unknown>;
}

/** One data source used by a notebook. */
export interface DataSource {
  /** Short name, e.g. "CIFAR-10 batches 1–5". */
  name: string;
  /** Where it came from (URL or package@version). */
  source?: string;
  /** SHA-256 of the downloaded archive or file, when known. */
  sha256?: string;
  /** Anything else worth stating (sizes, splits, preprocessing). */
  description?: string;
}

/**
 * Data provenance and seeds: shown with `showProvenance` (payload of {@link PROVENANCE_MIME}) or
 * stored in notebook metadata `nnbook.provenance`; the exporter merges both into the header.
 */
export interface Provenance {
  data?: DataSource[];
  seeds?: Record<string, number>;
  /** the engine's arithmetic version (e.g. "arith.1"): results are bit-identical on every
   * machine, kernel and thread count with the same version. `showProvenance` fills it in. */
  arithmetic?: string;
  /** the matrix-product kernel that ran (e.g. "native-avx512"): does not change the results;
   * reported in the run-dependent footer only. `showProvenance` fills it in. */
  matrixKernel?: string;
}

/** Payload of {@link PROGRESS_MIME}. */
export interface ProgressPayload {
  label: string;
  done: number;
  total: number | null;
  note?: string;
  finished: boolean;
}
