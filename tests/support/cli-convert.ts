/** Runs the built command line's `convert` on a note on disk and gives its standard output (tests only). */

import { execFile } from "node:child_process";
import * as path from "node:path";

/** The built command line (`npm run build` writes it; `npm test` builds first). */
export const CLI = path.resolve(__dirname, "..", "..", "dist", "cli.js");

/** `medium-publish convert <note>` with nothing but PATH in its environment; rejects with its stderr. */
export function cliConvert(note: string): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [CLI, "convert", note], { env: { PATH: process.env.PATH ?? "" } }, (err, stdout, stderr) => {
			if (err) reject(new Error(`${err.message}\n${stderr}`));
			else resolve(stdout);
		});
	});
}
