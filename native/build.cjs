#!/usr/bin/env node
// Builds the native matrix kernel, native/build/Release/nnbook_gemm.node, with node-gyp.
//
//   node native/build.cjs             rebuild
//   node native/build.cjs --if-stale  only when the addon is missing or older than its sources
//
// Run by `npm install` (the package's install script) and by `npm run build`. It never fails the
// caller: if the addon cannot be built (no compiler, no Node headers offline, …) it prints one
// line and exits 0, and the library falls back to its TypeScript kernel at run time.
// node-gyp comes from the npm that runs this script (npm_config_node_gyp) or the one bundled with
// this Node installation; the Node headers from npm's `nodedir` setting or from this
// installation's include/node, so nothing is downloaded.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const here = __dirname;
const addon = path.join(here, "build", "Release", "nnbook_gemm.node");
const logFile = path.join(here, "build", "nnbook-build.log");

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function isStale() {
  const built = mtime(addon);
  if (built < 0) return true;
  const sources = fs.readdirSync(path.join(here, "src")).map((f) => path.join(here, "src", f));
  sources.push(path.join(here, "binding.gyp"));
  return sources.some((f) => mtime(f) > built);
}

function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), "..", "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"),
  ];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    return require.resolve("node-gyp/bin/node-gyp.js");
  } catch {
    return undefined;
  }
}

function nodeDirArgs() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = path.resolve(path.dirname(process.execPath), "..");
  return fs.existsSync(path.join(prefix, "include", "node", "node_api.h")) ? [`--nodedir=${prefix}`] : [];
}

function notice(reason) {
  console.log(`nnbook: native matrix kernel not built (${reason}); the TypeScript kernel will be used`);
}

function main() {
  if (process.argv.includes("--if-stale") && !isStale()) return;
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) return notice("node-gyp not found");
  const args = [nodeGyp, "rebuild", "--jobs=2", ...nodeDirArgs()];
  const run = spawnSync(process.execPath, args, { cwd: here, encoding: "utf8", env: process.env });
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const tmp = `${logFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${args.join(" ")}\n${run.stdout ?? ""}${run.stderr ?? ""}`);
  fs.renameSync(tmp, logFile);
  if (run.status !== 0 || !fs.existsSync(addon)) {
    return notice(`node-gyp failed${run.error ? `: ${run.error.message}` : ""}; see ${path.relative(process.cwd(), logFile)}`);
  }
  console.log(`nnbook: built the native matrix kernel (${path.relative(process.cwd(), addon)})`);
}

main();
