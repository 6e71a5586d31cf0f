import { strict as assert } from "assert";
import { codeBlock, demoteHeadings, formatNumber, markdownTable, parameterBlock } from "../../src/report/markdown";

describe("report/markdown: tables, code blocks, parameter blocks", () => {
  it("markdownTable: header, alignment (numbers right), escaped pipes, empty cells", () => {
    const table = markdownTable([
      { name: "a|b", acc: 0.123456, n: 10 },
      { name: "c", n: 2 },
    ]);
    assert.equal(table, ["| name | acc | n |", "| --- | ---: | ---: |", "| a\\|b | 0.1235 | 10 |", "| c |  | 2 |"].join("\n"));
  });

  it("markdownTable honours column order, digits and explicit alignment", () => {
    const table = markdownTable([{ a: 1 / 3, b: "x" }], { columns: ["b", "a"], digits: 2, align: { b: "center" } });
    assert.equal(table, "| b | a |\n| :---: | ---: |\n| x | 0.33 |");
    assert.throws(() => markdownTable([]), /no columns/);
  });

  it("formatNumber keeps integers and gives `digits` significant digits otherwise", () => {
    assert.equal(formatNumber(42), "42");
    assert.equal(formatNumber(1.23456e-7), "1.235e-7");
    assert.equal(formatNumber(2 / 3, 3), "0.667");
  });

  it("codeBlock uses a fence longer than any backtick run inside", () => {
    assert.equal(codeBlock("a\n", "ts"), "```ts\na\n```");
    assert.equal(codeBlock("x ```` y"), "`````\nx ```` y\n`````");
  });

  it("parameterBlock aligns `key = value` lines", () => {
    assert.equal(parameterBlock({ eta: 0.01, hidden: [50, 30], name: "run" }, "P"), '```text\n# P\neta    = 0.01\nhidden = [50, 30]\nname   = "run"\n```');
  });

  it("demoteHeadings shifts ATX headings but not lines inside code fences", () => {
    const md = "# T\n\n```ts\n# not a heading\n```\n\n## S\n###### deep";
    assert.equal(demoteHeadings(md), "## T\n\n```ts\n# not a heading\n```\n\n### S\n###### deep");
  });
});
