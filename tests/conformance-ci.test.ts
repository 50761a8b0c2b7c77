/**
 * The conformance suite must not pass by checking nothing: under CI=true a missing data set is a
 * failure. Runs that one suite in a child Jest with the data pointed at a folder that does not exist.
 */

import { execFile } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const JEST = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");

function runSuite(env: Record<string, string>): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [JEST, "--ci", "tests/conformance.test.ts"], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", CONFORMANCE_DATA: path.join(ROOT, "no-such-conformance-data"), ...env } }, (err, stdout, stderr) => {
			resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, output: stdout + stderr });
		});
	});
}

test("under CI=true, missing conformance data fails the run instead of skipping it", async () => {
	const ci = await runSuite({ CI: "true" });
	expect(ci.code).not.toBe(0);
	expect(ci.output).toContain("conformance data not found");
	const local = await runSuite({ CI: "false" });
	expect(local.code).toBe(0);
});
