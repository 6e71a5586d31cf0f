import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { basename } from "path";
import { cellSource, Notebook, parseNotebook, serializeNotebook, hasNoOutputs } from "../../src/nbformat/notebook";
import { validateNotebook } from "../../src/nbformat/validate";
import { analyzeTeacherNotebook, enclosingFunction, findRegions, makeStudentNotebook, replaceRegions, solutionLines, stubLine } from "../../src/teaching";
import { officialValidate, pythonWithNbformat } from "../notebook/helpers";
import { code, markdown, notebook, studentPathOf, syntheticTeacher, teacherPaths } from "./fixtures";

const readTeacher = (path: string): Notebook => parseNotebook(readFileSync(path, "utf8"), path);

/** Everything a student sees: cell sources, cell and notebook metadata, outputs. */
const visibleText = (nb: Notebook): string =>
  [...nb.cells.map((c) => cellSource(c)), JSON.stringify(nb.metadata), ...nb.cells.map((c) => JSON.stringify(c))].join("\n");

/**
 * An independent scan of a teacher notebook: the trimmed non-blank, non-hint lines inside
 * BEGIN/END SOLUTION markers, `solution` cells and `answer` cells, and the lines kept elsewhere.
 */
function splitTeacher(nb: Notebook): { solution: string[]; kept: Set<string> } {
  const solution: string[] = [];
  const kept = new Set<string>();
  for (const cell of nb.cells) {
    const tags = cell.metadata.tags ?? [];
    const whole = tags.includes("answer") || tags.includes("solution");
    let inside = false;
    for (const raw of cellSource(cell).split("\n")) {
      const line = raw.trim();
      if (cell.cell_type === "code" && /^\/\/\s*(BEGIN|END) SOLUTION/.test(line)) {
        inside = line.includes("BEGIN");
        continue;
      }
      if (line === "" || /^\/\/\s*HINT/.test(line)) continue;
      if (whole || inside) solution.push(line);
      else kept.add(line);
    }
  }
  return { solution, kept };
}

/** Solution lines found in the student version (only lines not also kept elsewhere in the teacher's text). */
function leaks(teacher: Notebook, student: Notebook): { checked: number; leaked: string[]; total: number } {
  const { solution, kept } = splitTeacher(teacher);
  const specific = solution.filter((l) => !kept.has(l));
  const text = visibleText(student);
  return { checked: specific.length, total: solution.length, leaked: specific.filter((l) => text.includes(l)) };
}

describe("teaching/regions", () => {
  it("names a region by its marker, else by the enclosing function (declaration, arrow, method)", () => {
    assert.deepEqual(
      findRegions("// BEGIN SOLUTION myPiece\nx();\n// END SOLUTION", "t").map((r) => r.name),
      ["myPiece"],
    );
    const fn =
      "function outer(a: { b: number }): { c: number } {\n  const f = (y: number) => y;\n  // BEGIN SOLUTION\n  return { c: 1 };\n  // END SOLUTION\n}";
    assert.deepEqual(
      findRegions(fn, "t").map((r) => [r.name, r.begin, r.end, r.indent]),
      [["outer", 2, 4, "  "]],
    );
    assert.equal(enclosingFunction(["const g = async (x: number) => {", "  if (x) {"], 2), "g");
    assert.equal(enclosingFunction(["class A {", "  step(t: number): number {", '    const s = "}"; // }'], 3), "step");
    assert.equal(enclosingFunction(["function done() {", "}", "const x = 1;"], 3), undefined);
  });

  it("rejects unnamed top-level, nested, unterminated and unopened regions, naming the cell and line", () => {
    assert.throws(() => findRegions("// BEGIN SOLUTION\nx;\n// END SOLUTION", "cell 4 (id q)"), /cell 4 \(id q\), line 1: BEGIN SOLUTION has no name/);
    assert.throws(() => findRegions("// BEGIN SOLUTION a\n// BEGIN SOLUTION b\n// END SOLUTION", "c"), /c, line 2: .*do not nest/);
    assert.throws(() => findRegions("x;\n// BEGIN SOLUTION a\ny;", "c"), /c, line 2: BEGIN SOLUTION a is never closed/);
    assert.throws(() => findRegions("x;\n// END SOLUTION", "c"), /c, line 2: END SOLUTION without a BEGIN/);
  });

  it("replaces a region by its hint lines and a stub at the marker's indentation; other lines stay byte for byte", () => {
    const source = "a();\n    // BEGIN SOLUTION piece\n    // HINT: think\n    secret();\n    // END SOLUTION\nb();  \n";
    const out = replaceRegions(source, findRegions(source, "t"));
    assert.equal(out, `a();\n    // HINT: think\n${stubLine("piece", "    ")}\nb();  \n`);
    assert.equal(stubLine('my "x"'), 'throw new Error("not implemented yet: my \\"x\\"");');
  });
});

describe("teaching/student: makeStudentNotebook", () => {
  const teacher = syntheticTeacher();
  const before = structuredClone(teacher);
  const student = makeStudentNotebook(teacher, { source: "exercise.ipynb" });

  it("is deterministic (byte-identical for the same input, also for a copy) and leaves the teacher's notebook untouched", () => {
    assert.equal(serializeNotebook(makeStudentNotebook(teacher, { source: "exercise.ipynb" })), serializeNotebook(student));
    assert.equal(serializeNotebook(makeStudentNotebook(structuredClone(teacher), { source: "exercise.ipynb" })), serializeNotebook(student));
    assert.deepEqual(teacher, before);
  });

  it("stubs regions (named by marker or enclosing function) and solution code cells, removes answer/solution text cells and every output", () => {
    const ids = student.cells.map((c) => c.id);
    assert.deepEqual(ids, ["intro", "double", "triple", "scratch", "question", "check"]);
    const src = (id: string): string => cellSource(student.cells.find((c) => c.id === id)!);
    assert.equal(
      src("double"),
      `function double(x: number): number {\n  // HINT: multiply by two\n  // HINT: or add x to itself\n${stubLine("double", "  ")}\n}`,
    );
    assert.equal(src("triple"), `const triple = (x: number): number => {\n${stubLine("tripleIt", "    ")}\n};`);
    assert.equal(src("scratch"), stubLine("scratchWork"));
    assert.ok(hasNoOutputs(student));
    assert.deepEqual(validateNotebook(student), []);
    assert.deepEqual(student.cells.find((c) => c.id === "check")!.metadata, teacher.cells.find((c) => c.id === "check")!.metadata, "self-check metadata kept");
    assert.deepEqual((student.metadata.nnbook as Record<string, unknown>).student, { generatedBy: "nnbook student", source: "exercise.ipynb" });
  });

  it("leaves no solution text: every solution line (and the outputs) is gone", () => {
    const text = visibleText(student);
    const lines = solutionLines(teacher);
    assert.deepEqual(lines, splitTeacher(teacher).solution, "solutionLines agrees with the independent scan");
    assert.deepEqual(lines, [
      "const twice = x * 2;",
      "return twice;",
      "return x + x + x;",
      "const teacherOnlyValue = 17 * 3;",
      "console.log(teacherOnlyValue);",
      "Because it is divisible by two, q.e.d. secretly",
      "Worked solution: 2·x = x + x",
    ]);
    for (const line of lines) assert.ok(!text.includes(line), `solution text left: ${line}`);
    assert.ok(!text.includes("secret output 42"), "outputs removed");
  });

  it("validates: a self-check that is also an answer/solution, a non-code self-check, malformed check metadata", () => {
    const bad =
      (cells: Parameters<typeof notebook>[0]): (() => void) =>
      () =>
        makeStudentNotebook(notebook(cells));
    assert.throws(bad([code("a", "x", { tags: ["self-check", "answer"] })]), /cell 1 \(id a\) is tagged "self-check" and also/);
    assert.throws(
      bad([code("a", "x", { tags: ["self-check"], nnbook: { check: { name: "n", points: -1 } } })]),
      /cell 1 \(id a\): metadata\.nnbook\.check\.points must be a non-negative number, got -1/,
    );
    assert.throws(
      bad([code("a", "x", { tags: ["self-check"], nnbook: { check: { points: 1 } } })]),
      /metadata\.nnbook\.check\.name must be a non-empty string/,
    );
    assert.throws(bad([code("a", "// BEGIN SOLUTION\nx")]), /cell 1 \(id a\), line 1: BEGIN SOLUTION has no name/);
    assert.throws(bad([markdown("m", "text", ["self-check"])]), /cell 1 \(id m\) is tagged "self-check" but is a markdown cell/);
  });
});

describe("teaching: the committed walkthrough set (notebooks/walkthroughs)", () => {
  const paths = teacherPaths();

  it("holds BN forward, BN backward, the cyclical learning rate and the numerical gradient, each region followed by its self-check", () => {
    const found: string[] = [];
    for (const path of paths) {
      const summary = analyzeTeacherNotebook(readTeacher(path));
      assert.ok(summary.regions.length > 0, `${basename(path)} has no solution region`);
      for (const { cellIndex, check } of summary.selfChecks) {
        assert.ok(check, `${basename(path)}: self-check cell ${cellIndex + 1} declares no metadata.nnbook.check`);
        assert.ok(
          summary.regions.some((r) => r.cellIndex < cellIndex),
          `${basename(path)}: ${check.name} precedes every region`,
        );
        found.push(check.name);
      }
      assert.ok(summary.answerCells.length <= 1);
    }
    assert.deepEqual(found.sort(), ["batchnormBackward", "batchnormForward", "cyclicalEta", "numericalGradient"]);
  });

  it("teacher and student notebooks pass the official nbformat validator", function () {
    const python = pythonWithNbformat();
    if (python === null) {
      process.stderr.write("      skipped: no Python with nbformat (apt-get install python3-nbformat)\n");
      this.skip();
    }
    assert.equal(officialValidate(python, [...paths, ...paths.map(studentPathOf)]), "");
  });

  for (const path of paths) {
    it(`${basename(studentPathOf(path))} is up to date (byte-identical to what nnbook student generates), valid, output-free, leak-free`, () => {
      const teacher = readTeacher(path);
      const expected = serializeNotebook(makeStudentNotebook(teacher, { source: basename(path) }));
      const committed = readFileSync(studentPathOf(path), "utf8");
      assert.equal(committed, expected, `regenerate with: node dist/cli/main.js student ${path}`);
      const student = parseNotebook(committed, studentPathOf(path));
      assert.ok(hasNoOutputs(student) && hasNoOutputs(teacher), "committed without outputs");
      const { checked, total, leaked } = leaks(teacher, student);
      assert.deepEqual(leaked, []);
      assert.equal(leaks(teacher, teacher).leaked.length, checked, "control: the teacher's own notebook leaks every scanned line");
      assert.ok(checked >= 0.8 * total, `only ${checked} of ${total} solution lines are specific enough to scan for`);
      for (const r of analyzeTeacherNotebook(teacher).regions) assert.ok(committed.includes(`not implemented yet: ${r.name}`));
      const hints = teacher.cells.flatMap((c) =>
        cellSource(c)
          .split("\n")
          .filter((l) => /^\s*\/\/\s*HINT\b/.test(l)),
      );
      for (const hint of hints)
        assert.ok(
          student.cells.some((c) => cellSource(c).includes(hint)),
          `hint lost: ${hint}`,
        );
    });
  }
});
