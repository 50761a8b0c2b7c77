/**
 * The plugin's side of the boundary and of honest failures, inside the obsidian stand-in against the
 * fake Medium over real HTTP: unreadable properties stop a publish, only web addresses are opened or
 * linked, only markdown files are read as notes, and every request names the product.
 */

import MediumPublisherPlugin from "../../src/plugin/medium-publisher-plugin";
import { USER_AGENT } from "../../src/core/user-agent";
import { createObsidianHttp, MAX_RESPONSE_CHARS } from "../../src/plugin/obsidian-http";
import { buttonIn, notices, openModals, openedUrls, resetStub, waitFor, type Modal, type RequestUrlResponse, type StubElement } from "../support/obsidian-stub";
import type { FakeMedium } from "../support/fake-medium-server";
import { useFakeMedium } from "../support/use-fake-medium";
import { MANIFEST, NOTE, NOTE_TEXT, startPlugin, vaultFiles, type Started } from "../support/plugin-harness";

const PUBLISH = `${MANIFEST.id}:publish-current-note`;
const fakeMedium = useFakeMedium({ beforeEach: resetStub });
let fake: FakeMedium;
beforeEach(() => {
	fake = fakeMedium();
});

function start(files: Record<string, string | Uint8Array> = vaultFiles()): Promise<Started<MediumPublisherPlugin>> {
	return startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token: fake.token, files, settings: { confirmBeforePublish: false } });
}

async function publishAndWait(s: Started<MediumPublisherPlugin>): Promise<void> {
	expect(s.app.runCommand(PUBLISH)).toBe(true);
	await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the publish run to end");
}

/** Every `a` element under an element. */
function links(root: StubElement): StubElement[] {
	return root.descendants().filter((el) => el.tagName === "a");
}

test("properties Obsidian cannot read stop the publish with the line, and nothing is sent", async () => {
	const broken = "---\ntags: [a]\ntitle: Re: the plan: v2\nmedium_url: https://medium.com/@x/old-1\n---\n# Launch day\n\nBody\n";
	const s = await start({ ...vaultFiles(), [NOTE]: broken });
	await publishAndWait(s);
	expect(fake.requests).toHaveLength(0);
	const notice = notices.find((n) => n.history.join(" ").includes("properties cannot be read"));
	expect(notice?.history.join(" ")).toMatch(/line 3/);
	expect(s.app.vault.textOf(NOTE)).toBe(broken);
});

test("a medium_url that is not a web address is neither linked nor opened", async () => {
	const s = await start({ ...vaultFiles(), [NOTE]: NOTE_TEXT.replace("tags: [writing, obsidian]", "tags: [writing, obsidian]\nmedium_url: \"javascript:alert(1)\"") });
	s.app.runCommand(PUBLISH);
	const modal = await waitFor(() => openModals.find((m: Modal) => m.contentEl.textContent.includes("javascript:alert(1)")), "the guard");
	expect(links(modal.contentEl).map((a) => a.getAttr("href"))).not.toContain("javascript:alert(1)");
	await buttonIn(modal.contentEl, "Open story on Medium").click();
	await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the run to end");
	expect(openedUrls).toEqual([]);
	expect(fake.requests.filter((r) => r.route === "posts")).toHaveLength(0);
});

test("a story URL from the server that is not https:// is not written, linked or lost", async () => {
	const s = await start();
	fake.failNext("posts", { status: 201, json: { data: { id: "abc", url: "javascript:alert(1)", title: "T", publishStatus: "draft" } } });
	await publishAndWait(s);
	expect(s.app.vault.textOf(NOTE)).toBe(NOTE_TEXT);
	const notice = notices.find((n) => n.messageEl.textContent.includes("javascript:alert(1)"));
	expect(notice).toBeDefined();
	expect(links(notice!.messageEl)).toHaveLength(0);
	expect(s.plugin.state.pendingUrls.map((p) => p.url)).toEqual(["javascript:alert(1)"]);
});

test("every request names the product; an extension-less file is never read as a note", async () => {
	const s = await start({ ...vaultFiles(), secrets: "SECRET WORDS", [NOTE]: NOTE_TEXT.replace("The end.", "![[secrets]]\n\nThe end.") });
	await publishAndWait(s);
	expect(fake.requests.length).toBeGreaterThan(0);
	expect(fake.requests.every((r) => r.headers["user-agent"] === USER_AGENT)).toBe(true);
	expect(String(fake.posts[0].request.content)).not.toContain("SECRET WORDS");
	expect(await s.plugin.vaultPort.readNote("secrets")).toBeNull();
});

test("a record that cannot be saved is said, with the story's URL", async () => {
	const s = await start();
	s.plugin.saveData = () => Promise.reject(new Error("disk full"));
	await publishAndWait(s);
	const url = String(fake.posts[0].response.url);
	const notice = notices.find((n) => n.messageEl.textContent.includes("could not save its record"));
	expect(notice?.messageEl.textContent).toContain("disk full");
	expect(notice?.messageEl.textContent).toContain(url);
});

test("the plugin keeps at most the cap of an answer's text (requestUrl cannot stream)", async () => {
	const huge = "x".repeat(MAX_RESPONSE_CHARS + 1000);
	const http = createObsidianHttp({
		request: () => Promise.resolve({ status: 500, headers: {}, text: huge, arrayBuffer: new ArrayBuffer(0), json: null } as unknown as RequestUrlResponse),
	});
	const res = await http({ url: "https://api.medium.com/v1/me", method: "GET", headers: {} });
	expect(res.text.length).toBe(MAX_RESPONSE_CHARS);
});

test("properties that are a lone word, not name: value lines, stop the publish too", async () => {
	const s = await start({ ...vaultFiles(), [NOTE]: "---\njust words\n---\n# Launch day\n\nBody\n" });
	await publishAndWait(s);
	expect(fake.requests).toHaveLength(0);
	expect(notices.some((n) => n.history.join(" ").includes("line 2: not a list of name: value lines"))).toBe(true);
});
