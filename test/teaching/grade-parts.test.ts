/**
 * The pure parts of `nnbook grade`: values across the sandbox boundary, finding the student's
 * code in a solution cell, the plan from a teacher notebook, code findings, the gradebook and
 * feedback formats.
 */
import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { parseNotebook } from "../../src/nbformat/notebook";
import { applyInPlace, decodeValue, encodeValue } from "../../src/teaching/graded-values";
import { extractSubmission, regionBodies } from "../../src/teaching/grade-extract";
import { findCheckCall, planGrading } from "../../src/teaching/grade-plan";
import { scanCode } from "../../src/teaching/grade-scan";
import { gradeSubmission, GradeRunner, replayCheck, SubmissionGrade } from "../../src/teaching/grade-submission";
import { feedbackFileNames, feedbackMarkdown, gradebookCsv } from "../../src/teaching/gradebook";
import { findRegions } from "../../src/teaching/regions";
import { WALKTHROUGHS } from "./fixtures";
import { classSubmissions, TEACHER } from "./grade-cheats";

const teacher = parseNotebook(readFileSync(TEACHER, "utf8"), TEACHER);

describe("teaching/grade parts", () => {
  it("values cross the boundary exactly (NaN, ±Infinity, -0, Float64Array, undefined) and hostile keys are dropped", () => {
    const value = { a: [NaN, Infinity, -Infinity, -0, 1.5e-300], m: { rows: 1, cols: 2, data: Float64Array.from([0.1, -0]) }, u: undefined };
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(value)))) as typeof value;
    assert.ok(Object.is(back.a[3], -0) && Number.isNaN(back.a[0]) && back.a[1] === Infinity && back.a[2] === -Infinity && back.a[4] === 1.5e-300);
    assert.ok(back.m.data instanceof Float64Array && Object.is(back.m.data[1], -0) && back.m.data[0] === 0.1);
    assert.ok("u" in back && back.u === undefined);
    const hostile = decodeValue(JSON.parse('{"__proto__": {"polluted": true}, "x": 1}')) as Record<string, unknown>;
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(hostile), Object.prototype);
    let deep: unknown = 1;
    for (let k = 0; k < 40; k++) deep = [deep];
    assert.throws(() => encodeValue(deep), /nested deeper than 32/);
  });

  it("applies a graded function's changes to its arguments in place (so the checker sees them)", () => {
    const S = { rows: 1, cols: 2, data: Float64Array.from([1, 2]) };
    applyInPlace([S], decodeValue(encodeValue([{ rows: 1, cols: 2, data: Float64Array.from([1, 7]) }])));
    assert.deepEqual([...S.data], [1, 7]);
  });

  it("finds the student's code between the teacher's lines, ignoring blank lines and indentation, and refuses changed surroundings", () => {
    const cell = {
      cellId: "c",
      whole: false,
      source: "function f(x) {\n  const y = 1;\n  // BEGIN SOLUTION\n  return x;\n  // END SOLUTION\n  return 0;\n}",
      regions: [] as ReturnType<typeof findRegions>,
    };
    const planned = { ...cell, regions: findRegions(cell.source, "c") };
    assert.deepEqual(regionBodies(planned, "function f(x) {\n\n    const y = 1;\n  return x * 2;\n  return x * 3;\n  return 0;\n}"), [
      ["  return x * 2;", "  return x * 3;"],
    ]);
    assert.equal(regionBodies(planned, "function f(x) {\n  const y = 2;\n  return x;\n  return 0;\n}"), undefined);
    assert.equal(regionBodies(planned, "function f(x) {\n  const y = 1;\n  return x;\n}"), undefined);
  });

  it("plans from the teacher's notebook only: checks, points, functions, recorded inputs", () => {
    const plan = planGrading(teacher);
    assert.deepEqual(
      plan.checks.map((c) => [c.name, c.points, c.cellId, c.functionName, c.calls.length]),
      [
        ["batchnormForward", 2, "check-bn-forward", "myBatchnormForward", 2],
        ["batchnormBackward", 3, "check-bn-backward", "myBatchnormBackward", 1],
      ],
    );
    assert.deepEqual(
      plan.solutionCells.map((c) => c.cellId),
      ["bn-forward", "bn-backward"],
    );
    assert.equal(plan.contextSources.length, 2, "parameters and imports");
    assert.deepEqual(
      plan.hidden.map((h) => h.module),
      ["layers/batchnorm-activation.js", "layers/batchnorm-staged.js", "layers/batchnorm-stats.js", "layers/batchnorm.js"],
    );
  });

  it("says why a teacher notebook cannot be graded", () => {
    const gradientCheck = parseNotebook(readFileSync(join(WALKTHROUGHS, "03-gradient-check.ipynb"), "utf8"), "03");
    assert.throws(() => planGrading(gradientCheck), /cannot run checkNumericalGradient: its argument is called with a function/);
    assert.throws(
      () => findCheckCall("const r = checkBatchnormForward((a) => a);", "cell 5"),
      /cell 5: the first argument of checkBatchnormForward must be the name/,
    );
    assert.throws(() => findCheckCall("const r = 1;", "cell 5"), /must call exactly one of checkBatchnormForward/);
  });

  it("replays a check from the graded process's outcomes, and refuses outcomes for other inputs", () => {
    const check = planGrading(teacher).checks[0];
    const lines = new Map(check.calls.map((_, j) => [j, { check: 0, call: j, error: { name: "Error", message: "not implemented yet: myBatchnormForward" } }]));
    assert.match(replayCheck(check, lines).message, /not implemented yet: myBatchnormForward/);
    const tampered = { ...check, calls: [...check.calls].reverse() };
    assert.throws(() => replayCheck(tampered, lines), /grader error: checkBatchnormForward call 1 has other inputs than recorded/);
  });

  it("reads a submission against the teacher's copy: student code, check integrity, notes on other cells", () => {
    const plan = planGrading(teacher);
    const byName = new Map(classSubmissions().map((s) => [s.name, s.notebook]));
    const honest = extractSubmission(plan, byName.get("honest-correct")!);
    assert.deepEqual([honest.integrity, honest.notes], [[undefined, undefined], []]);
    assert.ok(!honest.program.includes("not implemented yet") && honest.program.includes("function myBatchnormBackward("));
    const inflated = extractSubmission(plan, byName.get("cheat-inflated-points")!);
    assert.deepEqual(inflated.integrity, [
      "self-check cell check-bn-forward (batchnormForward) was altered",
      "self-check cell check-bn-backward (batchnormBackward) was altered",
    ]);
  });

  it("finds what code reaches for, comments aside", () => {
    assert.deepEqual(scanCode('// require("fs") in a comment\nconst x = Math.abs(-1);'), []);
    assert.deepEqual(scanCode("return batchnormForward(S, gamma, beta, opts);", ["batchnormForward"]), ["calls the library's batchnormForward"]);
    assert.deepEqual(scanCode("Math.abs = () => 0;"), ["patches a built-in (Math, Array, typed arrays, …)"]);
  });

  it("writes a CSV gradebook with quoted fields and Markdown feedback with measured value, expected range and hint", () => {
    const grade: SubmissionGrade = {
      student: "class/a b.ipynb",
      total: 2,
      max: 5,
      status: "graded",
      notes: ['cell 4 (id x) was added, "quoted"'],
      rows: [
        {
          check: "batchnormForward",
          points: 2,
          earned: 2,
          pass: true,
          measuredError: 1.25e-15,
          expected: "max relative difference < 1e-9",
          message: "ok",
          hint: "",
        },
        {
          check: "batchnormBackward",
          points: 3,
          earned: 0,
          pass: false,
          measuredError: 0.5,
          expected: "max relative error < 1e-6",
          message: "max relative error 5.0e-1 in dS",
          hint: "dS = a | b",
        },
      ],
    };
    const checks = [
      { name: "batchnormForward", points: 2 },
      { name: "batchnormBackward", points: 3 },
    ];
    assert.equal(
      gradebookCsv(checks, [grade]),
      "student,batchnormForward (2),batchnormBackward (3),total,max,status,notes\n" + 'class/a b.ipynb,2,0,2,5,graded,"cell 4 (id x) was added, ""quoted"""\n',
    );
    const md = feedbackMarkdown(grade);
    assert.match(md, /\| batchnormBackward \| 0\/3 \| FAIL \| 5\.0e-1 \| max relative error < 1e-6 \| max relative error 5\.0e-1 in dS \| dS = a \\\| b \|/);
    assert.match(md, /\*\*Score: 2 \/ 5\*\*/);
    assert.deepEqual(feedbackFileNames([grade, { ...grade, student: "class/a_b.ipynb" }]), ["class_a_b.md", "class_a_b-2.md"]);
  });

  it("grades an unreadable submission 'invalid', 0 for every check, without starting a process", async () => {
    const runner = { command: () => assert.fail("no process for an unreadable notebook") } as unknown as GradeRunner;
    const grade = await gradeSubmission(planGrading(teacher), "broken.ipynb", "{ not json", runner, 0);
    assert.deepEqual([grade.status, grade.total, grade.max, grade.rows.map((r) => r.earned)], ["invalid", 0, 5, [0, 0]]);
    assert.match(grade.notes[0], /^not a readable notebook: /);
  });
});
