/**
 * The command line against a hostile or busy real machine: several processes at once, notes that are
 * symbolic or hard links or private files, broken properties, odd bytes, all through the built
 * `dist/cli.js` over real HTTP to the fake Medium server.
 */

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, cp, link, lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { hostname, tmpdir } from "node:os";
import * as path from "node:path";
import type { FakeMedium } from "./support/fake-medium-server";
import { useFakeMedium } from "./support/use-fake-medium";
import { CLI, EXAMPLE_VAULT as EXAMPLE, runCli } from "./support/run-cli";

const run = runCli;

let dir: string;
let vault: string;
let fake: FakeMedium;
const fakeMedium = useFakeMedium();

beforeAll(() => {
	if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does).");
});
beforeEach(async () => {
	fake = fakeMedium();
	dir = await mkdtemp(path.join(tmpdir(), "mp-cli-safety-"));
	vault = path.join(dir, "vault");
	await cp(EXAMPLE, vault, { recursive: true });
	await rm(path.join(vault, ".medium-publisher"), { recursive: true, force: true });
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const env = () => ({ MEDIUM_TOKEN: fake.token, MEDIUM_API_BASE: fake.apiBase });
const stateOf = async () => JSON.parse(await readFile(path.join(vault, ".medium-publisher", "state.json"), "utf8")) as { records: Record<string, { url: string }>; pendingUrls: Array<{ notePath: string; url: string; reason: string }> };

/** Files whose name says they are temporary, anywhere under `folder`. */
async function tempFiles(folder: string): Promise<string[]> {
	const entries = await readdir(folder, { recursive: true });
	return entries.filter((e) => e.endsWith(".tmp"));
}

describe("the vault boundary through the command line", () => {
	test("an image and an embed through a link out of the vault are left out with a warning, never uploaded", async () => {
		const outside = path.join(dir, "outside");
		await mkdir(outside);
		await cp(path.join(vault, "attachments", "Sunrise.png"), path.join(outside, "private.png"));
		await writeFile(path.join(outside, "credentials.md"), "TOP-SECRET");
		await symlink(outside, path.join(vault, "shared"), "dir");
		await symlink("/", path.join(vault, "slash"), "dir");
		const note = path.join(vault, "Leak.md");
		await writeFile(note, "# Leak\n\n![](shared/private.png)\n\n![[shared/credentials]]\n\nText stays.\n");
		const r = await run(["publish", note], env());
		expect(r.code).toBe(0);
		expect(r.stderr).toContain("shared/private.png: outside the vault, left out");
		expect(r.stderr).toMatch(/shared\/credentials(\.md)?: outside the vault, left out/);
		expect(fake.images).toHaveLength(0);
		expect(String(fake.posts[0].request.content)).not.toContain("TOP-SECRET");
		expect(String(fake.posts[0].request.content)).toContain("Text stays.");
	});

	test("a note whose file is a link out of the vault is refused", async () => {
		const outside = path.join(dir, "Elsewhere.md");
		await writeFile(outside, "# Not in the vault\n");
		await symlink(outside, path.join(vault, "Linked.md"));
		const r = await run(["publish", path.join(vault, "Linked.md")], env());
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("outside the vault");
		expect(fake.requests).toHaveLength(0);
	});

	test("a note or folder reachable by two paths (a link inside the vault) is one note: published once, under its real path", async () => {
		const posts = path.join(dir, "blog");
		await mkdir(path.join(posts, "zz-real"), { recursive: true });
		await writeFile(path.join(posts, "package.json"), "{}");
		await writeFile(path.join(posts, "zz-real", "post.md"), "---\nmedium_publish: true\n---\nThe post.\n");
		await symlink("zz-real/post.md", path.join(posts, "a-link.md"));
		await symlink("zz-real", path.join(posts, "a-folder-link"), "dir");
		const dry = await run(["publish", ".", "--dry-run", "--json"], {}, posts);
		expect(dry.code).toBe(0);
		expect((JSON.parse(dry.stdout) as { notes: Array<{ path: string }> }).notes.map((n) => n.path)).toEqual(["zz-real/post.md"]);
		// The real folder holds its notes, although a link to it comes first in the walk.
		const folder = await run(["publish", "zz-real", "--dry-run", "--json"], {}, posts);
		expect(folder.code).toBe(0);
		expect((JSON.parse(folder.stdout) as { notes: Array<{ path: string }> }).notes.map((n) => n.path)).toEqual(["zz-real/post.md"]);
		const r = await run(["publish", ".", "a-link.md"], env(), posts);
		expect(r.stderr).not.toContain("already being published");
		expect(r.code).toBe(0);
		expect(fake.posts).toHaveLength(1);
		expect(await readFile(path.join(posts, "zz-real", "post.md"), "utf8")).toContain(`medium_url: ${String(fake.posts[0].response.url)}`);
		expect(await readlink(path.join(posts, "a-link.md"))).toBe("zz-real/post.md");
	});

	test("`..dots.md` converts", async () => {
		await writeFile(path.join(vault, "..dots.md"), "Two dots\n");
		const r = await run(["convert", path.join(vault, "..dots.md")]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("Two dots");
	});
});

describe("notes that cannot be read are refused before anything is sent", () => {
	test("a folder's note that means to opt in but whose properties do not parse is named with a warning, not passed over in silence", async () => {
		const posts = path.join(vault, "Posts");
		await mkdir(posts);
		await writeFile(path.join(posts, "Broken.md"), "---\nmedium_publish: true\ntitle: Re: the plan: v2\n---\nBody\n");
		await writeFile(path.join(posts, "Fine.md"), "---\nmedium_publish: true\n---\nBody\n");
		await writeFile(path.join(posts, "Other.md"), "---\ntitle: [unclosed\n---\nNot about Medium.\n");
		const r = await run(["publish", posts, "--dry-run", "--json"], {});
		expect(r.code).toBe(0);
		expect((JSON.parse(r.stdout) as { notes: Array<{ path: string }> }).notes.map((n) => n.path)).toEqual(["Posts/Fine.md"]);
		expect(r.stderr).toMatch(/^warning: Posts\/Broken\.md:3: .*not valid YAML.*medium_publish.*left out/m);
		expect(r.stderr).not.toContain("Other.md");
	});

	test("properties that do not parse stop the publish, naming the line", async () => {
		const note = path.join(vault, "Broken.md");
		const text = "---\ntags: [a]\ntitle: Re: the plan: v2\nmedium_url: https://medium.com/@x/old-1\n---\nBody\n";
		await writeFile(note, text);
		const r = await run(["publish", note], env());
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/Broken\.md: line 3: the properties are not valid YAML/);
		expect(fake.requests).toHaveLength(0);
		expect(await readFile(note, "utf8")).toBe(text);
	});

	test.each([
		["Latin-1 bytes", Uint8Array.from([...new TextEncoder().encode("# Caf"), 0xe9, 0x0a]), /not UTF-8/],
		["a PNG renamed .md", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /not a text note/],
		["an empty file", new Uint8Array(0), /empty/],
	])("%s: exit 1, a clear message, nothing sent, the file untouched", async (_name, bytes, message) => {
		const note = path.join(vault, "Odd.md");
		await writeFile(note, bytes);
		const r = await run(["publish", note], env());
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(message);
		expect(fake.requests).toHaveLength(0);
		expect(new Uint8Array(await readFile(note))).toEqual(bytes);
	});

	test("a deleted medium_url does not lead to a second story: the record still guards", async () => {
		const note = path.join(vault, "Once.md");
		await writeFile(note, "# Once\n\nBody\n");
		expect((await run(["publish", note], env())).code).toBe(0);
		await writeFile(note, "# Once\n\nBody\n"); // the property is gone
		const again = await run(["publish", note], env());
		expect(again.code).toBe(0);
		expect(again.stdout).toMatch(/Once\.md +unchanged +https:\/\/medium\.com\//);
		expect(again.stdout).toContain(String(fake.posts[0].response.url));
		expect(fake.posts).toHaveLength(1);
	});
});

describe("the write-back keeps the file", () => {
	test("a 0600 note stays 0600; no temporary file is left", async () => {
		const note = path.join(vault, "Private.md");
		await writeFile(note, "# Private\n");
		await chmod(note, 0o600);
		expect((await run(["publish", note], env())).code).toBe(0);
		expect((await stat(note)).mode & 0o777).toBe(0o600);
		expect(await readFile(note, "utf8")).toContain("medium_url: https://");
		expect(await tempFiles(dir)).toEqual([]);
	});

	test("a symlinked note stays a link and its target gets the URL", async () => {
		await mkdir(path.join(vault, "real"));
		const target = path.join(vault, "real", "Target.md");
		await writeFile(target, "# Target\n");
		const linkPath = path.join(vault, "Shortcut.md");
		await symlink(path.join("real", "Target.md"), linkPath);
		expect((await run(["publish", linkPath], env())).code).toBe(0);
		expect((await lstat(linkPath)).isSymbolicLink()).toBe(true);
		expect(await readlink(linkPath)).toBe(path.join("real", "Target.md"));
		expect(await readFile(target, "utf8")).toBe(`---\nmedium_url: ${String(fake.posts[0].response.url)}\n---\n# Target\n`);
	});

	test("a hard-linked note: every name sees the URL", async () => {
		const note = path.join(vault, "Hard.md");
		const other = path.join(dir, "hard-elsewhere.md");
		await writeFile(note, "# Hard\n");
		await link(note, other);
		expect((await run(["publish", note], env())).code).toBe(0);
		const url = String(fake.posts[0].response.url);
		expect(await readFile(other, "utf8")).toContain(`medium_url: ${url}`);
		expect((await stat(note)).ino).toBe((await stat(other)).ino);
	});

	test("a medium_url that is an anchor another key aliases is not edited: the URL is kept pending and shown", async () => {
		const note = path.join(vault, "Anchor.md");
		const text = "---\nmedium_url: &u\nmirror: *u\n---\n# Anchor\n";
		await writeFile(note, text);
		const r = await run(["publish", note], env());
		const url = String(fake.posts[0].response.url);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(url);
		expect(r.stderr).toContain("could not be written into the note");
		expect(r.stderr).toContain(url);
		expect(await readFile(note, "utf8")).toBe(text);
		expect((await stateOf()).pendingUrls).toEqual([expect.objectContaining({ notePath: "Anchor.md", url })]);
	});

	test("a URL written into its note is no longer pending in the state file; one that could not be says why", async () => {
		const note = path.join(vault, "Written.md");
		await writeFile(note, "# Written\n");
		expect((await run(["publish", note], env())).code).toBe(0);
		const url = String(fake.posts[0].response.url);
		expect(await readFile(note, "utf8")).toContain(`medium_url: ${url}`);
		expect((await stateOf()).records["Written.md"].url).toBe(url);
		expect((await stateOf()).pendingUrls).toEqual([]);
		const anchor = path.join(vault, "Anchor.md");
		await writeFile(anchor, "---\nmedium_url: &u\nmirror: *u\n---\n# Anchor\n");
		expect((await run(["publish", anchor], env())).code).toBe(0);
		const pending = (await stateOf()).pendingUrls;
		expect(pending).toEqual([expect.objectContaining({ notePath: "Anchor.md", url: String(fake.posts[1].response.url) })]);
		expect(pending[0].reason).toContain("could not be written into the note");
	});

	test("a story URL that is not https:// is never written into the note", async () => {
		const note = path.join(vault, "Scheme.md");
		await writeFile(note, "# Scheme\n");
		fake.failNext("posts", { status: 201, json: { data: { id: "abc", url: "javascript:alert(1)", title: "Scheme", publishStatus: "draft" } } });
		const r = await run(["publish", note], env());
		expect(r.code).toBe(0);
		expect(r.stderr).toContain("not an https:// address");
		expect(await readFile(note, "utf8")).toBe("# Scheme\n");
	});
});

describe("several runs at once", () => {
	test("four runs on four notes keep four records", async () => {
		const notes = ["A", "B", "C", "D"];
		for (const n of notes) await writeFile(path.join(vault, `${n}.md`), `# ${n}\n\nBody ${n}\n`);
		fake.delayMs = 60;
		const runs = await Promise.all(notes.map((n) => run(["publish", path.join(vault, `${n}.md`)], env())));
		expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
		expect(fake.posts).toHaveLength(4);
		const state = await stateOf();
		expect(Object.keys(state.records).sort()).toEqual(notes.map((n) => `${n}.md`));
		expect(await tempFiles(dir)).toEqual([]);
	});

	test("a second run on the same note exits 1, 'already being published', and sends nothing", async () => {
		const note = path.join(vault, "Same.md");
		await writeFile(note, "# Same\n\nBody\n");
		fake.delayMs = 700; // the first run holds the lock for two answers: time enough for a second process to start
		const first = run(["publish", note], env());
		for (let i = 0; i < 200 && fake.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
		expect(fake.requests.length).toBeGreaterThan(0);
		const seen = fake.requests.length;
		const second = await run(["publish", note], env());
		expect(second.code).toBe(1);
		expect(second.stderr).toContain("already being published");
		expect((await first).code).toBe(0);
		expect(fake.requests.length).toBeGreaterThanOrEqual(seen);
		expect(fake.posts).toHaveLength(1);
		// Once the first is done, a new run finds the note on Medium and leaves it alone.
		const third = await run(["publish", note], env());
		expect(third.code).toBe(0);
		expect(third.stdout).toContain("unchanged");
		expect(fake.posts).toHaveLength(1);
	});

	test("a folder run leaves out the one note another run is publishing and publishes the rest (exit 1)", async () => {
		const folder = path.join(vault, "Blog");
		await mkdir(folder, { recursive: true });
		const busyNote = path.join(folder, "Busy.md");
		await writeFile(busyNote, "---\nmedium_publish: true\n---\n# Busy\n\nBody\n");
		await writeFile(path.join(folder, "Free.md"), "---\nmedium_publish: true\n---\n# Free\n\nBody\n");
		// A live lock on Busy.md: this test's own process holds it, as another run would.
		const locks = path.join(vault, ".medium-publisher", "state.json.locks");
		await mkdir(locks, { recursive: true });
		const name = createHash("sha256").update(await realpath(busyNote)).digest("hex").slice(0, 32) + ".lock";
		await writeFile(path.join(locks, name), JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
		const r = await run(["publish", folder], env());
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`Blog/Busy.md: already being published by another run (process ${process.pid})`);
		expect(fake.posts.map((p) => p.response.title)).toEqual(["Free"]);
		expect(r.stdout).toMatch(/Blog\/Busy\.md\s+failed/);
		expect(r.stdout).toMatch(/Blog\/Free\.md\s+published/);
		expect(await readFile(busyNote, "utf8")).not.toContain("medium_url");
		expect(await readFile(path.join(folder, "Free.md"), "utf8")).toContain("medium_url: https://");
	});

	test("a stale lock left by a killed run does not block the next one", async () => {
		const note = path.join(vault, "Stale.md");
		await writeFile(note, "# Stale\n");
		const locks = path.join(vault, ".medium-publisher", "state.json.locks");
		await mkdir(locks, { recursive: true });
		// A lock for every note, owned by a process that no longer exists.
		const name = createHash("sha256").update(await realpath(note)).digest("hex").slice(0, 32) + ".lock";
		await writeFile(path.join(locks, name), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), at: Date.now() }));
		await writeFile(path.join(vault, ".medium-publisher", "state.json.lock"), JSON.stringify({ pid: 2 ** 22 + 12346, host: hostname(), at: Date.now() }));
		const r = await run(["publish", note], env());
		expect(r.stderr).not.toMatch(/lock|already being published/i);
		expect(r.code).toBe(0);
		expect(fake.posts).toHaveLength(1);
	});
});

describe("the terminal", () => {
	test("control characters from a note are escaped on stderr", async () => {
		const note = path.join(vault, "Ctl.md");
		await writeFile(note, "# Ctl\n\nSee [[Missing\u001b]0;pwned\u0007 note]].\n");
		const r = await run(["convert", note]);
		expect(r.code).toBe(0);
		expect(r.stderr).not.toContain("\u001b");
		expect(r.stderr).not.toContain("\u0007");
		expect(r.stderr).toContain("\\x1b]0;pwned\\x07");
	});

	test("a reader that goes away (| head) ends the run quietly", async () => {
		const note = path.join(vault, "Big.md");
		await writeFile(note, "# Big\n\n" + "A line of text that goes on.\n\n".repeat(100_000));
		const child = spawn(process.execPath, [CLI, "convert", note], { stdio: ["ignore", "pipe", "pipe"] });
		let stderr = "";
		child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
		child.stdout.once("data", () => child.stdout.destroy());
		const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
		expect(stderr).not.toMatch(/EPIPE|Error/);
		expect(code).toBe(0);
	});
});
