/** `nnbook kernel install [--name tslab] [--print]`: registers this checkout's tslab with Jupyter (`npm run kernel`). */
import { Command } from "commander";
import { installKernelSpec, jupyterDataDir, kernelSpecPath, tslabKernelSpec } from "../kernel/kernel-spec";

/** Adds the `kernel` command (subcommand `install`) to `program`. */
export function registerKernelCommand(program: Command): void {
  const kernel = program.command("kernel").description("the Jupyter kernel spec of this checkout's tslab");
  kernel
    .command("install")
    .description(
      "write <Jupyter data dir>/kernels/<name>/kernel.json (data dir: $JUPYTER_DATA_DIR, else ~/.local/share/jupyter) " +
        "starting this node with this checkout's tslab, for JupyterLab, Jupyter Notebook and VS Code",
    )
    .option("--name <name>", 'kernel name (the notebooks ask for "tslab")', "tslab")
    .option("--print", "print the kernel spec and where it would go, write nothing")
    .action(async (opts: { name: string; print?: boolean }) => {
      const spec = tslabKernelSpec();
      const dataDir = jupyterDataDir();
      if (opts.print === true) {
        process.stdout.write(`${kernelSpecPath(dataDir, opts.name)}\n${JSON.stringify(spec, null, 1)}\n`);
        return;
      }
      const path = await installKernelSpec(spec, dataDir, opts.name);
      process.stderr.write(`installed kernel "${opts.name}" → ${path}\n  starts: ${spec.argv.slice(0, 2).join(" ")} kernel\n`);
    });
}
