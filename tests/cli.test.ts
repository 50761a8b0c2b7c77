/**
 * The command line as users run it: the built `dist/cli.js` in a child process, over a vault on disk,
 * publishing to the fake Medium server over real HTTP.
 */

import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, symlink, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { FakeMedium } from "./support/fake-medium-server";
import { expectMediumSafe } from "./support/html-safety";
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
	dir = await mkdtemp(path.join(tmpdir(), "mp-cli-"));
	vault = path.join(dir, "vault");
	await cp(EXAMPLE, vault, { recursive: true });
	await rm(path.join(vault, ".medium-publisher"), { recursive: true, force: true });
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const showcase = () => path.join(vault, "Showcase.md");
const env = () => ({ MEDIUM_TOKEN: fake.token, MEDIUM_API_BASE: fake.apiBase });

describe("convert", () => {
	test("prints the story's markdown and warnings on stderr", async () => {
		const r = await run(["convert", showcase()]);
		expect(r.code).toBe(0);
		expect(r.stdout.startsWith("# Writing in Obsidian, reading on Medium\n")).toBe(true);
		expect(r.stdout).toContain("[Field notes](https://medium.com/@example/field-notes-1a2b3c4d5e6f)");
		expect(r.stdout).not.toContain("[[Field notes");
		expect(r.stderr).toMatch(/Showcase\.md:\d+: warning: .*\[table-as-text\]/);
	});
	test("a warning from an embedded note names that note and its own line, in the order of the note", async () => {
		await mkdir(path.join(vault, "Parts"), { recursive: true });
		await writeFile(path.join(vault, "Parts", "Part.md"), "one\ntwo\n[[Nowhere at all]]\n");
		await writeFile(path.join(vault, "Post.md"), "[[Missing first]]\n\n![[Part]]\n\n[[Missing last]]\n");
		const r = await run(["convert", path.join(vault, "Post.md")]);
		expect(r.code).toBe(0);
		expect(r.stderr.split("\n").filter((l) => l.includes("[unresolved-link]")).map((l) => l.slice(0, l.indexOf(": warning")))).toEqual([
			"Post.md:1",
			"Parts/Part.md:3",
			"Post.md:5",
		]);
	});
	test("--json gives the whole story", async () => {
		const r = await run(["convert", showcase(), "--json"]);
		const j = JSON.parse(r.stdout) as Record<string, unknown>;
		expect(Object.keys(j).sort()).toEqual(["canonicalUrl", "content", "contentFormat", "images", "tags", "title", "warnings"]);
		expect(j.contentFormat).toBe("markdown");
		expect(j.tags).toEqual(["obsidian", "writing", "medium"]);
		expect(j.canonicalUrl).toBe("https://example.com/blog/showcase");
		expect(j.images).toEqual([{ path: "attachments/Sunrise.png", alt: "A sunrise over the vault" }]);
		expect((j.warnings as Array<{ code: string; line: number }>).every((w) => typeof w.code === "string" && w.line > 0)).toBe(true);
	});
	test("--format html gives Medium-safe HTML", async () => {
		const r = await run(["convert", showcase(), "--format", "html"]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("<h1>Writing in Obsidian, reading on Medium</h1>");
		expect(r.stdout).not.toMatch(/<script|<table/);
		expectMediumSafe(r.stdout.trimEnd());
		// Nothing is uploaded by convert: the local image travels inline.
		const png = await readFile(path.join(vault, "attachments", "Sunrise.png"));
		expect(r.stdout).toContain(`<img src="data:image/png;base64,${png.toString("base64")}" alt="A sunrise over the vault">`);
	});
	test("--format html is the HTML a publish sends, once the image is uploaded", async () => {
		expect((await run(["publish", showcase()], env())).code).toBe(0);
		const sent = String(fake.posts[0].request.content);
		// The note now has its medium_url; the story itself is the same.
		const r = await run(["convert", showcase(), "--format", "html"]);
		expect(r.stdout.trimEnd()).toBe(sent);
	});
	test("the vault is the nearest folder holding .obsidian", async () => {
		const r = await run(["convert", path.join(vault, "Notes", "Reading list.md"), "--json"]);
		expect(r.code).toBe(0);
		expect((JSON.parse(r.stdout) as { title: string }).title).toBe("Reading list");
	});
	test("--vault points at another folder; links resolve inside it", async () => {
		const other = path.join(dir, "plain");
		await mkdir(path.join(other, "sub"), { recursive: true });
		await writeFile(path.join(other, "a.md"), "See [[b]] and ![[b]]");
		await writeFile(path.join(other, "sub", "b.md"), "---\nmedium_url: https://medium.com/@x/b\n---\nB body");
		const r = await run(["convert", path.join(other, "a.md"), "--vault", other]);
		expect(r.stdout).toBe("# a\n\nSee [b](https://medium.com/@x/b) and\n\nB body\n");
	});
	test("with --vault, a note can be named by its path inside the vault", async () => {
		const r = await run(["convert", "Notes/Reading list.md", "--vault", vault]);
		expect(r.code).toBe(0);
		expect(r.stdout.startsWith("# Reading list\n")).toBe(true);
	});
	test("templates and the URL property come from flags", async () => {
		const r = await run(["convert", "Showcase.md", "--vault", vault, "--json", "--canonical-template", "https://blog.example/{slug}", "--link-template", "https://blog.example/{slug}", "--url-property", "story"]);
		const j = JSON.parse(r.stdout) as { canonicalUrl: string; content: string };
		expect(j.canonicalUrl).toBe("https://example.com/blog/showcase"); // the note's own canonical_url wins
		expect(j.content).toContain("[my reading list](https://blog.example/reading-list)");
		// With another URL property, Field notes' medium_url no longer counts: it is linked by the template.
		expect(j.content).toContain("[Field notes](https://blog.example/field-notes)");
		const plain = await run(["convert", "Notes/Reading list.md", "--vault", vault, "--json", "--canonical-template", "https://blog.example/{slug}"]);
		expect((JSON.parse(plain.stdout) as { canonicalUrl: string }).canonicalUrl).toBe("https://blog.example/reading-list");
	});
	test("a canonical URL that is not a web address is not sent, with a warning", async () => {
		const note = path.join(vault, "Canon.md");
		for (const [value, flags] of [["canonical_url: not a url", []], ["canonical_url: /blog/canon/", []], ["canonical_url: javascript:alert(1)", []], ["title: Canon", ["--canonical-template", "/blog/{slug}/"]]] as const) {
			await writeFile(note, `---\n${value}\n---\nBody.\n`);
			const r = await run(["convert", note, "--json", ...flags]);
			expect(r.code).toBe(0);
			const j = JSON.parse(r.stdout) as { canonicalUrl: string | null; warnings: Array<{ code: string }> };
			expect(j.canonicalUrl).toBeNull();
			expect(j.warnings.map((w) => w.code)).toContain("bad-canonical-url");
			expect(r.stderr).toMatch(/Canon\.md:\d+: warning: .*canonical.*\[bad-canonical-url\]/);
		}
		await writeFile(note, "---\ncanonical_url: https://blog.example/canon/\n---\nBody.\n");
		const good = JSON.parse((await run(["convert", note, "--json"])).stdout) as { canonicalUrl: string | null; warnings: unknown[] };
		expect(good.canonicalUrl).toBe("https://blog.example/canon/");
		expect(good.warnings).toEqual([]);
	});
	test("a date as a property value reads as the text written, as Obsidian shows it (not as the file name)", async () => {
		const note = path.join(vault, "Dated.md");
		await writeFile(note, "---\ntitle: 2024-01-02\nmedium_subtitle: 2024-05-06 # when\ntags: [2023-12-31, news]\n---\nBody.\n");
		const r = await run(["convert", note, "--json"]);
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout) as { title: string; content: string; tags: string[] };
		expect(j.title).toBe("2024-01-02");
		expect(j.content).toContain("2024-05-06");
		expect(j.tags).toEqual(["2023-12-31", "news"]);
	});
	test("--vault spelled through a symbolic link (macOS's /tmp is /private/tmp) holds the notes of its real folder", async () => {
		const linked = path.join(dir, "vault-link");
		await symlink(vault, linked, "dir");
		// The working folder is the real one (a process sees its real path), the vault named through the link.
		const fromReal = await run(["convert", "Showcase.md", "--vault", linked, "--json"], {}, vault);
		expect(fromReal.stderr).not.toContain("not inside the vault");
		expect(fromReal.code).toBe(0);
		expect((JSON.parse(fromReal.stdout) as { title: string }).title).toBe("Writing in Obsidian, reading on Medium");
		// And the other way round: the note through the link, the vault by its real path.
		const viaLink = await run(["publish", path.join(linked, "Showcase.md"), "--vault", vault, "--dry-run"], {});
		expect(viaLink.code).toBe(0);
		expect(viaLink.stdout).toMatch(/^Showcase\.md +would publish/m);
		// A note whose real file is outside the vault is still refused.
		await writeFile(path.join(dir, "Outside.md"), "# Outside\n");
		expect((await run(["convert", path.join(dir, "Outside.md"), "--vault", linked])).code).toBe(1);
	});
	test("a missing note exits 1 with one line", async () => {
		const r = await run(["convert", path.join(vault, "Nope.md")]);
		expect(r.code).toBe(1);
		expect(r.stderr.trim().split("\n")).toHaveLength(1);
		expect(r.stderr).toContain("Note not found");
	});
	test.each([[[]], [["frobnicate", "x.md"]], [["convert"]], [["convert", "a.md", "b.md"]], [["convert", "a.md", "--format", "pdf"]], [["publish", "a.md", "--status", "loud"]], [["convert", "a.md", "--new"]]])(
		"wrong usage %j exits 2",
		async (args) => {
			expect((await run(args)).code).toBe(2);
		},
	);
});

describe("publish", () => {
	test("uploads the image, creates a draft, writes the URL and nothing else", async () => {
		const before = await readFile(showcase(), "utf8");
		const r = await run(["publish", showcase()], env());
		expect(r.stderr).not.toContain(fake.token);
		expect(r.code).toBe(0);
		expect(fake.images).toHaveLength(1);
		expect(fake.posts).toHaveLength(1);
		const sent = fake.posts[0].request;
		expect(sent.publishStatus).toBe("draft");
		expect(sent.contentFormat).toBe("html");
		expect(sent.tags).toEqual(["obsidian", "writing", "medium"]);
		const shown = fake.storyParagraphs(String(fake.posts[0].response.id));
		expect(shown[0]).toMatchObject({ type: "TITLE", text: "Writing in Obsidian, reading on Medium" });
		// The note shows Sunrise.png three times (two embeds and a markdown image with a title): one upload,
		// each at its Medium URL, the markdown image's title as its caption.
		expect(shown.filter((p) => p.type === "IMG").map((p) => [p.src, p.alt, p.text, p.broken])).toEqual([
			[fake.images[0].url, "A sunrise over the vault", "", undefined],
			[fake.images[0].url, "", "", undefined],
			[fake.images[0].url, "A sunrise over the vault", "A markdown image's title becomes its caption", undefined],
		]);
		expect(String(sent.content)).not.toContain("attachments/Sunrise.png");
		const url = String(fake.posts[0].response.url);
		expect(r.stdout.trim().split("\n").pop()).toMatch(new RegExp(`^Showcase\\.md +published +${url.replace(/[.?]/g, "\\$&")}$`));
		const after = await readFile(showcase(), "utf8");
		const lines = before.split("\n");
		const closing = lines.indexOf("---", 1);
		lines.splice(closing, 0, `medium_url: ${url}`);
		expect(after).toBe(lines.join("\n"));
	});
	test("a note already published and unchanged is left alone (exit 0, nothing sent); --new publishes again without re-uploading images", async () => {
		expect((await run(["publish", showcase()], env())).code).toBe(0);
		const again = await run(["publish", showcase()], env());
		expect(again.code).toBe(0);
		expect(again.stdout).toMatch(/^Showcase\.md +unchanged +https:\/\/medium\.com\//m);
		expect(fake.posts).toHaveLength(1);
		const fresh = await run(["publish", showcase(), "--new"], env());
		expect(fresh.code).toBe(0);
		expect(fake.posts).toHaveLength(2);
		expect(fake.images).toHaveLength(1);
	});
	test("an edit shows as changed, with --diff", async () => {
		expect((await run(["publish", showcase()], env())).code).toBe(0);
		const text = await readFile(showcase(), "utf8");
		await writeFile(showcase(), text.replace("This note shows", "This edited note shows"));
		const r = await run(["publish", showcase(), "--diff"], env());
		expect(r.code).toBe(3);
		expect(r.stdout).toMatch(/^Showcase\.md: Changed since it was published on \d{1,2} [A-Z][a-z]{2} \d{4}; not published again without --new/);
		expect(r.stdout).toMatch(/^Showcase\.md +changed, not published +https:\/\/medium\.com\//m);
		expect(fake.posts).toHaveLength(1);
		expect(r.stdout).toContain("+ This edited note shows");
		expect(r.stdout).toContain("- This note shows");
	});
	test("--dry-run sends nothing and needs no token", async () => {
		const before = await readFile(showcase(), "utf8");
		const r = await run(["publish", showcase(), "--dry-run"], {});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("Would create a draft story");
		expect(r.stdout).toContain("  Notes inlined: Field notes.md\n  Images to upload: attachments/Sunrise.png\n");
		expect(fake.requests).toHaveLength(0);
		expect(await readFile(showcase(), "utf8")).toBe(before);
	});
	test("--dry-run shows the images a publish would upload: one Medium refuses (SVG, WebP) is left out with the same warning", async () => {
		await writeFile(path.join(vault, "attachments", "Vector.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
		await writeFile(path.join(vault, "attachments", "Photo.webp"), Buffer.from("RIFF\0\0\0\0WEBPVP8 ", "latin1"));
		const note = path.join(vault, "Images.md");
		await writeFile(note, "# Images\n\n![[Sunrise.png]]\n\n![[Vector.svg]]\n\n![[Photo.webp]]\n");
		const dry = await run(["publish", note, "--dry-run", "--json"], {});
		expect(dry.code).toBe(0);
		const doc = JSON.parse(dry.stdout) as { notes: Array<{ request: { images: Array<{ path: string }>; body: { content: string } }; warnings: Array<{ code: string }> }> };
		const planned = doc.notes[0];
		expect(planned.request.images.map((i) => i.path)).toEqual(["attachments/Sunrise.png"]);
		expect(planned.request.body.content).not.toMatch(/Vector|Photo/);
		expect(planned.warnings.filter((w) => w.code === "unsupported-image")).toHaveLength(2);
		// Each warning names the line that shows the image, not the note's first line.
		expect(dry.stderr).toMatch(/Images\.md:5: warning: Image attachments\/Vector\.svg is SVG.*\[unsupported-image\]/);
		expect(dry.stderr).toMatch(/Images\.md:7: warning: Image attachments\/Photo\.webp is WEBP.*\[unsupported-image\]/);
		const html = await run(["convert", note, "--format", "html"], {});
		expect(html.stderr).toMatch(/Images\.md:5: warning: image attachments\/Vector\.svg was left out of the HTML: .*\. \[unsupported-image\]$/m);
		expect(html.stderr).toMatch(/Images\.md:7: warning: image attachments\/Photo\.webp was left out of the HTML/);
		const text = await run(["publish", note, "--dry-run"], {});
		expect(text.stdout).toContain("  Images to upload: attachments/Sunrise.png\n");
		// The real publish leaves out the same images, with the same warnings.
		const real = await run(["publish", note], env());
		expect(real.code).toBe(0);
		expect(fake.images.map((i) => i.filename)).toEqual(["Sunrise.png"]);
		expect(real.stderr.split("\n").filter((l) => l.includes("[unsupported-image]"))).toEqual(dry.stderr.split("\n").filter((l) => l.includes("[unsupported-image]")));
	});
	test("--status and medium_status; an unknown medium_status never makes it public", async () => {
		expect((await run(["publish", showcase(), "--status", "unlisted"], env())).code).toBe(0);
		expect(fake.posts[0].request.publishStatus).toBe("unlisted");
		const note = path.join(vault, "Status.md");
		await writeFile(note, "---\nmedium_status: publik\n---\nbody");
		const r = await run(["publish", note], env());
		expect(r.code).toBe(0);
		expect(fake.posts[1].request.publishStatus).toBe("draft");
		expect(r.stderr).toContain("medium_status");
	});
	test("without a token: exit 1, a clear message, note unchanged", async () => {
		const before = await readFile(showcase(), "utf8");
		const r = await run(["publish", showcase()], { MEDIUM_API_BASE: fake.apiBase });
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("MEDIUM_TOKEN");
		expect(await readFile(showcase(), "utf8")).toBe(before);
	});
	test.each([
		["401", { status: 401, json: { errors: [{ message: "Token was invalid.", code: 6003 }] } }, /MEDIUM_TOKEN/, 1],
		["429", { status: 429, json: { errors: [{ message: "User has reached the rate limit for publishing today.", code: 1007 }] } }, /Left for tomorrow: Showcase\.md/, 4],
		["html page", { status: 403, html: true as const }, /bot protection/i, 1],
		["5xx", { status: 503, json: {} }, /try again/i, 1],
	])("a failed create (%s) exits non-zero, leaves the note, never shows the token", async (_n, failure, message, code) => {
		const before = await readFile(showcase(), "utf8");
		fake.failNext("posts", failure);
		const r = await run(["publish", showcase()], env());
		expect(r.code).toBe(code);
		expect(r.stderr + r.stdout).not.toMatch(/plugin settings/);
		expect(r.stderr).toMatch(message);
		expect(r.stderr).not.toContain(fake.token);
		expect(r.stdout).not.toContain(fake.token);
		expect(await readFile(showcase(), "utf8")).toBe(before);
		expect(fake.requestsTo("posts")).toHaveLength(1);
	});
	test("a wrong token is reported without being shown", async () => {
		const r = await run(["publish", showcase()], { MEDIUM_TOKEN: "deadbeef0123456789", MEDIUM_API_BASE: fake.apiBase });
		expect(r.code).toBe(1);
		expect(r.stderr).not.toContain("deadbeef0123456789");
	});
	test("a note without frontmatter gains one; CRLF notes stay CRLF", async () => {
		const plain = path.join(vault, "Plain.md");
		await writeFile(plain, "Just text\r\nsecond line\r\n");
		expect((await run(["publish", plain], env())).code).toBe(0);
		const url = String(fake.posts[0].response.url);
		expect(await readFile(plain, "utf8")).toBe(`---\r\nmedium_url: ${url}\r\n---\r\nJust text\r\nsecond line\r\n`);
	});
	test("a note with lone-CR line endings: its properties are read, and it is left as it is with the URL shown", async () => {
		const old = path.join(vault, "Old Mac.md");
		const text = "---\rtitle: From 1999\rtags: [retro]\r---\rBody line\rsecond line\r";
		await writeFile(old, text);
		const r = await run(["publish", old], env());
		expect(r.code).toBe(0);
		const url = String(fake.posts[0].response.url);
		expect(fake.posts[0].request.title).toBe("From 1999");
		expect(fake.posts[0].request.tags).toEqual(["retro"]);
		expect(r.stdout + r.stderr).toContain(url);
		expect(r.stderr).toMatch(/lone CR/);
		expect(await readFile(old, "utf8")).toBe(text);
	});
	test("the image cache and records live beside the vault", async () => {
		expect((await run(["publish", showcase()], env())).code).toBe(0);
		const state = JSON.parse(await readFile(path.join(vault, ".medium-publisher", "state.json"), "utf8")) as { imageCache: object; records: Record<string, { url: string }> };
		expect(Object.values(state.imageCache)).toEqual([fake.images[0].url]);
		expect(state.records["Showcase.md"].url).toBe(fake.posts[0].response.url);
		expect(JSON.stringify(state)).not.toContain(fake.token);
	});
});
