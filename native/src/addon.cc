// The N-API binding: `variants()` lists the kernel variants this CPU runs (fastest first) and
// `gemm(variant, threads, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc[, bCols])`
// runs C ← alpha·op(A)·op(B) + beta·C on column-major Float64Arrays; the optional Int32Array
// bCols names the column of B that each stored column of B is (see GemmArgs). B may instead be a
// Uint8Array of bytes with the 17th and 18th arguments, Float64Arrays `scale` and `shift` of one
// value per stored row of B: element v of row r stands for v·scale[r] + shift[r]. Every argument is
// checked here (types, integer dimensions, leading dimensions, array lengths, every index of
// bCols) so that no call from JavaScript can read or write outside the arrays. The element-wise
// passes of element-ops.h are exported under their own names (`biasBnRelu`, `bnRowStats`,
// `bnNormalize`, `bnReluBackward`, `softmax`, `exp`), each with the variant as its first argument (the passes are
// compiled per variant) and the others checked the same way.
#define NAPI_VERSION 8
#include <node_api.h>

#include <cmath>
#include <string>

#include "dispatch.h"

namespace {

using nnbook::GemmArgs;

constexpr size_t kArgCount = 15;  // then the optional bCols, scale, shift
constexpr size_t kMaxArgs = kArgCount + 3;
const char* const kArgNames[kArgCount] = {"variant", "threads", "transA", "transB", "m", "n", "k",
                                          "alpha", "A", "lda", "B", "ldb", "beta", "C", "ldc"};

napi_value fail(napi_env env, const std::string& message) {
  napi_throw_range_error(env, nullptr, ("nnbook native gemm: " + message).c_str());
  return nullptr;
}

bool getBool(napi_env env, napi_value v, bool* out) {
  return napi_get_value_bool(env, v, out) == napi_ok;
}

bool getDouble(napi_env env, napi_value v, double* out) {
  return napi_get_value_double(env, v, out) == napi_ok;
}

/** A non-negative integer below 2^31 (`min` = 1 for leading dimensions). */
bool getIndex(napi_env env, napi_value v, long min, long* out) {
  double d;
  if (napi_get_value_double(env, v, &d) != napi_ok) return false;
  if (!(d >= min && d < 2147483648.0 && std::floor(d) == d)) return false;
  *out = static_cast<long>(d);
  return true;
}

bool getTypedArray(napi_env env, napi_value v, napi_typedarray_type want, void** data, size_t* length) {
  bool isTyped = false;
  if (napi_is_typedarray(env, v, &isTyped) != napi_ok || !isTyped) return false;
  napi_typedarray_type type;
  void* raw = nullptr;
  if (napi_get_typedarray_info(env, v, &type, length, &raw, nullptr, nullptr) != napi_ok) return false;
  if (type != want) return false;
  *data = raw;
  return true;
}

bool getFloat64Array(napi_env env, napi_value v, double** data, size_t* length) {
  void* raw = nullptr;
  if (!getTypedArray(env, v, napi_float64_array, &raw, length)) return false;
  *data = static_cast<double*>(raw);
  return true;
}

/** B: a Float64Array, or a Uint8Array (bytes to decode; *bytes set, *data null). */
bool getOperandB(napi_env env, napi_value v, double** data, const unsigned char** bytes, size_t* length) {
  *data = nullptr;
  *bytes = nullptr;
  if (getFloat64Array(env, v, data, length)) return true;
  void* raw = nullptr;
  if (!getTypedArray(env, v, napi_uint8_array, &raw, length)) return false;
  *bytes = static_cast<const unsigned char*>(raw);
  return true;
}

/** The decoding of byte B: Float64Arrays scale and shift of at least `rows` values each. */
std::string getDecoding(napi_env env, napi_value scaleArg, napi_value shiftArg, long rows, const double** scale, const double** shift) {
  double *s, *h;
  size_t ls, lh;
  if (!getFloat64Array(env, scaleArg, &s, &ls)) return "B is a Uint8Array, so argument scale must be a Float64Array";
  if (!getFloat64Array(env, shiftArg, &h, &lh)) return "B is a Uint8Array, so argument shift must be a Float64Array";
  if (ls < static_cast<size_t>(rows) || lh < static_cast<size_t>(rows)) {
    return "scale and shift need one value per stored row of B (" + std::to_string(rows) + "), got " + std::to_string(ls) +
           " and " + std::to_string(lh);
  }
  *scale = s;
  *shift = h;
  return "";
}

/** Checks that a rows × cols column-major matrix with leading dimension ld fits in `length`. */
std::string checkFits(const char* name, long rows, long cols, long ld, size_t length) {
  if (ld < rows) {
    return std::string("ld") + name + " = " + std::to_string(ld) + " is less than the " +
           std::to_string(rows) + " stored rows of " + name;
  }
  if (rows == 0 || cols == 0) return "";
  const double needed = static_cast<double>(cols - 1) * ld + rows;
  if (needed > static_cast<double>(length)) {
    return std::string(name) + " has " + std::to_string(length) + " elements but its " +
           std::to_string(rows) + " × " + std::to_string(cols) + " stored matrix with ld" + name +
           " = " + std::to_string(ld) + " needs " + std::to_string(static_cast<long>(needed));
  }
  return "";
}

/**
 * Reads the optional bCols argument (undefined/null: none) for B's `count` stored columns of
 * `rows` elements: an Int32Array of at least `count` indices, each column inside B. Returns an
 * error message, empty when fine.
 */
std::string getColumns(napi_env env, napi_value v, long count, long rows, long ldb, size_t lenB, const int** out) {
  napi_valuetype type;
  if (napi_typeof(env, v, &type) != napi_ok) return "bCols could not be read";
  *out = nullptr;
  if (type == napi_undefined || type == napi_null) return "";
  bool isTyped = false;
  napi_typedarray_type kind;
  size_t length = 0;
  void* raw = nullptr;
  if (napi_is_typedarray(env, v, &isTyped) != napi_ok || !isTyped ||
      napi_get_typedarray_info(env, v, &kind, &length, &raw, nullptr, nullptr) != napi_ok || kind != napi_int32_array) {
    return "argument bCols must be an Int32Array";
  }
  if (length < static_cast<size_t>(count)) {
    return "bCols has " + std::to_string(length) + " indices for the " + std::to_string(count) + " stored columns of B";
  }
  const int* cols = static_cast<const int*>(raw);
  for (long c = 0; c < count && rows > 0; c++) {
    const double end = static_cast<double>(cols[c]) * ldb + rows;
    if (cols[c] < 0 || end > static_cast<double>(lenB)) {
      return "bCols[" + std::to_string(c) + "] = " + std::to_string(cols[c]) + " is outside B (" +
             std::to_string(lenB) + " elements, ldB = " + std::to_string(ldb) + ")";
    }
  }
  *out = cols;
  return "";
}

napi_value Variants(napi_env env, napi_callback_info) {
  int count = 0;
  const nnbook::Variant* const* list = nnbook::supportedVariants(&count);
  napi_value result;
  napi_create_array_with_length(env, count, &result);
  for (int i = 0; i < count; i++) {
    napi_value name;
    napi_create_string_utf8(env, list[i]->name, NAPI_AUTO_LENGTH, &name);
    napi_set_element(env, result, i, name);
  }
  return result;
}

napi_value Gemm(napi_env env, napi_callback_info info) {
  size_t argc = kMaxArgs;
  napi_value a[kMaxArgs];
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  if (argc != kArgCount && argc != kArgCount + 1 && argc != kMaxArgs) {
    return fail(env, "expected 15, 16 or 18 arguments, got " + std::to_string(argc));
  }
  long variant, threads;
  GemmArgs g;
  double *A, *B, *C;
  const unsigned char* Bu8 = nullptr;
  size_t lenA, lenB, lenC;
  int bad = -1;
  if (!getIndex(env, a[0], 0, &variant)) bad = 0;
  else if (!getIndex(env, a[1], 1, &threads)) bad = 1;
  else if (!getBool(env, a[2], &g.transA)) bad = 2;
  else if (!getBool(env, a[3], &g.transB)) bad = 3;
  else if (!getIndex(env, a[4], 0, &g.m)) bad = 4;
  else if (!getIndex(env, a[5], 0, &g.n)) bad = 5;
  else if (!getIndex(env, a[6], 0, &g.k)) bad = 6;
  else if (!getDouble(env, a[7], &g.alpha)) bad = 7;
  else if (!getFloat64Array(env, a[8], &A, &lenA)) bad = 8;
  else if (!getIndex(env, a[9], 1, &g.lda)) bad = 9;
  else if (!getOperandB(env, a[10], &B, &Bu8, &lenB)) bad = 10;
  else if (!getIndex(env, a[11], 1, &g.ldb)) bad = 11;
  else if (!getDouble(env, a[12], &g.beta)) bad = 12;
  else if (!getFloat64Array(env, a[13], &C, &lenC)) bad = 13;
  else if (!getIndex(env, a[14], 1, &g.ldc)) bad = 14;
  if (bad >= 0) {
    const char* want = bad == 10                        ? "a Float64Array or a Uint8Array"
                       : bad == 8 || bad == 13            ? "a Float64Array"
                       : bad == 2 || bad == 3             ? "a boolean"
                       : bad == 7 || bad == 12            ? "a number"
                                                          : "an integer in range";
    return fail(env, std::string("argument ") + kArgNames[bad] + " must be " + want);
  }
  int count = 0;
  const nnbook::Variant* const* list = nnbook::supportedVariants(&count);
  if (variant >= count) return fail(env, "variant " + std::to_string(variant) + " is not supported here");
  std::string err = checkFits("A", g.transA ? g.k : g.m, g.transA ? g.m : g.k, g.lda, lenA);
  const long rowsB = g.transB ? g.n : g.k;
  const long colsB = g.transB ? g.k : g.n;
  g.bCols = nullptr;
  g.Bu8 = Bu8;
  g.bScale = nullptr;
  g.bShift = nullptr;
  if (err.empty() && argc > kArgCount) err = getColumns(env, a[kArgCount], colsB, rowsB, g.ldb, lenB, &g.bCols);
  if (err.empty() && Bu8 && argc != kMaxArgs) err = "B is a Uint8Array but no scale and shift were given";
  if (err.empty() && !Bu8 && argc == kMaxArgs) err = "scale and shift were given but B is not a Uint8Array";
  if (err.empty() && Bu8) err = getDecoding(env, a[kArgCount + 1], a[kArgCount + 2], rowsB, &g.bScale, &g.bShift);
  if (err.empty()) err = checkFits("B", rowsB, g.bCols ? 0 : colsB, g.ldb, lenB);  // bCols: checked above
  if (err.empty()) err = checkFits("C", g.m, g.n, g.ldc, lenC);
  if (!err.empty()) return fail(env, err);
  g.A = A;
  g.B = B;
  g.C = C;
  if (!nnbook::gemm(*list[variant], static_cast<int>(threads), g)) {
    return fail(env, "out of memory for the packing buffers");
  }
  return nullptr;
}

/**
 * The arguments of an element-wise op (see element-ops.h), in its order: `m` and `n` (integers),
 * then Float64Arrays, each of at least m·n values ("matrix") or m values ("row"); a matrix marked
 * nullable may be null. Every length is checked here, so no call can read or write outside an array.
 */
struct OpArgs {
  const nnbook::ElementOps* ops = nullptr;  // the variant's passes
  long m = 0, n = 0;
  double* arrays[12] = {};
};

enum Kind { kDim, kMatrix, kRow, kNullableMatrix };

/**
 * Reads the variant (the first argument) and then `count` arguments of the kinds given; false (with a
 * RangeError thrown) when one is wrong.
 */
bool readOpArgs(napi_env env, napi_callback_info info, const char* op, size_t count, const char* const* names,
                const Kind* kinds, OpArgs* out) {
  napi_value args[13];
  size_t argc = 13;
  napi_get_cb_info(env, info, &argc, args, nullptr, nullptr);
  const std::string prefix = std::string(op) + ": ";
  if (argc != count + 1) {
    fail(env, prefix + "expected " + std::to_string(count + 1) + " arguments, got " + std::to_string(argc));
    return false;
  }
  long variant;
  int variants = 0;
  const nnbook::Variant* const* list = nnbook::supportedVariants(&variants);
  if (!getIndex(env, args[0], 0, &variant) || variant >= variants) {
    fail(env, prefix + "argument variant must be the index of a variant this CPU runs (0 … " + std::to_string(variants - 1) + ")");
    return false;
  }
  out->ops = list[variant]->elementOps;
  napi_value* a = args + 1;
  long* dims[2] = {&out->m, &out->n};
  int dim = 0;
  for (size_t i = 0; i < count; i++) {
    if (kinds[i] != kDim) continue;
    if (!getIndex(env, a[i], 0, dims[dim++])) {
      fail(env, prefix + "argument " + names[i] + " must be an integer in range");
      return false;
    }
  }
  for (size_t i = 0; i < count; i++) {
    if (kinds[i] == kDim) continue;
    if (kinds[i] == kNullableMatrix) {
      napi_valuetype type;
      if (napi_typeof(env, a[i], &type) == napi_ok && type == napi_null) continue;
    }
    size_t length = 0;
    if (!getFloat64Array(env, a[i], &out->arrays[i], &length)) {
      fail(env, prefix + "argument " + names[i] + " must be a Float64Array" + (kinds[i] == kNullableMatrix ? " or null" : ""));
      return false;
    }
    const double rows = static_cast<double>(out->m);
    const double need = kinds[i] == kRow ? rows : rows * static_cast<double>(out->n);
    if (static_cast<double>(length) < need) {
      fail(env, prefix + names[i] + " has " + std::to_string(length) + " values, needs " + std::to_string(static_cast<long>(need)));
      return false;
    }
  }
  return true;
}

/** `biasBnRelu(variant, S, m, n, bias, mu, inv, gamma, beta)`: returns whether S + b stayed finite. */
napi_value BiasBnRelu(napi_env env, napi_callback_info info) {
  const char* const names[] = {"S", "m", "n", "bias", "mu", "inv", "gamma", "beta"};
  const Kind kinds[] = {kMatrix, kDim, kDim, kRow, kRow, kRow, kRow, kRow};
  OpArgs r;
  if (!readOpArgs(env, info, "biasBnRelu", 8, names, kinds, &r)) return nullptr;
  double* const* x = r.arrays;
  const bool finite = r.ops->biasBnRelu(x[0], r.m, r.n, x[3], x[4], x[5], x[6], x[7]);
  napi_value result;
  napi_get_boolean(env, finite, &result);
  return result;
}

/** `bnRowStats(variant, S, m, n, mu, v)` */
napi_value BnRowStats(napi_env env, napi_callback_info info) {
  const char* const names[] = {"S", "m", "n", "mu", "v"};
  const Kind kinds[] = {kMatrix, kDim, kDim, kRow, kRow};
  OpArgs r;
  if (!readOpArgs(env, info, "bnRowStats", 5, names, kinds, &r)) return nullptr;
  if (r.n == 0) return fail(env, "bnRowStats: n must be at least 1");
  r.ops->bnRowStats(r.arrays[0], r.m, r.n, r.arrays[3], r.arrays[4]);
  return nullptr;
}

/** `bnNormalize(variant, S, m, n, mu, inv, gamma, beta, SHat, out, H | null)` */
napi_value BnNormalize(napi_env env, napi_callback_info info) {
  const char* const names[] = {"S", "m", "n", "mu", "inv", "gamma", "beta", "SHat", "out", "H"};
  const Kind kinds[] = {kMatrix, kDim, kDim, kRow, kRow, kRow, kRow, kMatrix, kMatrix, kNullableMatrix};
  OpArgs r;
  if (!readOpArgs(env, info, "bnNormalize", 10, names, kinds, &r)) return nullptr;
  double* const* x = r.arrays;
  r.ops->bnNormalize(x[0], r.m, r.n, x[3], x[4], x[5], x[6], x[7], x[8], x[9]);
  return nullptr;
}

/** `bnReluBackward(variant, A, dOut, SHat, gamma, inv, m, n, dS, dGamma, dBeta)` */
napi_value BnReluBackward(napi_env env, napi_callback_info info) {
  const char* const names[] = {"A", "dOut", "SHat", "gamma", "inv", "m", "n", "dS", "dGamma", "dBeta"};
  const Kind kinds[] = {kMatrix, kMatrix, kMatrix, kRow, kRow, kDim, kDim, kMatrix, kRow, kRow};
  OpArgs r;
  if (!readOpArgs(env, info, "bnReluBackward", 10, names, kinds, &r)) return nullptr;
  if (r.n == 0) return fail(env, "bnReluBackward: n must be at least 1");
  double* const* x = r.arrays;
  r.ops->bnReluBackward(x[0], x[1], x[2], x[3], x[4], r.m, r.n, x[7], x[8], x[9]);
  return nullptr;
}

/** A pass Y = f(X) on m × n matrices (`softmax`, `exp`): `op(variant, X, m, n, Y)`, Y may be X. */
template <void (*const nnbook::ElementOps::*Pass)(const double*, long, long, double*)>
napi_value MatrixPass(napi_env env, napi_callback_info info, const char* op, const char* x, const char* y) {
  const char* const names[] = {x, "m", "n", y};
  const Kind kinds[] = {kMatrix, kDim, kDim, kMatrix};
  OpArgs r;
  if (!readOpArgs(env, info, op, 4, names, kinds, &r)) return nullptr;
  (r.ops->*Pass)(r.arrays[0], r.m, r.n, r.arrays[3]);
  return nullptr;
}

/** `softmax(variant, S, m, n, P)`: the softmax of each column of S into P (P may be S). */
napi_value Softmax(napi_env env, napi_callback_info info) {
  return MatrixPass<&nnbook::ElementOps::softmax>(env, info, "softmax", "S", "P");
}

/** `exp(variant, X, m, n, Y)`: Y = exp(X) element by element, as Math.exp (Y may be X). */
napi_value Exp(napi_env env, napi_callback_info info) { return MatrixPass<&nnbook::ElementOps::exp>(env, info, "exp", "X", "Y"); }

}  // namespace

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"variants", nullptr, Variants, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"gemm", nullptr, Gemm, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"biasBnRelu", nullptr, BiasBnRelu, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"bnRowStats", nullptr, BnRowStats, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"bnNormalize", nullptr, BnNormalize, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"bnReluBackward", nullptr, BnReluBackward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"softmax", nullptr, Softmax, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"exp", nullptr, Exp, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props);
  return exports;
}
