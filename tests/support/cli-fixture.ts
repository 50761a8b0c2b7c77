/**
 * A test file's setup for running the built command line against the fake Medium: the server (one per
 * file, reset before each test), a fresh temporary folder per test, and the environment that points the
 * command line at the server. Tests that publish through `dist/cli.js` share it instead of each writing
 * the same hooks.
 */

import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { FakeMedium } from "./fake-medium-server";
import { CLI } from "./run-cli";
import { useFakeMedium } from "./use-fake-medium";

export interface CliFixture {
	/** The fake Medium server (inside a test or hook). */
	fake: () => FakeMedium;
	/** This test's temporary folder. */
	dir: () => string;
	/** MEDIUM_TOKEN and MEDIUM_API_BASE for the fake server. */
	env: () => Record<string, string>;
}

/** Registers the hooks; `prefix` names the temporary folders (`mp-cover-…`). */
export function useCliFixture(prefix: string, options: Parameters<typeof useFakeMedium>[0] = {}): CliFixture {
	const fake = useFakeMedium(options);
	let dir = "";
	beforeAll(() => {
		if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does).");
	});
	beforeEach(async () => {
		dir = await mkdtemp(path.join(tmpdir(), prefix));
	});
	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});
	return { fake, dir: () => dir, env: () => ({ MEDIUM_TOKEN: fake().token, MEDIUM_API_BASE: fake().apiBase }) };
}
