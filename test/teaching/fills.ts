/**
 * What a student might write into the stubs of the walkthroughs: correct implementations written
 * independently of the teacher's solutions (other loop orders, the assignment's staged formula),
 * and the subtly wrong BN backward pass without the mean term.
 */
import { cellSource, CodeCell, Notebook } from "../../src/nbformat/notebook";
import { stubLine } from "../../src/teaching";
import { code } from "./fixtures";

/** Body for `myBatchnormForward` (scope: S, gamma, beta, opts, m, n, eps, alpha, mu, v, invStd, SHat, out, nextStats). */
export const BN_FORWARD = `
for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) mu.data[i] += S.data[i + j * m] / n;
for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) v.data[i] += (S.data[i + j * m] - mu.data[i]) ** 2 / n;
if (opts.mode === "eval") {
  mu.data.set(opts.stats.muAv.data);
  v.data.set(opts.stats.vAv.data);
}
for (let i = 0; i < m; i++) invStd.data[i] = (v.data[i] + eps) ** -0.5;
S.data.forEach((s, k) => {
  SHat.data[k] = (s - mu.data[k % m]) * invStd.data[k % m];
  out.data[k] = gamma.data[k % m] * SHat.data[k] + beta.data[k % m];
});
for (let i = 0; i < m; i++) {
  nextStats.muAv.data[i] = alpha * opts.stats.muAv.data[i] + (1 - alpha) * mu.data[i];
  nextStats.vAv.data[i] = alpha * opts.stats.vAv.data[i] + (1 - alpha) * v.data[i];
}`;

/**
 * Body for `myBatchnormBackward` (scope: dOut, cache, SHat, gamma, invStd, m, n, dS, dGamma, dBeta):
 * the assignment's BatchNormBackPass with σ1 = (v + ε)^−½, σ2 = (v + ε)^−³⁄², D = S − μ.
 * `meanTerm = false` drops −(1/n)·Σ_j G1 (the mistake the self-check must catch).
 */
export function bnBackwardBody(meanTerm: boolean): string {
  return `
const { S, mu, v, eps } = cache;
for (let i = 0; i < m; i++) {
  const s1 = (v.data[i] + eps) ** -0.5, s2 = (v.data[i] + eps) ** -1.5;
  let g1Sum = 0, c = 0;
  for (let j = 0; j < n; j++) {
    const k = i + j * m;
    dBeta.data[i] += dOut.data[k];
    dGamma.data[i] += dOut.data[k] * SHat.data[k];
    g1Sum += gamma.data[i] * dOut.data[k] * s1;
    c += gamma.data[i] * dOut.data[k] * s2 * (S.data[k] - mu.data[i]);
  }
  for (let j = 0; j < n; j++) {
    const k = i + j * m;
    dS.data[k] = gamma.data[i] * dOut.data[k] * s1${meanTerm ? " - g1Sum / n" : ""} - ((S.data[k] - mu.data[i]) * c) / n;
  }
}`;
}

/** Body for `myCyclicalEta` (scope: t, etaMin, etaMax, nS): a triangle wave. */
export const CYCLICAL_ETA = `
return etaMin + (etaMax - etaMin) * (1 - Math.abs((t % (2 * nS)) / nS - 1));`;

/** Body for `myNumericalGradient` (scope: f, value, h, grad). */
export const NUMERICAL_GRADIENT = `
value.data.forEach((saved, k) => {
  const at = (x: number): number => {
    value.data[k] = x;
    const y = f();
    value.data[k] = saved;
    return y;
  };
  grad.data[k] = (at(saved + h) - at(saved - h)) / (2 * h);
});`;

/** Replaces the stub of `name` in `nb` (in place) by `body`, indented like the stub. */
export function fillStub(nb: Notebook, name: string, body: string): void {
  const stub = stubLine(name);
  const cell = nb.cells.find((c) => c.cell_type === "code" && cellSource(c).includes(stub));
  if (!cell) throw new Error(`no stub for ${name}`);
  cell.source = cellSource(cell)
    .split("\n")
    .map((line) => {
      if (line.trim() !== stub) return line;
      const indent = line.slice(0, line.indexOf("throw"));
      return body
        .trim()
        .split("\n")
        .map((l) => indent + l)
        .join("\n");
    })
    .join("\n");
}

/** The filled BN backward cell as `myBatchnormBackwardNoMean`, followed by its self-check (name given). */
export function noMeanTermCells(student: Notebook, checkName: string): CodeCell[] {
  const copy = structuredClone(student);
  fillStub(copy, "myBatchnormBackward", bnBackwardBody(false));
  const source = cellSource(copy.cells.find((c) => cellSource(c).includes("function myBatchnormBackward("))!);
  return [
    code("no-mean-term", source.replace("function myBatchnormBackward(", "function myBatchnormBackwardNoMean(")),
    code("check-no-mean-term", "const noMeanCheck = checkBatchnormBackward(myBatchnormBackwardNoMean, { points: 3 });", {
      tags: ["self-check"],
      nnbook: { check: { name: checkName, points: 3 } },
    }),
  ];
}
