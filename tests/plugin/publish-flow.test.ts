/**
 * The publish command end to end inside the obsidian stand-in, against the fake Medium server over real
 * HTTP (requestUrl backed by Node's fetch): what Medium receives, what the note and the plugin's data
 * hold afterwards, and what the user is told, including failures, a double trigger and the guard.
 */

import MediumPublisherPlugin from "../../src/plugin/medium-publisher-plugin";
import {
	DropdownComponent,
	buttonIn,
	componentIn,
	noticeWith,
	notices,
	openModals,
	openedUrls,
	requestLog,
	resetStub,
	waitFor,
	type App,
	type Modal,
} from "../support/obsidian-stub";
import type { FakeMedium } from "../support/fake-medium-server";
import { expectIssueNoteShown, ISSUE_NOTE } from "../support/issue-note";
import { useFakeMedium } from "../support/use-fake-medium";
import { MANIFEST, NOTE, NOTE_TEXT, PNG, startPlugin, vaultFiles, type Started } from "../support/plugin-harness";

const PUBLISH = `${MANIFEST.id}:publish-current-note`;
const COPY = `${MANIFEST.id}:copy-current-note`;

const fakeMedium = useFakeMedium({ beforeEach: resetStub });
let fake: FakeMedium;
beforeEach(() => {
	fake = fakeMedium();
});

function start(settings: Record<string, unknown> = {}, token: string | null = fake.token): Promise<Started<MediumPublisherPlugin>> {
	return startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token, settings: { confirmBeforePublish: false, ...settings } });
}

/** Runs the publish command and waits for the run to end (the note's lock is free again). */
async function publishAndWait(s: Started<MediumPublisherPlugin>): Promise<void> {
	expect(s.app.runCommand(PUBLISH)).toBe(true);
	await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the publish run to end");
}

function modalWith(title: string): Promise<Modal> {
	return waitFor(() => openModals.find((m) => m.titleEl.textContent.includes(title)), `a modal titled "${title}"`);
}

describe("commands", () => {
	test("offered only while a markdown note is active; no default hotkeys", async () => {
		const s = await start();
		expect(s.app.isCommandAvailable(PUBLISH)).toBe(true);
		expect(s.app.isCommandAvailable(COPY)).toBe(true);
		s.app.workspace.openFile(s.file("Other.txt"));
		expect(s.app.isCommandAvailable(PUBLISH)).toBe(false);
		expect(s.app.isCommandAvailable(COPY)).toBe(false);
		s.app.workspace.openFile(null);
		expect(s.app.isCommandAvailable(PUBLISH)).toBe(false);
		expect(s.app.runCommand(PUBLISH)).toBe(false);
		for (const c of s.app.commands.values()) {
			expect(c.hotkeys).toBeUndefined();
			expect(c.id).not.toMatch(/command/i);
			expect(c.name).not.toMatch(/command|medium publisher/i);
		}
		expect(s.app.ribbon.map((r) => r.icon)).toEqual(["send"]);
	});

	test("onload sends no request; unload removes everything it registered", async () => {
		const s = await start();
		expect(requestLog).toHaveLength(0);
		expect(s.app.vault.handlerCount("rename")).toBe(1);
		expect(s.app.workspace.handlerCount("file-open")).toBe(1);
		s.plugin.unload();
		expect(s.app.commands.size).toBe(0);
		expect(s.app.ribbon).toHaveLength(0);
		expect(s.app.statusBarItems).toHaveLength(0);
		expect(s.app.settingTabs).toHaveLength(0);
		expect(s.app.vault.handlerCount("rename")).toBe(0);
		expect(s.app.vault.handlerCount("modify")).toBe(0);
		expect(s.app.workspace.handlerCount("file-open")).toBe(0);
		expect(s.app.metadataCache.handlerCount("changed")).toBe(0);
	});
});

describe("publishing with confirmation off", () => {
	test("uploads the image, creates one draft, writes the URL with processFrontMatter", async () => {
		const s = await start();
		await publishAndWait(s);

		expect(fake.images).toHaveLength(1);
		expect(Buffer.from(fake.images[0].bytes).equals(Buffer.from(PNG))).toBe(true);
		expect(fake.posts).toHaveLength(1);
		const sent = fake.posts[0].request;
		expect(sent.publishStatus).toBe("draft");
		expect(sent.title).toBe("Launch day");
		expect(sent.tags).toEqual(["writing", "obsidian"]);
		expect(sent.contentFormat).toBe("html");
		expect(fake.posts[0].paragraphs.map((p) => [p.type, p.type === "IMG" ? p.src : p.text])).toEqual([
			["TITLE", "Launch day"],
			["P", "Read the Background first."],
			["P", "Embedded words from the snippet."],
			["IMG", fake.images[0].url],
			["P", "The end."],
		]);
		const url = String(fake.posts[0].response.url);

		// The URL went in through Obsidian's frontmatter writer, touching nothing else.
		expect(s.app.fileManager.calls).toBe(1);
		const text = s.app.vault.textOf(NOTE);
		expect(text).toContain(`medium_url: ${url}`);
		expect(text.replace(`medium_url: ${url}\n`, "")).toBe(NOTE_TEXT);

		// Every request went through requestUrl with throw: false; the image body as an ArrayBuffer.
		expect(requestLog.length).toBeGreaterThanOrEqual(3);
		expect(requestLog.every((r) => r.throwFlag === false)).toBe(true);
		const upload = requestLog.find((r) => r.url.endsWith("/images"));
		expect(upload?.bodyKind).toBe("arraybuffer");

		// The record, the image cache and the success notice with a link to the story.
		const record = s.plugin.state.records[NOTE];
		expect(record.url).toBe(url);
		expect(Object.values(s.plugin.state.imageCache)).toEqual([fake.images[0].url]);
		const success = noticeWith("Draft created on Medium");
		expect(success).toBeDefined();
		const link = success!.messageEl.descendants().find((el) => el.tagName === "a");
		expect(link?.href).toBe(url);
		// Progress was shown in place on one notice, then hidden.
		const progress = notices.find((n) => n.history.some((h) => h.startsWith("Uploading images")));
		expect(progress?.history).toEqual(expect.arrayContaining(["Uploading images 0/1", "Uploading images 1/1", "Creating the story on Medium"]));
		expect(progress?.hidden).toBe(true);
		// The saved data has the record but never the token.
		const saved = s.app.savedJson[s.app.savedJson.length - 1];
		expect(saved).toContain(url);
		expect(saved).not.toContain(fake.token);
	});

	test("a second trigger while the first run is going sends nothing", async () => {
		const s = await start();
		fake.delayMs = 150;
		s.app.runCommand(PUBLISH);
		s.app.ribbon[0].callback({});
		s.app.runCommand(PUBLISH);
		expect(noticeWith("already being published")).toBeDefined();
		await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the run to end");
		expect(fake.posts).toHaveLength(1);
		expect(fake.requestsTo("posts")).toHaveLength(1);
		expect(fake.images).toHaveLength(1);
	});

	test("401: a failure notice with Medium's advice, the note unchanged, no story", async () => {
		const s = await start({}, "0".repeat(64));
		await publishAndWait(s);
		const failure = noticeWith("rejected the integration token");
		expect(failure).toBeDefined();
		expect(failure!.text).not.toContain("0".repeat(64));
		expect(s.app.vault.textOf(NOTE)).toBe(NOTE_TEXT);
		expect(fake.posts).toHaveLength(0);
		expect(s.app.fileManager.calls).toBe(0);
		expect(s.plugin.state.records[NOTE]).toBeUndefined();
		expect(s.plugin.publisher.isBusy(NOTE)).toBe(false);
	});

	test("no token: a notice whose button opens the plugin's tab; nothing sent", async () => {
		const s = await start({}, null);
		await publishAndWait(s);
		const notice = noticeWith("No Medium integration token");
		expect(notice).toBeDefined();
		expect(requestLog).toHaveLength(0);
		await buttonIn(notice!.messageEl, "Open settings").click();
		expect(s.app.setting?.opened).toBe(1);
		expect(s.app.setting?.tabs).toEqual([MANIFEST.id]);
		expect(notice!.hidden).toBe(true);
	});

	test("no token and no settings API: the plain message", async () => {
		const s = await start({}, null);
		s.app.setting = undefined;
		await publishAndWait(s);
		const notice = noticeWith("No Medium integration token");
		expect(notice!.messageEl.descendants().some((el) => el.tagName === "button")).toBe(false);
	});

	test("a URL that cannot be written stays in the state and is shown in a long notice", async () => {
		const s = await start();
		s.app.fileManager.failNext = "The file is locked";
		await publishAndWait(s);
		expect(fake.posts).toHaveLength(1);
		const url = String(fake.posts[0].response.url);
		const notice = noticeWith("could not be written");
		expect(notice?.duration).toBe(0);
		expect(notice!.text).toContain(url);
		expect(notice!.text).toContain("The file is locked");
		expect(s.plugin.state.pendingUrls.map((p) => p.url)).toEqual([url]);
		expect(s.app.vault.textOf(NOTE)).toBe(NOTE_TEXT);
	});

	test("a public default without the pre-flight still creates a draft", async () => {
		const s = await start({ status: "public" });
		await publishAndWait(s);
		expect(fake.posts[0].request.publishStatus).toBe("draft");
		expect(noticeWith("Draft created")!.text).toMatch(/default status is public/);
	});

	test("the note can ask for public itself", async () => {
		const files = vaultFiles();
		files[NOTE] = NOTE_TEXT.replace("tags: [writing, obsidian]", "tags: [writing]\nmedium_status: public");
		const s = await startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token: fake.token, files, settings: { confirmBeforePublish: false } });
		await publishAndWait(s);
		expect(fake.posts[0].request.publishStatus).toBe("public");
	});
});

describe("what Medium would show", () => {
	test("the issue's note lands the way Obsidian shows it", async () => {
		const files = vaultFiles();
		files[NOTE] = ISSUE_NOTE;
		files["Posts/attachments/lake.png"] = PNG;
		const s = await startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token: fake.token, files, settings: { confirmBeforePublish: false } });
		await publishAndWait(s);
		expect(fake.posts).toHaveLength(1);
		expect(fake.posts[0].request.contentFormat).toBe("html");
		expect(fake.images).toHaveLength(1);
		expectIssueNoteShown(fake.posts[0].paragraphs, fake.images[0].url);
	});

	test("a vault with Strict line breaks on joins the two lines", async () => {
		const files = vaultFiles();
		files[NOTE] = ISSUE_NOTE;
		files["Posts/attachments/lake.png"] = PNG;
		const s = await startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token: fake.token, files, settings: { confirmBeforePublish: false } });
		s.app.vault.config.set("strictLineBreaks", true);
		await publishAndWait(s);
		expect(fake.posts[0].paragraphs[2]).toMatchObject({ type: "P", text: "First line second line" });
	});
});

describe("the pre-flight", () => {
	const manyTags = NOTE_TEXT.replace("tags: [writing, obsidian]", "tags: [one, two, three, four, a-tag-that-is-far-too-long-for-medium]");

	async function startWithPreflight(settings: Record<string, unknown> = {}): Promise<Started<MediumPublisherPlugin>> {
		const files = vaultFiles();
		files[NOTE] = manyTags;
		return startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token: fake.token, files, settings: { confirmBeforePublish: true, ...settings } });
	}

	test("shows title, tags with warnings, inlined notes, images and warnings; Publish sends it", async () => {
		const s = await startWithPreflight();
		s.app.ribbon[0].callback({});
		const modal = await modalWith("Publish to Medium");
		const text = modal.contentEl.textContent;
		expect(text).toContain("Launch day");
		expect(text).toContain("only the first 3 tags");
		expect(text).toContain("longer than 25 characters");
		expect(text).toContain("Snippet.md");
		expect(text).toContain("Attachments/diagram.png");
		expect(text).toContain("Your profile");
		expect(fake.requests).toHaveLength(0);
		const status = componentIn(modal.contentEl, DropdownComponent);
		expect(status.getValue()).toBe("draft");
		await status.userSets("unlisted");
		await buttonIn(modal.contentEl, "Publish").click();
		await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the run to end");
		expect(fake.posts).toHaveLength(1);
		expect(fake.posts[0].request.publishStatus).toBe("unlisted");
		expect(fake.posts[0].request.tags).toEqual(["one", "two", "three"]);
	});

	test("lists only the images a publish will upload: an SVG is warned of, not listed", async () => {
		const files = vaultFiles();
		files[NOTE] = NOTE_TEXT.replace("The end.", "![[logo.svg]]\n\nThe end.");
		files["logo.svg"] = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
		const s = await startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token: fake.token, files, settings: { confirmBeforePublish: true } });
		s.app.ribbon[0].callback({});
		const modal = await modalWith("Publish to Medium");
		const text = modal.contentEl.textContent;
		expect(text).toContain("Images that will be uploaded (1)");
		expect(text).toContain("Attachments/diagram.png");
		expect(text).toMatch(/logo\.svg[^]*(SVG|svg)/);
		await buttonIn(modal.contentEl, "Cancel").click();
		expect(fake.requests).toHaveLength(0);
	});

	test("shows how the headings will land: title, no subtitle, large and small headings, indented", async () => {
		const files = vaultFiles();
		files[NOTE] = NOTE_TEXT.replace("Read the [[Background]] first.", "## Before you go\n\nRead the [[Background]] first.\n\n### Pack light\n\n## After");
		const s = await startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token: fake.token, files, settings: { confirmBeforePublish: true } });
		s.app.ribbon[0].callback({});
		const modal = await modalWith("Publish to Medium");
		const depthOf = (el: { hasClass(c: string): boolean }): number | undefined => [0, 1, 2].find((d) => el.hasClass(`medium-publisher-outline-depth-${d}`));
		const outline = modal.contentEl.descendants().filter((el) => el.tagName === "li" && depthOf(el) !== undefined);
		expect(outline.map((el) => el.textContent)).toEqual([
			"Title: Launch day",
			"No subtitle: add a medium_subtitle property to give the story one",
			"Large heading: Before you go",
			"Small heading: Pack light",
			"Large heading: After",
		]);
		expect(outline.map(depthOf)).toEqual([0, 0, 1, 2, 1]);
		await buttonIn(modal.contentEl, "Cancel").click();
	});

	test("a medium_subtitle property shows as the subtitle", async () => {
		const files = vaultFiles();
		files[NOTE] = NOTE_TEXT.replace("tags: [writing, obsidian]", "tags: [writing]\nmedium_subtitle: What we learned");
		const s = await startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token: fake.token, files, settings: { confirmBeforePublish: true } });
		s.app.ribbon[0].callback({});
		const modal = await modalWith("Publish to Medium");
		expect(modal.contentEl.textContent).toContain("Subtitle: What we learned");
		expect(modal.contentEl.textContent).not.toContain("No subtitle");
		await buttonIn(modal.contentEl, "Cancel").click();
	});

	test("Cancel sends nothing and releases the note", async () => {
		const s = await startWithPreflight();
		s.app.runCommand(PUBLISH);
		const modal = await modalWith("Publish to Medium");
		await buttonIn(modal.contentEl, "Cancel").click();
		await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the lock to be released");
		expect(fake.requests).toHaveLength(0);
		expect(openModals).toHaveLength(0);
	});

	test("a public default starts at draft with a hint; picking public publishes publicly", async () => {
		const s = await startWithPreflight({ status: "public" });
		s.app.runCommand(PUBLISH);
		const modal = await modalWith("Publish to Medium");
		const status = componentIn(modal.contentEl, DropdownComponent);
		expect(status.getValue()).toBe("draft");
		expect(modal.contentEl.textContent).toContain("Your default status is public");
		await status.userSets("public");
		await buttonIn(modal.contentEl, "Publish").click();
		await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the run to end");
		expect(fake.posts[0].request.publishStatus).toBe("public");
	});
});

describe("the republish guard", () => {
	async function published(): Promise<Started<MediumPublisherPlugin>> {
		const s = await start();
		await publishAndWait(s);
		expect(fake.posts).toHaveLength(1);
		return s;
	}

	async function edit(app: App): Promise<void> {
		const file = app.vault.getFileByPath(NOTE)!;
		await app.vault.modify(file, app.vault.textOf(NOTE).replace("The end.", "The real end.\n\nA new closing line."));
	}

	test("unchanged: says so; Open story opens the URL and sends nothing", async () => {
		const s = await published();
		const url = String(fake.posts[0].response.url);
		const before = fake.requests.length;
		s.app.runCommand(PUBLISH);
		const modal = await modalWith("Unchanged since it was published on");
		await buttonIn(modal.contentEl, "Open story on Medium").click();
		await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the run to end");
		expect(openedUrls).toEqual([url]);
		expect(fake.requests.length).toBe(before);
	});

	test("changed: shows the diff; Cancel sends nothing", async () => {
		const s = await published();
		await edit(s.app);
		const before = fake.requests.length;
		s.app.runCommand(PUBLISH);
		const modal = await modalWith("Changed since it was published on");
		const lines = modal.contentEl.descendants().filter((el) => el.hasClass("medium-publisher-diff-add")).map((el) => el.textContent);
		expect(lines).toEqual(["+ The real end.", "+ ", "+ A new closing line."]);
		const removed = modal.contentEl.descendants().filter((el) => el.hasClass("medium-publisher-diff-remove")).map((el) => el.textContent);
		expect(removed).toEqual(["- The end."]);
		expect(modal.contentEl.textContent).toContain("3 lines added, 1 line removed");
		await buttonIn(modal.contentEl, "Cancel").click();
		await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the run to end");
		expect(fake.requests.length).toBe(before);
	});

	test("Publish as a new story creates a second story and keeps the first in the history", async () => {
		const s = await published();
		const first = String(fake.posts[0].response.url);
		await edit(s.app);
		s.app.runCommand(PUBLISH);
		const modal = await modalWith("Changed since");
		await buttonIn(modal.contentEl, "Publish as a new story").click();
		await waitFor(() => fake.posts.length === 2 && !s.plugin.publisher.isBusy(NOTE), "the second story");
		const second = String(fake.posts[1].response.url);
		expect(second).not.toBe(first);
		expect(s.app.vault.textOf(NOTE)).toContain(`medium_url: ${second}`);
		expect(s.plugin.state.records[NOTE].history.map((h) => h.url)).toEqual([first]);
		// The image was uploaded once: the second story reused its URL.
		expect(fake.images).toHaveLength(1);
	});

	test("Copy for Medium's editor copies instead of publishing", async () => {
		const s = await published();
		const before = fake.requests.length;
		s.app.runCommand(PUBLISH);
		const modal = await modalWith("Unchanged since");
		await buttonIn(modal.contentEl, "Copy for Medium's editor").click();
		await waitFor(() => noticeWith("Copied for Medium's editor"), "the copy notice");
		expect(fake.requests.length).toBe(before);
	});
});

describe("records follow the note", () => {
	test("rename moves the record and saves; delete keeps it, marked", async () => {
		const s = await start();
		await publishAndWait(s);
		const url = s.plugin.state.records[NOTE].url;
		await s.app.vault.rename(s.file(NOTE), "Archive/Launch.md");
		expect(s.plugin.state.records[NOTE]).toBeUndefined();
		expect(s.plugin.state.records["Archive/Launch.md"].url).toBe(url);
		expect(s.plugin.state.records["Archive/Launch.md"].notePath).toBe("Archive/Launch.md");
		await waitFor(() => s.app.savedJson[s.app.savedJson.length - 1].includes("Archive/Launch.md"), "the rename to be saved");

		await s.app.fileManager.trashFile(s.file("Archive/Launch.md"));
		expect(s.plugin.state.records["Archive/Launch.md"].noteDeleted).toBe(true);
		await waitFor(() => s.app.savedJson[s.app.savedJson.length - 1].includes("\"noteDeleted\": true"), "the delete to be saved");
	});
});
