# The native matrix-product addon (see native/README.md). Each instruction set gets its own
# static library so that its flags apply to its translation unit only; the addon itself and the
# dispatcher are compiled for the baseline CPU and pick a variant at load time.
{
  "target_defaults": {
    "cflags_cc": ["-O3", "-ffp-contract=off", "-fPIC"],
    "cflags_cc!": ["-fno-exceptions"],
  },
  "targets": [
    {
      "target_name": "nnbook_gemm",
      "sources": ["src/addon.cc", "src/dispatch.cc", "src/worker.cc", "src/gemm-generic.cc"],
      "conditions": [
        ["target_arch=='x64'", {
          "defines": ["NNBOOK_X86_VARIANTS"],
          "dependencies": ["nnbook_avx2", "nnbook_avx512", "nnbook_avx2_w8"],
        }],
      ],
    },
  ],
  "conditions": [
    ["target_arch=='x64'", {
      "targets": [
        {
          "target_name": "nnbook_avx2",
          "type": "static_library",
          "sources": ["src/gemm-avx2.cc"],
          "cflags_cc": ["-mavx2", "-mfma"],
        },
        {
          "target_name": "nnbook_avx512",
          "type": "static_library",
          "sources": ["src/gemm-avx512.cc"],
          "cflags_cc": ["-mavx512f", "-mavx2", "-mfma"],
        },
        {
          "target_name": "nnbook_avx2_w8",
          "type": "static_library",
          "sources": ["src/gemm-avx2-w8.cc"],
          "cflags_cc": ["-mavx2", "-mfma", "-Wno-psabi"],
        },
      ],
    }],
  ],
}
