/**
 * The command line as a person meets it: help for the program and for each command (every flag, with
 * examples), the version, "did you mean" for a mistyped flag or command, and every mistake said in one
 * line in the command line's own words, never a stack trace.
 */

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { version } from "../package.json";
import { COMMANDS } from "../src/cli/commands/all-commands";
import type { FakeMedium } from "./support/fake-medium-server";
import { runCliBuilt } from "./support/gatsby-blog";
import { useFakeMedium } from "./support/use-fake-medium";

let dir: string;
let note: string;
let fake: FakeMedium;
const fakeMedium = useFakeMedium();
const run = (args: string[], env: Record<string, string> = {}) => runCliBuilt(args, env, dir);

beforeEach(async () => {
	fake = fakeMedium();
	dir = await mkdtemp(path.join(tmpdir(), "mp-usage-"));
	note = path.join(dir, "Note.md");
	await writeFile(note, "---\ntags: [a]\n---\nHello.\n");
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** No stack trace, no internal names. */
function expectNoTrace(text: string): void {
	expect(text).not.toMatch(/\n\s+at |Error: .*\n.*node:internal|TypeError|ReferenceError/);
}

describe("help and version", () => {
	test("--help lists every command and exits 0; no arguments prints it on stderr with exit 2", async () => {
		const r = await run(["--help"]);
		expect(r.code).toBe(0);
		for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name}  `);
		expect(r.stdout).toContain("MEDIUM_TOKEN");
		const none = await run([]);
		expect(none.code).toBe(2);
		expect(none.stderr).toBe(r.stdout);
	});
	test.each(COMMANDS.map((c) => [c.name]))("%s --help names every flag and shows examples", async (name) => {
		const command = COMMANDS.find((c) => c.name === name);
		const r = await run([name, "--help"]);
		expect(r.code).toBe(0);
		for (const flag of command?.flags ?? []) expect(r.stdout).toContain(`--${flag.name}`);
		expect(r.stdout).toContain("Examples:");
		expect(r.stdout).toContain(`medium-publish ${name} `);
		expect((await run(["help", name])).stdout).toBe(r.stdout);
		expect((await run([name, "-h"])).stdout).toBe(r.stdout);
	});
	test("--version prints package.json's version", async () => {
		for (const flag of ["--version", "-V"]) {
			const r = await run([flag]);
			expect(r.code).toBe(0);
			expect(r.stdout).toBe(`${version}\n`);
		}
	});
});

describe("mistakes", () => {
	test.each([
		[["publish", "Note.md", "--dry-rn"], /Unknown option --dry-rn for publish\. Did you mean --dry-run\?/],
		[["publish", "Note.md", "--canonical"], /Did you mean --canonical-template\?/],
		[["publsh", "Note.md"], /Unknown command "publsh"\. Did you mean publish\?/],
		[["convert", "Note.md", "--new"], /--new is an option of publish/],
		[["publish", "Note.md", "--status", "pubic"], /--status is draft, unlisted or public, not "pubic"\. Did you mean public\?/],
		[["publish", "Note.md", "--status"], /--status needs a value/],
		[["publish"], /publish needs a folder or note/],
		[["convert", "a.md", "b.md"], /convert takes one note, not 2/],
		[["--verison"], /Did you mean --version\?/],
	])("%j exits 2 with one clear line and a pointer to the help", async (args, message) => {
		const r = await run(args);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(r.stderr).toMatch(/Run 'medium-publish (\w+ )?--help' for usage\.\n$/);
		expect(r.stderr.trim().split("\n")).toHaveLength(2);
		expect(r.stdout).toBe("");
		expectNoTrace(r.stderr);
	});
	test.each([
		["not a URL", "api.medium.com/v1", /MEDIUM_API_BASE is not a URL: "api\.medium\.com\/v1"/],
		["no /v1", "https://api.medium.com/", /MEDIUM_API_BASE has no \/v1 at the end of its path/],
		["not http", "ftp://api.medium.com/v1", /MEDIUM_API_BASE must be an http\(s\) URL/],
	])("MEDIUM_API_BASE %s is named as such before anything is read or sent", async (_n, base, message) => {
		const r = await run(["publish", "Note.md"], { MEDIUM_TOKEN: fake.token, MEDIUM_API_BASE: base });
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(fake.requests).toHaveLength(0);
		expectNoTrace(r.stderr);
	});
	test("a missing token names MEDIUM_TOKEN, never the plugin settings", async () => {
		const r = await run(["publish", "Note.md"], { MEDIUM_API_BASE: fake.apiBase });
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("MEDIUM_TOKEN");
		expect(r.stderr).not.toMatch(/settings/i);
	});
	test("a publication Medium does not know is said as such", async () => {
		const r = await run(["publish", "Note.md", "--publication", "ffffffffffff"], { MEDIUM_TOKEN: fake.token, MEDIUM_API_BASE: fake.apiBase });
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('Medium does not know the publication id "ffffffffffff"');
		expect(r.stderr).not.toMatch(/settings/i);
		expect(fake.posts).toHaveLength(0);
	});
	test("a publication id that cannot be one is a usage mistake", async () => {
		const r = await run(["publish", "Note.md", "--publication", "https://medium.com/my-pub"], { MEDIUM_TOKEN: fake.token, MEDIUM_API_BASE: fake.apiBase });
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--publication takes a publication id/);
		expect(fake.requests).toHaveLength(0);
	});
	test("a folder given to convert, a missing note, a non-markdown file: one line each", async () => {
		await writeFile(path.join(dir, "x.txt"), "text");
		for (const args of [["convert", "."], ["convert", "Nope.md"], ["publish", "x.txt", "--dry-run"]]) {
			const r = await run(args);
			expect(r.code).toBe(1);
			expect(r.stderr.trim().split("\n")).toHaveLength(1);
			expectNoTrace(r.stderr);
		}
	});
});

describe("--json", () => {
	test("publish --json prints exactly one JSON document on stdout", async () => {
		const r = await run(["publish", "Note.md", "--json"], { MEDIUM_TOKEN: fake.token, MEDIUM_API_BASE: fake.apiBase });
		expect(r.code).toBe(0);
		const doc = JSON.parse(r.stdout) as { notes: Array<{ path: string; result: string; url: string }>; exitCode: number };
		expect(doc.notes).toEqual([expect.objectContaining({ path: "Note.md", result: "published", url: fake.posts[0].response.url })]);
		expect(doc.exitCode).toBe(0);
	});
	test("the dry run's request is what is sent: title cut, three tags, status, license", async () => {
		const long = "A title ".repeat(20).trim();
		await writeFile(note, `---\ntitle: ${long}\ntags: [one, two, three, four, five]\nmedium_license: cc-40-by\n---\nHello.\n`);
		const dry = await run(["publish", "Note.md", "--dry-run", "--json", "--status", "unlisted"]);
		const planned = (JSON.parse(dry.stdout) as { notes: Array<{ request: { body: Record<string, unknown> } }> }).notes[0].request.body;
		expect(planned.tags).toEqual(["one", "two", "three"]);
		expect(String(planned.title).length).toBeLessThanOrEqual(100);
		const text = await run(["publish", "Note.md", "--dry-run", "--status", "unlisted"]);
		expect(text.stdout).toContain("Tags: one, two, three\n");
		expect(text.stdout).toContain(`Title: ${String(planned.title)}\n`);
		expect((await run(["publish", "Note.md", "--status", "unlisted"], { MEDIUM_TOKEN: fake.token, MEDIUM_API_BASE: fake.apiBase })).code).toBe(0);
		expect(fake.posts[0].request).toEqual(planned);
	});
});
