/**
 * The matrix type every module shares.
 *
 * Layout: a `Matrix` of shape rows × cols stores element (i, j) at `data[i + j * rows]`
 * (column-major, as MATLAB and the DD2424 assignments write it). Data sets are d × n with
 * **one sample per column**, so each sample is a contiguous run of `rows` numbers and a
 * mini-batch is a contiguous slice of columns.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** length rows * cols, column-major */
  readonly data: Float64Array;
  /** set on a data set kept as bytes (see `byteMatrix`): `data` is then decoded on first use */
  readonly encoded?: ByteEncoding;
}

/**
 * A matrix kept as bytes: element (i, j) is bytes[i + j·rows]·scale[i] + shift[i] (the product
 * rounded, then the sum), one scale and shift per row. A standardized CIFAR-10 set is 150 MB of
 * bytes against 1.2 GB of float64; the kernels decode the bytes while packing (see `matmul`).
 */
export interface ByteEncoding {
  readonly bytes: Uint8Array;
  readonly scale: Float64Array;
  readonly shift: Float64Array;
}

/**
 * The `Matrix` of a `ByteEncoding`. `matmul`, `columnsView`, `gatherColumns` and `selectColumns`
 * read the bytes; anything else that reads `data` gets the float64 form, decoded once on first
 * access (the same bits as decoding element by element).
 */
class ByteMatrix implements Matrix {
  #data: Float64Array | undefined;

  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly encoded: ByteEncoding,
  ) {}

  get data(): Float64Array {
    if (!this.#data) {
      this.#data = new Float64Array(this.rows * this.cols);
      decodeColumns(this, this.cols, this.#data);
    }
    return this.#data;
  }

  /** Whether `data` has been decoded (tests use it to check that a path stays on the bytes). */
  get decoded(): boolean {
    return this.#data !== undefined;
  }
}

/** Wraps bytes (not copied) as a rows × cols matrix (see `ByteEncoding`). */
export function byteMatrix(rows: number, cols: number, encoded: ByteEncoding): Matrix {
  checkShape(rows, cols, "byteMatrix");
  if (encoded.bytes.length !== rows * cols) {
    throw new RangeError(`byteMatrix: ${rows} × ${cols} needs ${rows * cols} bytes, got ${encoded.bytes.length}`);
  }
  if (encoded.scale.length !== rows || encoded.shift.length !== rows) {
    throw new RangeError(`byteMatrix: scale and shift need ${rows} values (one per row), got ${encoded.scale.length} and ${encoded.shift.length}`);
  }
  return new ByteMatrix(rows, cols, encoded);
}

/** Whether `m` is kept as bytes and its float64 `data` has already been decoded (false for a plain matrix). */
export function isDecoded(m: Matrix): boolean {
  return m instanceof ByteMatrix && m.decoded;
}

/**
 * A matrix that crossed a thread boundary (structured clone keeps `encoded` and drops the decoded
 * form) made whole again: byte matrices become byte matrices, anything else is returned as is.
 */
export function reviveMatrix(m: Matrix): Matrix {
  if (m instanceof ByteMatrix || !m.encoded) return m;
  return byteMatrix(m.rows, m.cols, m.encoded);
}

/** Decodes `count` columns of a byte matrix (columns index[0…], or 0…count−1) into out, one after another. */
function decodeColumns(m: Matrix & { encoded: ByteEncoding }, count: number, out: Float64Array, index?: ArrayLike<number>): void {
  const { bytes, scale, shift } = m.encoded;
  const d = m.rows;
  for (let c = 0, o = 0; c < count; c++, o += d) {
    const p = (index ? index[c] : c) * d;
    for (let i = 0; i < d; i++) out[o + i] = bytes[p + i] * scale[i] + shift[i];
  }
}

/** Throws a clear error unless `rows` and `cols` are non-negative integers. */
function checkShape(rows: number, cols: number, what: string): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`${what}: shape must be non-negative integers, got ${rows} × ${cols}`);
  }
}

/** A rows × cols matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
  checkShape(rows, cols, "zeros");
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** A rows × cols matrix filled with `value`. */
export function filled(rows: number, cols: number, value: number): Matrix {
  const m = zeros(rows, cols);
  m.data.fill(value);
  return m;
}

/** Wraps existing column-major data (not copied) as a rows × cols matrix. */
export function fromData(rows: number, cols: number, data: Float64Array): Matrix {
  checkShape(rows, cols, "fromData");
  if (data.length !== rows * cols) {
    throw new RangeError(`fromData: ${rows} × ${cols} needs ${rows * cols} values, got ${data.length}`);
  }
  return { rows, cols, data };
}

/** Builds a matrix from nested row arrays `[[a11, a12], [a21, a22]]` (handy in tests and notebooks). */
export function fromRows(rowsArr: readonly (readonly number[])[]): Matrix {
  const rows = rowsArr.length;
  const cols = rows === 0 ? 0 : rowsArr[0].length;
  const m = zeros(rows, cols);
  rowsArr.forEach((r, i) => {
    if (r.length !== cols) throw new RangeError(`fromRows: row ${i} has ${r.length} values, expected ${cols}`);
    r.forEach((v, j) => (m.data[i + j * rows] = v));
  });
  return m;
}

/** Element (i, j). */
export function get(m: Matrix, i: number, j: number): number {
  return m.data[i + j * m.rows];
}

/** A deep copy. */
export function clone(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}

/** "rows × cols", used in error messages and tables. */
export function shapeOf(m: { readonly rows: number; readonly cols: number }): string {
  return `${m.rows} × ${m.cols}`;
}

/** Throws `${what}: expected R × C, got …` unless `m` has that shape. */
export function assertShape(m: Matrix, rows: number, cols: number, what: string): void {
  if (m.rows !== rows || m.cols !== cols) {
    throw new RangeError(`${what}: expected shape ${rows} × ${cols}, got ${shapeOf(m)}`);
  }
}

/** Throws naming `what` and the first offending index if any entry is NaN or ±∞. */
export function assertFinite(m: Matrix, what: string): void {
  const d = m.data;
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k])) {
      const i = k % m.rows;
      const j = (k - i) / m.rows;
      throw new RangeError(`${what}: non-finite value ${d[k]} at (${i}, ${j})`);
    }
  }
}

/**
 * Columns `start … start+count-1` of `m` as a view sharing memory (no copy): possible because
 * columns are contiguous.
 */
export function columnsView(m: Matrix, start: number, count: number): Matrix {
  if (start < 0 || count < 0 || start + count > m.cols) {
    throw new RangeError(`columnsView: columns ${start}…${start + count - 1} out of range for ${shapeOf(m)}`);
  }
  if (m.encoded) {
    const { bytes, scale, shift } = m.encoded;
    return byteMatrix(m.rows, count, { bytes: bytes.subarray(start * m.rows, (start + count) * m.rows), scale, shift });
  }
  return { rows: m.rows, cols: count, data: m.data.subarray(start * m.rows, (start + count) * m.rows) };
}

/**
 * Gathers the columns listed in `index` into `out` (rows × index.length), allocating `out` if not
 * given. Used to build shuffled mini-batches without per-step allocation.
 */
export function gatherColumns(m: Matrix, index: ArrayLike<number>, out?: Matrix): Matrix {
  const n = index.length;
  const o = out ?? zeros(m.rows, n);
  assertShape(o, m.rows, n, "gatherColumns: out");
  for (let c = 0; c < n; c++) {
    const j = index[c];
    if (!(j >= 0 && j < m.cols)) throw new RangeError(`gatherColumns: column ${j} out of range for ${shapeOf(m)}`);
  }
  if (m.encoded && !isDecoded(m)) {
    decodeColumns(m as Matrix & { encoded: ByteEncoding }, n, o.data, index);
    return o;
  }
  for (let c = 0; c < n; c++) {
    const j = index[c];
    o.data.set(m.data.subarray(j * m.rows, (j + 1) * m.rows), c * m.rows);
  }
  return o;
}

/**
 * Columns index[0], index[1], … of `source` used as one rows × index.length matrix without copying
 * them (a shuffled mini-batch): `matmul` takes it as its right operand (the kernel reads the
 * columns where they are); `gatherColumns(source, index)` copies it out when a plain matrix is needed.
 */
export interface ColumnSelection {
  readonly rows: number;
  readonly cols: number;
  readonly source: Matrix;
  readonly index: Int32Array;
}

/** A `ColumnSelection` of `source`; throws unless every index names a column of `source`. */
export function selectColumns(source: Matrix, index: Int32Array): ColumnSelection {
  for (let c = 0; c < index.length; c++) {
    const j = index[c];
    if (!(j >= 0 && j < source.cols)) throw new RangeError(`selectColumns: column ${j} out of range for ${shapeOf(source)}`);
  }
  return { rows: source.rows, cols: index.length, source, index };
}

/** True for a `ColumnSelection` (it has an index), false for a plain `Matrix`. */
export function isColumnSelection(x: Matrix | ColumnSelection): x is ColumnSelection {
  return (x as ColumnSelection).index !== undefined;
}

/** `x` itself when it is a plain matrix, else its columns copied into a new one. */
export function toMatrix(x: Matrix | ColumnSelection): Matrix {
  return isColumnSelection(x) ? gatherColumns(x.source, x.index) : x;
}
