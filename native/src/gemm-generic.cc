// Portable variant: 2-double vectors (SSE2 on x86-64, NEON on arm64), 4 × 4 register tiles.
// Compiled with the platform's baseline flags, so it runs on every CPU of the architecture.
#define NNBOOK_W 2
#define NNBOOK_MV 2
#define NNBOOK_NR 4
#define NNBOOK_MC 96
#define NNBOOK_KC 256
#define NNBOOK_NC 4096
#define NNBOOK_VARIANT kVariantGeneric
#define NNBOOK_VARIANT_NAME "generic"
#include "gemm-impl.h"
