/** Runs the built command line (`dist/cli.js`) in a child process, as users do, never throwing. */

import { execFile } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "dist", "cli.js");
export const EXAMPLE_VAULT = path.join(ROOT, "examples", "vault");

export interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a program with a clean environment (PATH plus `env`). */
export function runProgram(file: string, args: readonly string[], env: Record<string, string>, cwd: string): Promise<Run> {
	return new Promise((resolve) => {
		execFile(file, args, { cwd, env: { PATH: process.env.PATH ?? "", ...env } }, (err, stdout, stderr) => {
			const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
			resolve({ code, stdout, stderr });
		});
	});
}

/** Runs `medium-publish` with arguments, from `cwd` (the repository by default). */
export function runCli(args: readonly string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Run> {
	return runProgram(process.execPath, [CLI, ...args], env, cwd);
}
