import { loadCifar10, loadMnist, StandardizeMode } from "../data";
import { ConfigError, checkEnum, checkKeys, checkNumber, checkObject, show } from "../experiments/check";
import type { ExperimentData } from "../experiments/data";
import { BlobOptions, gaussianBlobs } from "../experiments/synthetic-data";

const MODES = ["dimension", "channel", "global", "none"] as const;

/**
 * How a worker loads, from its own files, the data a job needs: plain JSON, sent with every job.
 * The worker loads it (never downloading), then checks the fingerprint the job names.
 */
export type DataSource =
  | { readonly kind: "cifar10"; readonly split: "standard" | "small"; readonly validationSize: number; readonly standardize: StandardizeMode }
  | { readonly kind: "mnist"; readonly validationShare: number; readonly shuffleSeed?: number | string; readonly standardize: StandardizeMode }
  | { readonly kind: "blobs"; readonly options: Omit<BlobOptions, "shared"> };

/** Experiment data that remembers its source (what `loadDataSource` returns). */
export interface SourcedData extends ExperimentData {
  readonly source: DataSource;
}

/**
 * The source of some experiment data: its own `source` field (data from `loadDataSource`), or
 * the loader options recorded by loadCifar10 / loadMnist. Throws a clear error for data a remote
 * worker could not load (hand-made arrays).
 */
export function dataSourceOf(data: ExperimentData): DataSource {
  const d = data as ExperimentData & { source?: unknown; name?: unknown; config?: Record<string, unknown> };
  if (d.source !== undefined) return checkDataSource(d.source);
  const c = d.config ?? {};
  if (d.name === "CIFAR-10") {
    return checkDataSource({ kind: "cifar10", split: c.split, validationSize: c.validationSize, standardize: c.standardize });
  }
  if (d.name === "MNIST") {
    const seed = c.shuffleSeed === "none" ? undefined : c.shuffleSeed;
    const nVal = Number(c.validationSize); // of the training file's images (decodes the data to count the rest)
    return checkDataSource({
      kind: "mnist",
      validationShare: nVal / (nVal + data.train.X.cols),
      standardize: c.standardize,
      ...(seed !== undefined ? { shuffleSeed: seed } : {}),
    });
  }
  throw new Error(
    `queue: this data (${data.provenance}) cannot be sent to remote workers: only CIFAR-10 and MNIST ` +
      "from loadCifar10/loadMnist, and data from loadDataSource, say how a worker can load them",
  );
}

/** Checks a data source received in a job; throws a `ConfigError` naming the field. */
export function checkDataSource(value: unknown, path = "source"): DataSource {
  const s = checkObject(value, path);
  const kind = checkEnum(s.kind, `${path}.kind`, ["cifar10", "mnist", "blobs"] as const);
  if (kind === "cifar10") {
    checkKeys(s, ["kind", "split", "validationSize", "standardize"], path);
    return {
      kind,
      split: checkEnum(s.split, `${path}.split`, ["standard", "small"] as const),
      validationSize: checkNumber(s.validationSize, `${path}.validationSize`, { integer: true, min: 0 }),
      standardize: checkEnum(s.standardize, `${path}.standardize`, MODES),
    };
  }
  if (kind === "mnist") {
    checkKeys(s, ["kind", "validationShare", "shuffleSeed", "standardize"], path);
    if (s.shuffleSeed !== undefined && typeof s.shuffleSeed !== "number" && typeof s.shuffleSeed !== "string") {
      throw new ConfigError(`${path}.shuffleSeed`, `expected a number or a string, got ${show(s.shuffleSeed)}`);
    }
    return {
      kind,
      validationShare: checkNumber(s.validationShare, `${path}.validationShare`, { min: 0, max: 1 }),
      standardize: checkEnum(s.standardize, `${path}.standardize`, MODES),
      ...(s.shuffleSeed !== undefined ? { shuffleSeed: s.shuffleSeed as number | string } : {}),
    };
  }
  checkKeys(s, ["kind", "options"], path);
  const o = checkObject(s.options, `${path}.options`);
  checkKeys(o, ["dims", "classes", "train", "validation", "test", "separation", "seed"], `${path}.options`);
  const int = (k: string, min: number): number => checkNumber(o[k], `${path}.options.${k}`, { integer: true, min });
  const options: Omit<BlobOptions, "shared"> = {
    dims: int("dims", 1),
    classes: int("classes", 2),
    train: int("train", 1),
    validation: int("validation", 0),
    test: int("test", 0),
    seed: checkNumber(o.seed, `${path}.options.seed`, {}),
    ...(o.separation !== undefined ? { separation: checkNumber(o.separation, `${path}.options.separation`, { min: 0 }) } : {}),
  };
  return { kind, options };
}

/**
 * Loads a source from this machine's files ($CIFAR10_DIR / $MNIST_DIR or the loaders' default
 * folders; never downloading) or generates the synthetic blobs. The result carries its `source`.
 */
export async function loadDataSource(source: DataSource): Promise<SourcedData> {
  if (source.kind === "blobs") return { ...gaussianBlobs(source.options), source };
  if (source.kind === "cifar10") {
    const { split, validationSize, standardize } = source;
    return withSource(await loadCifar10({ split, validationSize, standardize, download: false }), source);
  }
  const { validationShare, shuffleSeed, standardize } = source;
  return withSource(await loadMnist({ validationShare, shuffleSeed, standardize, download: false }), source);
}

/** The data with `source` added, its lazily decoded splits left lazy (no spread of getters). */
function withSource<T extends ExperimentData>(data: T, source: DataSource): T & { source: DataSource } {
  Object.defineProperty(data, "source", { value: source, enumerable: true });
  return data as T & { source: DataSource };
}
