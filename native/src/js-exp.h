// JavaScript's Math.exp in C++, bit for bit. V8 computes Math.exp with its port of fdlibm's exp
// (Sun's freely distributable libm, 1993), so the native passes that need exp (the softmax) use
// the same algorithm, written here from its description, to give the TypeScript kernel's bits:
//
//   reduce   x = k·ln2 + r with |r| ≤ ln2/2, r kept as hi − lo (ln2 split into a 32-bit head and
//            a tail so k·ln2_hi is exact);
//   approx   R(r²) ≈ r·(e^r + 1)/(e^r − 1) by a degree-5 polynomial: c = r − r²·(P1 + … + r⁸·P5),
//            then e^r = 1 − ((lo − r·c/(2 − c)) − hi);
//   scale    e^x = 2^k · e^r, by building 2^k from its exponent bits.
//
// Every operation is an IEEE double operation rounded on its own (the variants compile with
// -ffp-contract=off, so no FMA), as in V8's build. Checked against Math.exp over the whole double
// range (test/tensor/native-softmax.test.ts); glibc's exp, correctly rounded more often, differs
// from it in about 7 % of random arguments, so the C library's exp could not be used.
#ifndef NNBOOK_JS_EXP_H
#define NNBOOK_JS_EXP_H

#include <cstdint>
#include <cstring>

namespace nnbook {

inline uint32_t highWord(double x) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return static_cast<uint32_t>(bits >> 32);
}

inline double fromHighWord(uint32_t high) {
  const uint64_t bits = static_cast<uint64_t>(high) << 32;
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

/** e^x with the bits of JavaScript's Math.exp(x) (fdlibm's algorithm, as V8 runs it, Math.E at 1). */
inline double jsExp(double x) {
  constexpr double kHalf[2] = {0.5, -0.5};
  constexpr double kLn2Hi[2] = {6.93147180369123816490e-01, -6.93147180369123816490e-01};
  constexpr double kLn2Lo[2] = {1.90821492927058770002e-10, -1.90821492927058770002e-10};
  constexpr double kInvLn2 = 1.44269504088896338700e+00;
  constexpr double P1 = 1.66666666666666019037e-01;
  constexpr double P2 = -2.77777777770155933842e-03;
  constexpr double P3 = 6.61375632143793436117e-05;
  constexpr double P4 = -1.65339022054652515390e-06;
  constexpr double P5 = 4.13813679705723846039e-08;
  constexpr double kOverflow = 7.09782712893383973096e+02;    // above: +∞
  constexpr double kUnderflow = -7.45133219101941108420e+02;  // below: +0
  constexpr double kTwoM1000 = 9.33263618503218878990e-302;   // 2^−1000
  constexpr double kTwo1023 = 8.98846567431157953865e+307;    // 2^1023

  uint32_t hx = highWord(x);
  const int sign = static_cast<int>(hx >> 31);
  hx &= 0x7fffffffu;
  if (hx >= 0x40862E42u) {  // |x| ≥ 709.78
    if (hx >= 0x7ff00000u) {
      if (x != x) return x + x;   // NaN
      return sign == 0 ? x : 0.0;  // e^+∞ = +∞, e^−∞ = 0
    }
    if (x > kOverflow) return kTwo1023 * kTwo1023;     // +∞
    if (x < kUnderflow) return kTwoM1000 * kTwoM1000;  // +0
  }
  double hi = 0.0, lo = 0.0;
  int k = 0;
  if (hx > 0x3fd62e42u) {  // |x| > ln2/2
    if (hx < 0x3FF0A2B2u) {  // and < 1.5·ln2: k = ±1
      // V8's one departure from fdlibm: e^1 is Math.E (the steps below give it one ulp high)
      if (x == 1.0) return 2.718281828459045;
      hi = x - kLn2Hi[sign];
      lo = kLn2Lo[sign];
      k = 1 - sign - sign;
    } else {
      k = static_cast<int>(kInvLn2 * x + kHalf[sign]);
      const double t = k;
      hi = x - t * kLn2Hi[0];  // exact: t·ln2_hi has few enough bits
      lo = t * kLn2Lo[0];
    }
    x = hi - lo;
  } else if (hx < 0x3e300000u) {  // |x| < 2^−28: e^x = 1 + x (rounded)
    return 1.0 + x;
  }
  const double t = x * x;
  const double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * kTwo1023;
    return y * fromHighWord(0x3ff00000u + (static_cast<uint32_t>(k) << 20));
  }
  return y * fromHighWord(0x3ff00000u + (static_cast<uint32_t>(k + 1000) << 20)) * kTwoM1000;
}

}  // namespace nnbook

#endif
