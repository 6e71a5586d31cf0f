// The AVX-512 variant's exact blocking (8-double vectors, 24 × 8 tiles) compiled for AVX2, where
// the compiler splits every 8-double vector in two. Slow (it spills registers) and never chosen
// automatically: it exists so that machines without AVX-512 can still test that blocking.
#define NNBOOK_W 8
#define NNBOOK_MV 3
#define NNBOOK_NR 8
#define NNBOOK_MC 144
#define NNBOOK_KC 512
#define NNBOOK_NC 4096
#define NNBOOK_VARIANT kVariantAvx2W8
#define NNBOOK_VARIANT_NAME "avx2-w8"
#include "gemm-impl.h"
