/**
 * `medium-publish preview` as users run it: the built dist/cli.js in a child process, over a copy of the
 * example vault. The page must be one self-contained document: no script, nothing loaded but the remote
 * images the note itself links, its local images inside it as data URLs, the plugin's own stylesheet.
 */

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, link, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { DEFAULT_CONFIG_DIR } from "../src/cli/node-vault";
import { previewStylesheet } from "../src/preview/preview-page";

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "dist", "cli.js");
const EXAMPLE = path.join(ROOT, "examples", "vault");

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

function run(args: string[], cwd = ROOT): Promise<Run> {
	return new Promise((resolve) => {
		execFile(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? "" } }, (err, stdout, stderr) => {
			resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
		});
	});
}

let dir: string;
let vault: string;

beforeAll(() => {
	if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does).");
});
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "mp-preview-"));
	vault = path.join(dir, "vault");
	await cp(EXAMPLE, vault, { recursive: true });
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** Every URL the page would load: src/srcset/poster/data attributes, link hrefs, CSS url() and @import. */
function loadedUrls(html: string): string[] {
	const urls: string[] = [];
	for (const m of html.matchAll(/\s(?:src|srcset|poster|data|background)="([^"]*)"/gi)) urls.push(m[1]);
	for (const m of html.matchAll(/<link\b[^>]*>/gi)) urls.push(m[0]);
	for (const m of html.matchAll(/url\(|@import/gi)) urls.push(m[0]);
	return urls;
}

describe("preview", () => {
	test("writes <name>.medium.html beside the note, prints its path, and reports warnings on stderr", async () => {
		const note = path.join(vault, "Showcase.md");
		const r = await run(["preview", note]);
		expect(r.code).toBe(0);
		const out = path.join(vault, "Showcase.medium.html");
		expect(r.stdout).toBe(out + "\n");
		expect(r.stderr).toMatch(/^Showcase\.md:\d+: warning: /m);
		const html = await readFile(out, "utf8");
		expect(html.startsWith("<!doctype html>")).toBe(true);
		expect(html).toContain("<h1 class=\"medium-publisher-preview-title\">Writing in Obsidian, reading on Medium</h1>");
		expect(html).toContain("<h2 class=\"medium-publisher-preview-subtitle\">Every Obsidian construct, ready for Medium</h2>");
	});

	test("the page is self-contained: no script, local images as data URLs, only the note's remote images", async () => {
		const note = path.join(vault, "Preview.md");
		const png = await readFile(path.join(vault, "attachments", "Sunrise.png"));
		await writeFile(
			note,
			[
				"# Self-contained",
				"",
				"![[Sunrise.png]]",
				"",
				"![A remote one](https://images.example.com/remote.png \"From the web\")",
				"",
				// An <img> is an image of the story (the note shows it); other HTML loads nothing.
				"<script>alert(1)</script> and <video poster=\"https://tracker.example.com/pixel.gif\" src=\"https://tracker.example.com/a.mp4\"></video> and <object data=\"https://tracker.example.com/x.swf\"></object>",
				"",
				"[a link](https://example.com/page)",
			].join("\n"),
		);
		const out = path.join(dir, "page.html");
		const r = await run(["preview", note, "-o", out]);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(out + "\n");
		const html = await readFile(out, "utf8");
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toMatch(/<iframe|<object|<embed|<link/i);
		const urls = loadedUrls(html);
		const local = `data:image/png;base64,${png.toString("base64")}`;
		expect(urls).toContain(local);
		expect(urls).toContain("https://images.example.com/remote.png");
		for (const url of urls) expect([local, "https://images.example.com/remote.png"]).toContain(url);
		expect(html).toContain("<figcaption class=\"medium-publisher-preview-caption\">From the web</figcaption>");
		// The same stylesheet as the plugin's view.
		const styles = await readFile(path.join(ROOT, "styles.css"), "utf8");
		expect(html).toContain(previewStylesheet(styles));
		expect(html).toContain("default-src 'none'");
	});

	test("takes the vault, template and property options of convert; a note named inside the vault works", async () => {
		const r = await run(["preview", "Showcase.md", "--vault", vault, "--output", "out.html", "--link-template", "https://blog.example.com/{slug}/", "--url-property", "medium_url"], dir);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(path.join(dir, "out.html") + "\n");
		const html = await readFile(path.join(dir, "out.html"), "utf8");
		expect(html).toContain("href=\"https://blog.example.com/reading-list/\"");
	});

	test("line breaks follow the vault's Strict line breaks setting, like convert", async () => {
		const note = path.join(vault, "Poem.md");
		await writeFile(note, "# Poem\n\nRoses are red,\nviolets are blue.\n");
		const out = path.join(dir, "poem.html");
		expect((await run(["preview", note, "-o", out])).code).toBe(0);
		expect(await readFile(out, "utf8")).toContain(">Roses are red,<br>violets are blue.</p>");
		await writeFile(path.join(vault, DEFAULT_CONFIG_DIR, "app.json"), JSON.stringify({ strictLineBreaks: true }));
		expect((await run(["preview", note, "-o", out])).code).toBe(0);
		expect(await readFile(out, "utf8")).toContain(">Roses are red, violets are blue.</p>");
	});

	test("wrong usage is exit 2 with the usage; a missing note is exit 1 and writes nothing", async () => {
		const noFile = await run(["preview"]);
		expect(noFile.code).toBe(2);
		expect(noFile.stderr).toContain("preview needs a note.");
		const badFlag = await run(["preview", path.join(vault, "Showcase.md"), "--status", "public"]);
		expect(badFlag.code).toBe(2);
		expect(badFlag.stderr).toContain("Unknown option --status for preview.");
		const help = await run(["preview", "--help"]);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain("Usage: medium-publish preview <note.md> [options]");
		expect(help.stdout).toContain("-o, --output FILE");
		const missing = await run(["preview", path.join(vault, "Nope.md")]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain("Note not found");
		expect(existsSync(path.join(vault, "Nope.medium.html"))).toBe(false);
	});

	test("the page never replaces a note: -o naming the note itself (by any path or link) or another .md is refused, exit 2", async () => {
		const note = path.join(vault, "Showcase.md");
		const before = await readFile(note, "utf8");
		const other = path.join(vault, "Other.md");
		await writeFile(other, "# Other\n");
		await symlink(note, path.join(dir, "page.html"));
		await link(note, path.join(dir, "hard.html"));
		for (const out of [note, path.join(vault, ".", "Showcase.md"), path.join(dir, "page.html"), path.join(dir, "hard.html"), other]) {
			const r = await run(["preview", note, "-o", out]);
			expect(r.code).toBe(2);
			expect(r.stderr.trim().split("\n")).toHaveLength(1);
			expect(r.stderr).toMatch(/note/);
		}
		expect(await readFile(note, "utf8")).toBe(before);
		expect(await readFile(other, "utf8")).toBe("# Other\n");
	});

	test("refuses what convert refuses (an empty, binary or Latin-1 note) and warns of unreadable properties", async () => {
		const cases: Array<[string, Uint8Array | string, RegExp]> = [
			["Empty.md", "", /empty/],
			["Binary.md", await readFile(path.join(vault, "attachments", "Sunrise.png")), /not a text note/],
			["Latin.md", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), /not UTF-8/],
		];
		for (const [name, content, message] of cases) {
			await writeFile(path.join(vault, name), content);
			const r = await run(["preview", path.join(vault, name)]);
			expect(r.code).toBe(1);
			expect(r.stderr).toMatch(message);
			expect(existsSync(path.join(vault, name.replace(".md", ".medium.html")))).toBe(false);
		}
		await writeFile(path.join(vault, "Yaml.md"), "---\ntitle: [unclosed\n---\nBody.\n");
		const bad = await run(["preview", path.join(vault, "Yaml.md")]);
		expect(bad.code).toBe(0);
		expect(bad.stderr).toMatch(/Yaml\.md:\d+: warning: the properties are not valid YAML.*\[bad-properties\]/);
	});
});
