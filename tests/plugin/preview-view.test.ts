/**
 * The preview view inside the obsidian stand-in: the command opens it beside the note, it renders the
 * converted story with Obsidian's DOM helpers (the stand-in's elements throw on innerHTML), it follows
 * edits after the pause and the active note, it shows warnings at their blocks, the pre-flight's button
 * opens it, and disabling the plugin closes it. No request is ever sent.
 */

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import MediumPublisherPlugin from "../../src/plugin/medium-publisher-plugin";
import { PREVIEW_DEBOUNCE_MS, PREVIEW_VIEW_TYPE, PreviewView } from "../../src/plugin/preview-view";
import { App, ItemView, buttonIn, openModals, requestLog, resetStub, waitFor, type StubElement, type WorkspaceLeaf } from "../support/obsidian-stub";
import { MANIFEST, NOTE, NOTE_TEXT, ROOT, startPlugin, vaultFiles, type PluginClass, type Started } from "../support/plugin-harness";

const PREVIEW = `${MANIFEST.id}:preview-current-note`;
const PUBLISH = `${MANIFEST.id}:publish-current-note`;
const C = (name: string): string => `medium-publisher-preview-${name}`;

beforeEach(() => resetStub());

function start(files = vaultFiles(), settings: Record<string, unknown> = {}): Promise<Started<MediumPublisherPlugin>> {
	// No Medium here: the preview never sends a request (the API root points nowhere).
	return startPlugin(MediumPublisherPlugin, { apiBase: "http://127.0.0.1:9/v1", files, token: "t0k3n", settings });
}

function previewLeaves(app: App): WorkspaceLeaf[] {
	return app.workspace.getLeavesOfType(PREVIEW_VIEW_TYPE);
}

function viewOf(app: App): PreviewView {
	const leaf = previewLeaves(app)[0];
	if (!leaf || !(leaf.view instanceof PreviewView)) throw new Error("no preview view open");
	return leaf.view;
}

/** The view's content element (the stand-in's element behind Obsidian's HTMLElement type). */
function contentOf(view: PreviewView): StubElement {
	return view.contentEl as unknown as StubElement;
}

function all(root: StubElement, cls: string): StubElement[] {
	return root.descendants().filter((el) => el.hasClass(cls));
}

function first(root: StubElement, cls: string): StubElement {
	const found = all(root, cls)[0];
	if (!found) throw new Error(`no .${cls} in the preview`);
	return found;
}

/** Opens the preview with the command and waits for the story to be painted. */
async function openPreview(s: Started<MediumPublisherPlugin>): Promise<PreviewView> {
	expect(s.app.runCommand(PREVIEW)).toBe(true);
	const view = await waitFor(() => previewLeaves(s.app)[0]?.view instanceof PreviewView && viewOf(s.app), "the preview view");
	await waitFor(() => all(contentOf(view), C("title")).length > 0, "the story to render");
	return view;
}


describe("the command", () => {
	test("is offered with a markdown note open, has no hotkey, and opens one view beside the note", async () => {
		const s = await start();
		const command = s.app.commands.get(PREVIEW)!;
		expect(command.name).toBe("Preview current note as a Medium story");
		expect(command.hotkeys).toBeUndefined();
		s.app.workspace.openFile(s.file("Other.txt"));
		expect(s.app.isCommandAvailable(PREVIEW)).toBe(false);
		s.app.workspace.openFile(s.file(NOTE));

		const view = await openPreview(s);
		expect(view.notePath).toBe(NOTE);
		expect(view.getDisplayText()).toBe("Medium preview");
		expect(s.app.workspace.revealed).toHaveLength(1);
		// A second run reuses the open preview.
		expect(s.app.runCommand(PREVIEW)).toBe(true);
		await waitFor(() => s.app.workspace.revealed.length === 2, "the second reveal");
		expect(previewLeaves(s.app)).toHaveLength(1);
		expect(requestLog).toHaveLength(0);
	});
});

describe("what it shows", () => {
	test("the converted story: title, paragraphs, the embedded note, the link's text, the image from the vault", async () => {
		const s = await start();
		const view = await openPreview(s);
		const root = first(contentOf(view), "medium-publisher-preview");
		expect(first(root, C("title")).textContent).toBe("Launch day");
		const paragraphs = all(root, C("p")).map((p) => p.textContent);
		expect(paragraphs).toContain("Read the Background first.");
		expect(paragraphs).toContain("Embedded words from the snippet.");
		expect(paragraphs).toContain("The end.");
		const img = first(root, C("img"));
		expect(img.tagName).toBe("img");
		expect(img.getAttr("src")).toBe("app://stub-vault/Attachments/diagram.png");
		expect(first(root, C("byline")).textContent).toBe("1 min read");
	});

	test("its header publishes or copies the note it shows", async () => {
		const s = await start();
		const view = await openPreview(s);
		const actions = (view as unknown as { actionsEl: StubElement }).actionsEl.descendants();
		expect(actions.map((a) => a.getAttr("aria-label"))).toEqual(["Publish to Medium", "Copy for Medium's editor"]);
		const publish = jest.spyOn(s.plugin, "publishNote").mockResolvedValue();
		const copy = jest.spyOn(s.plugin, "copyNote").mockResolvedValue();
		await actions[0].click();
		await actions[1].click();
		expect(publish.mock.calls.map(([f]) => f.path)).toEqual([NOTE]);
		expect(copy.mock.calls.map(([f]) => f.path)).toEqual([NOTE]);
	});

	test("line breaks as the vault shows them: breaks by default, joined with Strict line breaks", async () => {
		const note = ["# Poem", "", "Roses are red,", "violets are blue."].join("\n");
		const s = await start({ ...vaultFiles(), [NOTE]: note });
		const view = await openPreview(s);
		const poem = first(contentOf(view), C("p"));
		expect(poem.children.map((c) => ("tagName" in c ? c.tagName : c.textContent))).toEqual(["Roses are red,", "br", "violets are blue."]);
		s.app.vault.config.set("strictLineBreaks", true);
		await view.render();
		expect(first(contentOf(view), C("p")).textContent).toBe("Roses are red, violets are blue.");
	});

	test("warnings sit at their blocks as marks with the message as hover text", async () => {
		const note = ["# Marks", "", "Fine paragraph.", "", "See [[Nowhere]] for more.", "", "Last."].join("\n");
		const s = await start({ ...vaultFiles(), [NOTE]: note });
		const view = await openPreview(s);
		const marks = all(contentOf(view), C("mark"));
		expect(marks.length).toBeGreaterThan(0);
		const block = marks[0].parent!;
		expect(block.textContent).toContain("See Nowhere for more.");
		expect(block.hasClass(C("has-warning"))).toBe(true);
		expect(marks[0].getAttr("aria-label")).toMatch(/Nowhere/);
	});
});

describe("from the preview to the note", () => {
	test("a click on a block opens the note at the line it came from; a click on a link does not", async () => {
		const note = ["---", "tags: [a]", "---", "# Fix me", "", "First paragraph.", "", "See [the site](https://example.com/) for more."].join("\n");
		const s = await start({ ...vaultFiles(), [NOTE]: note });
		const view = await openPreview(s);
		const paragraphs = all(contentOf(view), C("p"));
		await paragraphs[1].bubble("click");
		// Line 8 of the file (frontmatter included) is the editor's line 7.
		expect(s.app.workspace.opened.map((o) => [o.path, o.line])).toEqual([[NOTE, 7]]);
		expect(s.app.workspace.opened[0].leaf).not.toBe(previewLeaves(s.app)[0]);
		const link = paragraphs[1].descendants().find((el) => el.tagName === "a")!;
		expect(link.getAttr("href")).toBe("https://example.com/");
		await link.bubble("click");
		expect(s.app.workspace.opened).toHaveLength(1);
	});
});

describe("following the note", () => {
	test("an edit shows after the pause, not on every keystroke", async () => {
		const s = await start();
		const view = await openPreview(s);
		const renders = jest.spyOn(view, "render");
		const file = s.file(NOTE);
		const typed = NOTE_TEXT.replace("The end.", "The very end.");
		const started = Date.now();
		for (const text of [typed.slice(0, -10), typed.slice(0, -5), typed]) {
			s.app.workspace.editorChange(file, text);
			await sleep(100);
		}
		expect(renders).not.toHaveBeenCalled();
		await waitFor(() => all(contentOf(view), C("p")).some((p) => p.textContent === "The very end."), "the edit to show");
		expect(Date.now() - started).toBeGreaterThanOrEqual(200 + PREVIEW_DEBOUNCE_MS - 20);
		expect(renders).toHaveBeenCalledTimes(1);

		// A saved change (vault modify) shows too.
		await s.app.vault.modify(file, NOTE_TEXT.replace("The end.", "Saved ending."));
		await waitFor(() => all(contentOf(view), C("p")).some((p) => p.textContent === "Saved ending."), "the saved edit to show");
		expect(requestLog).toHaveLength(0);
	});

	test("an edit to an embedded note shows too; an unrelated one is ignored", async () => {
		const s = await start();
		const view = await openPreview(s);
		const renders = jest.spyOn(view, "render");
		await s.app.vault.modify(s.file("Other.txt"), "changed");
		await sleep(PREVIEW_DEBOUNCE_MS + 100);
		expect(renders).not.toHaveBeenCalled();
		await s.app.vault.modify(s.file("Snippet.md"), "New snippet words.\n");
		await waitFor(() => all(contentOf(view), C("p")).some((p) => p.textContent === "New snippet words."), "the embed's edit to show");
	});

	test("it follows the active markdown note", async () => {
		const s = await start();
		const view = await openPreview(s);
		s.app.workspace.openFile(s.file("Background.md"));
		await waitFor(() => view.notePath === "Background.md" && first(contentOf(view), C("title")).textContent === "Background", "the other note");
		// A non-markdown file leaves the preview where it was.
		s.app.workspace.openFile(s.file("Other.txt"));
		await sleep(50);
		expect(view.notePath).toBe("Background.md");
	});

	test("a deleted note says so", async () => {
		const s = await start();
		const view = await openPreview(s);
		await s.app.fileManager.trashFile(s.file(NOTE));
		expect(first(contentOf(view), C("message")).textContent).toBe("The note was deleted.");
	});
});

describe("the pre-flight's button", () => {
	test("closes the pre-flight without publishing and opens the preview of the note", async () => {
		const s = await start(vaultFiles(), { confirmBeforePublish: true });
		expect(s.app.runCommand(PUBLISH)).toBe(true);
		const modal = await waitFor(() => openModals[0], "the pre-flight");
		await buttonIn(modal.contentEl, "Preview").click();
		await waitFor(() => previewLeaves(s.app)[0]?.view instanceof PreviewView && all(contentOf(viewOf(s.app)), C("title")).length > 0, "the preview");
		expect(openModals).toHaveLength(0);
		expect(viewOf(s.app).notePath).toBe(NOTE);
		expect(requestLog).toHaveLength(0);
		await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the run to end");
	});
});

describe("disabling the plugin", () => {
	test("closes the view and removes every listener it registered", async () => {
		const s = await start();
		await openPreview(s);
		expect(s.app.workspace.handlerCount("editor-change")).toBe(1);
		s.plugin.unload();
		await waitFor(() => previewLeaves(s.app).length === 0, "the view to close");
		expect(s.app.workspace.handlerCount("editor-change")).toBe(0);
		expect(s.app.workspace.handlerCount("active-leaf-change")).toBe(0);
		expect(s.app.vault.handlerCount("modify")).toBe(0);
	});
});

test("the built main.js registers the view and its command, and renders with the same layout", async () => {
	const mainJs = path.join(ROOT, "main.js");
	if (!existsSync(mainJs)) execFileSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: ROOT, stdio: "pipe" });
	const mod = jest.requireActual<{ default: PluginClass }>(mainJs);
	const s = await startPlugin(mod.default as unknown as new (app: never, manifest: typeof MANIFEST) => { onload(): Promise<void> }, { apiBase: "http://127.0.0.1:9/v1", token: null });
	expect(s.app.runCommand(PREVIEW)).toBe(true);
	const leaf = await waitFor(() => previewLeaves(s.app)[0], "the preview leaf");
	expect(leaf.view).toBeInstanceOf(ItemView);
	const content = (leaf.view as ItemView).contentEl;
	await waitFor(() => all(content, C("title")).length > 0, "the story to render");
	expect(first(content, C("title")).textContent).toBe("Launch day");
	expect(requestLog).toHaveLength(0);
});
