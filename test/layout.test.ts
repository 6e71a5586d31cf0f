import { strict as assert } from "assert";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";

/**
 * The README's layout picture is made from the code: which src/ folder imports which. This test
 * recomputes it from the import statements, checks that the folders form no cycle (data flows one
 * way), and that the README shows exactly this picture (print it with `LAYOUT=1 npx mocha
 * test/layout.test.ts`).
 */
const ROOT = resolve(__dirname, "..");
const SRC = join(ROOT, "src");
const IMPORT = /(?:from|import)\s*["'](\.{1,2}\/[^"']*)["']/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith(".ts") ? [path] : [];
  });
}

/** "tensor" for src/tensor/…, "(index)" for src/index.ts. */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split(/[\\/]/);
  return parts.length === 1 ? "(index)" : parts[0];
}

/** folder → the other folders its files import. */
export function folderImports(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of tsFiles(SRC)) {
    const from = folderOf(file);
    if (!edges.has(from)) edges.set(from, new Set());
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1]);
      const to = existsSync(target) && statSync(target).isDirectory() ? folderOf(join(target, "index.ts")) : folderOf(`${target}.ts`);
      if (to !== from) edges.get(from)!.add(to);
    }
  }
  edges.delete("(index)");
  for (const deps of edges.values()) deps.delete("(index)");
  return edges;
}

/** Folders by level (0: imports no other folder; else 1 + the highest level it imports), then name. */
function layered(edges: Map<string, Set<string>>): string[] {
  const level = new Map<string, number>();
  const visit = (f: string, path: readonly string[]): number => {
    assert.ok(!path.includes(f), `src/ folders import each other in a cycle: ${[...path, f].join(" → ")}`);
    if (!level.has(f)) level.set(f, Math.max(-1, ...[...edges.get(f)!].map((d) => visit(d, [...path, f]))) + 1);
    return level.get(f)!;
  };
  return [...edges.keys()].sort((a, b) => visit(a, []) - visit(b, []) || a.localeCompare(b));
}

/** The picture: one line per folder, "folder → what it imports". */
export function layoutPicture(): string {
  const edges = folderImports();
  const width = Math.max(...[...edges.keys()].map((f) => f.length));
  return layered(edges)
    .map((f) => {
      const deps = [...edges.get(f)!].sort();
      return `${f.padEnd(width)} → ${deps.length ? deps.join(" ") : "—"}`.trimEnd();
    })
    .join("\n");
}

describe("layout: src/ folders import one way, as the README pictures them", () => {
  it("the README's picture is the one the imports give", () => {
    const picture = layoutPicture();
    if (process.env.LAYOUT === "1") console.log(picture);
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /<!-- layout:begin -->\n+```text\n([\s\S]*?)\n```\n+<!-- layout:end -->/.exec(readme); // prettier puts blank lines around the fence
    assert.ok(block, "README.md has no <!-- layout:begin --> block");
    assert.equal(block[1], picture, "README layout is stale: LAYOUT=1 npx mocha test/layout.test.ts prints the current one");
  });
});
