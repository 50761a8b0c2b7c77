/**
 * Installing as the README says: `npm install -g .` puts a working `medium-publish` on the PATH (tested
 * into a temporary prefix), and `npm run install-plugin` works from a clone whose path has spaces.
 */

import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { version } from "../package.json";
import { ROOT } from "./support/gatsby-blog";

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "mp install "));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

test("npm install -g . gives medium-publish on the PATH, runnable from anywhere", () => {
	const prefix = path.join(dir, "global prefix");
	execFileSync("npm", ["install", "--global", ".", "--prefix", prefix, "--offline", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: ROOT, stdio: "pipe" });
	const bin = process.platform === "win32" ? path.join(prefix, "medium-publish.cmd") : path.join(prefix, "bin", "medium-publish");
	expect(existsSync(bin)).toBe(true);
	expect(execFileSync(bin, ["--version"], { cwd: dir, encoding: "utf8" })).toBe(`${version}\n`);
	expect(execFileSync(bin, ["--help"], { cwd: dir, encoding: "utf8" })).toContain("medium-publish <command>");
}, 60_000);

test("npm run install-plugin works from a clone whose path has spaces", async () => {
	const clone = path.join(dir, "My Projects", "medium publisher");
	await mkdir(clone, { recursive: true });
	for (const entry of ["main.ts", "src", "scripts", "esbuild.config.mjs", "manifest.json", "styles.css", "package.json", "tsconfig.json"]) {
		await cp(path.join(ROOT, entry), path.join(clone, entry), { recursive: true });
	}
	await symlink(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"), "dir");
	const vault = path.join(dir, "My Vault");
	await mkdir(path.join(vault, ".obsidian"), { recursive: true });
	execFileSync("npm", ["run", "install-plugin", "--", vault], { cwd: clone, stdio: "pipe" });
	const target = path.join(vault, ".obsidian", "plugins", "medium-publisher");
	expect(JSON.parse(await readFile(path.join(target, "manifest.json"), "utf8"))).toMatchObject({ id: "medium-publisher" });
	expect((await readFile(path.join(target, "main.js"), "utf8")).length).toBeGreaterThan(1000);
}, 60_000);
