// AVX2 + FMA variant: 8 × 6 register tiles (12 accumulators, 2 A vectors, 1 broadcast of 16 ymm).
// Compiled with -mavx2 -mfma; only called after the dispatcher checked the CPU supports both.
#define NNBOOK_W 4
#define NNBOOK_MV 2
#define NNBOOK_NR 6
#define NNBOOK_MC 120
#define NNBOOK_KC 256
#define NNBOOK_NC 4080
#define NNBOOK_VARIANT kVariantAvx2
#define NNBOOK_VARIANT_NAME "avx2"
#include "gemm-impl.h"
