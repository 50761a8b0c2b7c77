/** The publish flow over the fake Medium server: images once, story once, URL never lost. */

import { createNodeHttp } from "../src/cli/node-http";
import { MediumClient } from "../src/medium/medium-client";
import { DEFAULT_PUBLISH } from "../src/publish/publish-settings";
import { Publisher, PublishError } from "../src/publish/publisher";
import { emptyState, renameRecord, markDeleted, type PublisherState } from "../src/publish/publisher-state";
import type { FakeMedium } from "./support/fake-medium-server";
import { useFakeMedium } from "./support/use-fake-medium";
import { MemoryVault, propertiesOf } from "./support/memory-vault";
import { nodeSleep } from "./support/node-sleep";

/** A 1×1 PNG whose last data byte varies, so each seed is a different image. */
function png(seed: number): Uint8Array {
	const bytes = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde, seed & 255]);
	return bytes;
}

const fakeMedium = useFakeMedium();
let fake: FakeMedium;
beforeEach(() => {
	fake = fakeMedium();
});

function setup(files: Record<string, string | Uint8Array>, opts: { writeUrl?: (p: string, k: string, u: string) => Promise<void> } = {}) {
	const vault = new MemoryVault(files);
	const state: PublisherState = emptyState();
	const written: Array<[string, string, string]> = [];
	let saves = 0;
	const client = new MediumClient({ sleep: nodeSleep, http: createNodeHttp({ timeoutMs: 2000 }), token: fake.token, apiBase: fake.apiBase, retryDelaysMs: [5, 5] });
	const publisher = new Publisher(
		{
			vault,
			client: () => client,
			saveState: () => {
				saves++;
				return Promise.resolve();
			},
			writeUrl:
				opts.writeUrl ??
				((p, k, u) => {
					written.push([p, k, u]);
					return Promise.resolve();
				}),
			now: () => new Date("2026-11-27T10:00:00Z"),
		},
		state,
	);
	const note = (path: string) => ({ path, text: files[path] as string, properties: propertiesOf(files[path] as string) });
	return { vault, state, written, publisher, note, saves: () => saves };
}

test("uploads each image once (even when two paths hold the same bytes), at most 4 at a time", async () => {
	const files: Record<string, string | Uint8Array> = { "N.md": "" };
	const lines: string[] = [];
	for (let i = 0; i < 9; i++) {
		files[`i${i}.png`] = png(i);
		lines.push(`![[i${i}.png]]`);
	}
	files["copy.png"] = png(0);
	lines.push("![[copy.png]]");
	files["N.md"] = lines.join("\n\n");
	const { publisher, note } = setup(files);
	// Long enough that four uploads overlap even on a loaded machine (at 50 ms, a CI run under load saw 3).
	fake.delayMs = 250;
	const progress: number[] = [];
	const result = await publisher.publish(await publisher.plan(note("N.md"), DEFAULT_PUBLISH), {
		onProgress: (p) => {
			if (p.phase === "images") progress.push(p.done);
		},
	});
	expect(fake.images).toHaveLength(9);
	// Nine uploads, 250 ms each: with a limit of 4 they overlap, four at a time and never more.
	expect(fake.maxInFlight).toBe(4);
	expect(result.uploaded).toBe(9);
	expect(progress[progress.length - 1]).toBe(9);
	expect(fake.posts[0].request.contentFormat).toBe("html");
	const shown = fake.posts[0].paragraphs.filter((p) => p.type === "IMG");
	expect(shown).toHaveLength(10);
	for (const img of shown) expect(img.src).toMatch(/^https:\/\/cdn-images-1\.medium\.com\/fake\//);
});

test("an image already uploaded is not uploaded again", async () => {
	const files = { "A.md": "![[p.png]]", "B.md": "![[p.png]]", "p.png": png(7) };
	const { publisher, note } = setup(files);
	await publisher.publish(await publisher.plan(note("A.md"), DEFAULT_PUBLISH));
	const second = await publisher.publish(await publisher.plan(note("B.md"), DEFAULT_PUBLISH));
	expect(fake.images).toHaveLength(1);
	expect(second.reused).toBe(1);
	expect(second.uploaded).toBe(0);
});

test("SVG and WebP images are left out with a warning naming each file", async () => {
	const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
	const webp = Uint8Array.from([82, 73, 70, 70, 0, 0, 0, 0, 87, 69, 66, 80, 86, 80, 56, 32]);
	const { publisher, note } = setup({ "N.md": "![[a.svg]] ![[b.webp]] ![[c.png]]", "a.svg": svg, "b.webp": webp, "c.png": png(1) });
	const r = await publisher.publish(await publisher.plan(note("N.md"), DEFAULT_PUBLISH));
	const unsupported = r.warnings.filter((w) => w.code === "unsupported-image").map((w) => w.message);
	expect(unsupported).toHaveLength(2);
	expect(unsupported[0]).toContain("a.svg");
	expect(unsupported[1]).toContain("b.webp");
	expect(fake.images).toHaveLength(1);
	expect(String(fake.posts[0].request.content)).not.toMatch(/a\.svg|b\.webp/);
	expect(fake.posts[0].paragraphs.filter((p) => p.type === "IMG").map((p) => p.src)).toEqual([fake.images[0].url]);
});

test("a failed image upload stops before the story; the note is not written", async () => {
	const { publisher, note, written } = setup({ "N.md": "![[p.png]]", "p.png": png(3) });
	fake.failNext("images", { status: 400, json: { errors: [{ message: "bad image", code: 1 }] } });
	await expect(publisher.publish(await publisher.plan(note("N.md"), DEFAULT_PUBLISH))).rejects.toThrow();
	expect(fake.posts).toHaveLength(0);
	expect(written).toHaveLength(0);
});

test("image uploads retry on 5xx", async () => {
	const { publisher, note } = setup({ "N.md": "![[p.png]]", "p.png": png(4) });
	fake.failNext("images", { status: 502, json: {} }, 2);
	await publisher.publish(await publisher.plan(note("N.md"), DEFAULT_PUBLISH));
	expect(fake.requestsTo("images")).toHaveLength(3);
	expect(fake.posts).toHaveLength(1);
});

test("the story creation is never retried", async () => {
	const { publisher, note, state } = setup({ "N.md": "text" });
	fake.failNext("posts", { status: 503, json: {} });
	await expect(publisher.publish(await publisher.plan(note("N.md"), DEFAULT_PUBLISH))).rejects.toThrow(/Medium/);
	expect(fake.requestsTo("posts")).toHaveLength(1);
	expect(state.records).toEqual({});
});

test("when the URL cannot be written, it is kept in the state and reported", async () => {
	const { publisher, note, state } = setup({ "N.md": "text" }, { writeUrl: () => Promise.reject(new Error("the note was deleted")) });
	const r = await publisher.publish(await publisher.plan(note("N.md"), DEFAULT_PUBLISH));
	expect(r.urlWritten).toBe(false);
	expect(r.urlError).toContain("deleted");
	expect(state.pendingUrls).toEqual([expect.objectContaining({ notePath: "N.md", url: r.post.url })]);
	expect(state.records["N.md"].url).toBe(r.post.url);
});

test("the URL is saved before the note is touched", async () => {
	let savesBeforeWrite = -1;
	const ctx = setup({ "N.md": "text" }, {
		writeUrl: () => {
			savesBeforeWrite = ctx.saves();
			return Promise.resolve();
		},
	});
	await ctx.publisher.publish(await ctx.publisher.plan(ctx.note("N.md"), DEFAULT_PUBLISH));
	expect(savesBeforeWrite).toBeGreaterThan(0);
	expect(ctx.state.pendingUrls).toEqual([]);
});

test("a note being published cannot be published again until the run ends", async () => {
	const { publisher, note } = setup({ "N.md": "text" });
	fake.delayMs = 100;
	const plan = await publisher.plan(note("N.md"), DEFAULT_PUBLISH);
	const first = publisher.publish(plan);
	await expect(publisher.publish(plan)).rejects.toMatchObject({ kind: "busy" });
	await first;
	expect(fake.posts).toHaveLength(1);
});

test("a published note is guarded; allowRepublish creates a new story and keeps the old one in history", async () => {
	const files = { "N.md": "first text" };
	const { publisher, note, state } = setup(files);
	const r1 = await publisher.publish(await publisher.plan(note("N.md"), DEFAULT_PUBLISH));
	const published = { path: "N.md", text: `---\nmedium_url: ${r1.post.url}\n---\nfirst text`, properties: { medium_url: r1.post.url } };
	const plan = await publisher.plan(published, DEFAULT_PUBLISH);
	expect(plan.existing).toMatchObject({ url: r1.post.url, changed: false });
	await expect(publisher.publish(plan)).rejects.toBeInstanceOf(PublishError);
	const edited = await publisher.plan({ ...published, text: published.text + "\n\nmore" }, DEFAULT_PUBLISH);
	expect(edited.existing?.changed).toBe(true);
	expect(edited.existing?.diff?.added).toBeGreaterThan(0);
	const r2 = await publisher.publish(edited, { allowRepublish: true });
	expect(state.records["N.md"].url).toBe(r2.post.url);
	expect(state.records["N.md"].history.map((h) => h.url)).toEqual([r1.post.url]);
});

test("records follow renames and survive deletion", () => {
	const state = emptyState();
	state.records["a.md"] = { notePath: "a.md", storyId: "1", url: "u", status: "draft", publishedAt: "d", publicationId: null, title: "t", content: "c", contentHash: "h", history: [] };
	expect(renameRecord(state, "a.md", "b/a.md")).toBe(true);
	expect(Object.keys(state.records)).toEqual(["b/a.md"]);
	expect(state.records["b/a.md"].notePath).toBe("b/a.md");
	expect(markDeleted(state, "b/a.md")).toBe(true);
	expect(state.records["b/a.md"].noteDeleted).toBe(true);
});

test("per-note properties choose status, license and publication", async () => {
	const pub = fake.publications.find((p) => p.role === "editor");
	const files = { "N.md": `---\nmedium_status: unlisted\nmedium_license: cc-40-by\nmedium_publication: ${pub?.id}\n---\nbody` };
	const { publisher, note } = setup(files);
	await publisher.publish(await publisher.plan(note("N.md"), DEFAULT_PUBLISH));
	expect(fake.posts[0].request).toMatchObject({ publishStatus: "unlisted", license: "cc-40-by" });
	expect(fake.posts[0].publicationId).toBe(pub?.id);
});
