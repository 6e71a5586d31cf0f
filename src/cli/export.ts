/** `nnbook export <executed.ipynb> [--reports-dir] [--figures-dir] [--name] [--html]`. */
import { Command } from "commander";
import { cwdRelativePath } from "../kernel/runner";
import { exportNotebook } from "../report/export-markdown";
import { reportAssets, writeHtmlReport } from "../report/html-export";
import { readNotebook } from "../nbformat/notebook";
import { notebookName } from "../kernel/runner";

/** Adds the `export` command to `program`. */
export function registerExportCommand(program: Command): void {
  program
    .command("export <notebook>")
    .description("export an executed notebook to <reports-dir>/<name>.md with figures in <figures-dir>/<name>/")
    .option("--reports-dir <dir>", "Markdown folder", "reports")
    .option("--figures-dir <dir>", "figure folder", "figures")
    .option("--name <name>", "report name (default: the notebook's file name)")
    .option("--html", "also write <reports-dir>/<name>.html: one self-contained page with live charts")
    .action(async (notebook: string, opts) => {
      const name: string = opts.name ?? notebookName(notebook);
      const executed = await readNotebook(notebook);
      const result = await exportNotebook(executed, {
        name,
        reportsDir: opts.reportsDir,
        figuresDir: opts.figuresDir,
        sourcePath: cwdRelativePath(notebook),
      });
      process.stderr.write(`[${name}] exported → ${result.markdownPath} (${result.figurePaths.length} figure files)\n`);
      if (opts.html === true) {
        const html = await writeHtmlReport(opts.reportsDir, name, result.report.body + result.report.footer, reportAssets(result.report));
        process.stderr.write(`[${name}] exported → ${html}\n`);
      }
    });
}
