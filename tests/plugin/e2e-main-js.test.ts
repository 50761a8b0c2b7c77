/**
 * The plugin as Obsidian loads it: the BUILT main.js (CommonJS, `require("obsidian")` resolved to the
 * stand-in through jest's module map), over an in-memory vault, publishing to the fake Medium server
 * over real HTTP. Ribbon → pre-flight → Publish → what Medium received and what the note holds; then an
 * edit and the guard's "Changed since it was published on …" with the diff.
 */

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { App, buttonIn, noticeWith, openModals, requestLog, resetStub, waitFor, type Modal } from "../support/obsidian-stub";
import { startFakeMedium, type FakeMedium } from "../support/fake-medium-server";
import { MANIFEST, NOTE, PNG, ROOT, vaultFiles, type PluginClass } from "../support/plugin-harness";
import type { PublisherState } from "../../src/publish/publisher-state";
import { formatPublishDate } from "../../src/publish/story-status";

const MAIN_JS = path.join(ROOT, "main.js");

let fake: FakeMedium;

beforeAll(async () => {
	// `npm test` builds first (lint, typecheck, build, jest); when main.js is missing it is built here.
	if (!existsSync(MAIN_JS)) {
		execFileSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: ROOT, stdio: "pipe" });
	}
	fake = await startFakeMedium();
}, 60_000);

afterAll(async () => {
	await fake.close();
});

beforeEach(() => {
	fake.reset();
	resetStub();
});

test("the bundle needs nothing but obsidian: no Node built-ins, no Buffer", () => {
	const code = readFileSync(MAIN_JS, "utf8");
	const required = new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
	expect([...required]).toEqual(["obsidian"]);
	expect(code).not.toContain("Buffer");
	// The clipboard's marked re-parse is gone (the story model's one HTML writer replaced it); the preview
	// view and its layout (issue 10) are in, and the syntax a QA round found missing (reference links,
	// bare addresses, setext titles, CommonMark list rules): 150 KB; then what real vaults and blogs
	// needed (<img>, <iframe>, <a href>, entities, admonitions, Excalidraw, site-root links, slugs, fence
	// attachments, headings in list items): 175 KB; then what this round's real vaults and blogs needed
	// (cover images, data: images with a base64 reader, MDX and containers, Hugo and Eleventy tags, Dataview
	// fields, HTML tables and <details>, embed heading scopes): 205 KB; then what imported notes, blogs
	// and papers held (Notion, Roam, OneNote and Apple Notes shapes, MkDocs, Liquid, code labels): 215 KB,
	// under a 225 KB guard; then blog posts' own tags and blocks (MkDocs admonitions and tabs, Hexo, Hugo,
	// Jekyll and Zola image, code, quote, embed and link tags, kramdown and attribute lists): 233 KB, under
	// a 235 KB guard; then Quarto posts (callouts, code cells, its video shortcode): 236 KB, under a 240 KB
	// guard; then the review pass and last fixes of that round: 245 KB, 400 bytes under it, so the guard
	// moved to 255 KB for the next round's fixes (gardens' draft flags and permalinks, list-item embeds,
	// tags written in the text, Liquid and Pandoc read only in a site's posts): 253 KB, 2 KB under it, so
	// the guard moved to 265 KB for the next round (HTML blocks, plugin syntax, links across platforms,
	// lists and footnotes, blog frameworks, CJK text), which reached 264.5 KB in its first hour, so 285 KB. No dependency: the bundle is all own code (the
	// converter 174 KB of it), and a plugin bundle only loads as one file, so no rule can be loaded on demand. A guard against a stray
	// dependency or a sudden jump, not a target: the goal is 100 KB, which the converter's rules no longer
	// fit (each is own code for syntax real notes hold).
	expect(code.length).toBeLessThan(285 * 1024);
});

test("ribbon → pre-flight → Publish; then an edit shows the guard with the diff", async () => {
	const mod = jest.requireActual<{ default: PluginClass }>(MAIN_JS);
	const app = new App(vaultFiles());
	app.secretStorage.setSecret("medium-token", fake.token);
	app.pluginData.set(MANIFEST.id, { settings: { apiBase: fake.apiBase } });
	const plugin = new mod.default(app as never, MANIFEST);
	await plugin.onload();
	app.workspace.setLayoutReady();
	expect(requestLog).toHaveLength(0);
	const note = app.vault.getFileByPath(NOTE)!;
	app.workspace.openFile(note);

	// The ribbon action opens the pre-flight (confirmation is on by default); nothing is sent yet.
	expect(app.ribbon).toHaveLength(1);
	app.ribbon[0].callback({});
	const preflight = await waitFor(() => openModals.find((m) => m.titleEl.getText() === "Publish to Medium"), "the pre-flight");
	expect(preflight.contentEl.getText()).toContain("Snippet.md");
	expect(preflight.contentEl.getText()).toContain("Attachments/diagram.png");
	expect(fake.requests).toHaveLength(0);
	await buttonIn(preflight.contentEl, "Publish").click();
	const success = await waitFor(() => noticeWith("Draft created on Medium"), "the success notice");

	// Medium received one image upload (the PNG) and one story.
	const uploads = fake.requestsTo("images");
	expect(uploads).toHaveLength(1);
	expect(uploads[0].parts).toHaveLength(1);
	expect(uploads[0].parts![0].contentType).toBe("image/png");
	expect(Buffer.from(uploads[0].parts![0].bytes).equals(Buffer.from(PNG))).toBe(true);
	const posts = fake.requestsTo("posts");
	expect(posts).toHaveLength(1);
	expect(posts[0].path).toBe(`/v1/users/${fake.user.id}/posts`);
	const body = posts[0].json as { content: string; publishStatus: string; title: string };
	expect(body.title).toBe("Launch day");
	expect(body.publishStatus).toBe("draft");
	expect(body.content).toContain("Embedded words from the snippet.");
	const shown = fake.posts[0].paragraphs;
	expect(shown[0]).toMatchObject({ type: "TITLE", text: "Launch day" });
	expect(shown).toContainEqual(expect.objectContaining({ type: "P", text: "Embedded words from the snippet." }));
	expect(shown).toContainEqual(expect.objectContaining({ type: "IMG", src: fake.images[0].url }));
	expect(body.content).not.toContain("diagram.png");
	expect(body.content).not.toContain("[[");

	// The note now has the story's URL as a property, and the notice links to it.
	const url = String(fake.posts[0].response.url);
	expect(app.metadataCache.getFileCache(note)?.frontmatter?.medium_url).toBe(url);
	expect(success.messageEl.descendants().find((el) => el.tagName === "a")?.href).toBe(url);
	expect(app.savedJson[app.savedJson.length - 1]).not.toContain(fake.token);

	// Edit the note and publish again: the guard says it changed, with the lines.
	await app.vault.modify(note, app.vault.textOf(NOTE).replace("The end.", "The end, revised."));
	const before = fake.requests.length;
	app.ribbon[0].callback({});
	const guard: Modal = await waitFor(() => openModals.find((m) => m.titleEl.getText().startsWith("Changed since it was published on")), "the guard");
	const publishedAt = (plugin as unknown as { state: PublisherState }).state.records[NOTE].publishedAt;
	expect(Date.now() - Date.parse(publishedAt)).toBeLessThan(60_000);
	expect(guard.titleEl.getText()).toBe(`Changed since it was published on ${formatPublishDate(publishedAt)}`);
	const diff = guard.contentEl.descendants().filter((el) => el.hasClass("medium-publisher-diff-add") || el.hasClass("medium-publisher-diff-remove")).map((el) => el.getText());
	expect(diff).toEqual(["- The end.", "+ The end, revised."]);
	await buttonIn(guard.contentEl, "Cancel").click();
	await waitFor(() => openModals.length === 0, "the guard to close");
	expect(fake.requests.length).toBe(before);

	plugin.unload();
	expect(app.ribbon).toHaveLength(0);
	expect(app.commands.size).toBe(0);
});
