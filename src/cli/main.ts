#!/usr/bin/env node
/**
 * The nnbook command line. Each subcommand lives in its own file and registers itself here;
 * errors print one clear message and exit with code 1; SIGINT/SIGTERM kill any kernel first
 * (see `exitOnSignalsOnceKernelsRun`).
 */
import { Command } from "commander";
import { exitOnSignalsOnceKernelsRun, killAllKernels } from "../kernel/kernel-process";
import { registerBenchCommand } from "./bench";
import { registerCheckCommand } from "./check";
import { registerExportCommand } from "./export";
import { registerKernelCommand } from "./kernel";
import { registerGradeCommand } from "./grade";
import { registerProbeCommand } from "./probe";
import { registerReportCommand } from "./report";
import { registerRunCommand } from "./run";
import { registerStudentCommand } from "./student";
import { addSweepQueueOption, registerWorkerCommand } from "./worker";
import { packageVersion } from "../util/versions";
import { applyProjectConfig } from "./project-config";

/** Subcommand registrations, in help order (bench, student, check add themselves here). */
const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerRunCommand,
  registerExportCommand,
  registerReportCommand,
  registerStudentCommand,
  registerCheckCommand,
  registerGradeCommand,
  registerBenchCommand,
  registerProbeCommand,
  registerWorkerCommand,
  registerKernelCommand,
];

/** The commander program with every subcommand. */
export function buildProgram(): Command {
  const program = new Command("nnbook").description("Run tslab notebooks and export Markdown reports of neural-network experiments").version(packageVersion());
  for (const register of COMMANDS) register(program);
  addSweepQueueOption(program);
  return program;
}

/** Parses `argv` and runs the command; resolves to the process exit code. */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  exitOnSignalsOnceKernelsRun();
  try {
    for (const d of applyProjectConfig()) {
      if (d.reason === "missing") process.stderr.write(`nnbook: ${d.variable}: configured folder ${d.dir} does not exist; using the loaders' defaults\n`);
    }
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    process.stderr.write(`nnbook: ${(error as Error).message}\n`);
    return 1;
  } finally {
    killAllKernels();
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
