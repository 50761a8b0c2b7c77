/**
 * The state and the note survive real machines: records keyed by any path, runs merged rather than
 * overwritten, locks that recover from a killed run, a save failure that is said, and a write-back that
 * refuses rather than damages.
 */

import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import * as path from "node:path";
import { acquireLock, LockBusyError } from "../src/cli/file-lock";
import { JsonFileStore } from "../src/cli/json-file-store";
import { vaultBoundary } from "../src/cli/node-vault";
import { planUrlWrite, writeUrlProperty } from "../src/cli/note-writer";
import { afterPublishText } from "../src/cli/publish-report";
import { openSharedState } from "../src/cli/shared-state";
import { createNodeHttp } from "../src/cli/node-http";
import { MediumClient } from "../src/medium/medium-client";
import { DEFAULT_PUBLISH } from "../src/publish/publish-settings";
import { Publisher } from "../src/publish/publisher";
import { emptyState, mergeState, normalizeState, recordOf, recordPublish, type PublisherState, type PublishRecord } from "../src/publish/publisher-state";
import { MemoryVault, propertiesOf } from "./support/memory-vault";
import { useFakeMedium } from "./support/use-fake-medium";
import { nodeSleep } from "./support/node-sleep";

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), "state-safety-"));
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

function record(path: string, storyId: string, publishedAt = "2026-11-27T10:00:00.000Z"): Omit<PublishRecord, "history"> {
	return { notePath: path, storyId, url: `https://medium.com/@x/${storyId}`, status: "draft", publishedAt, publicationId: null, title: "t", content: "c", contentHash: "h" };
}

describe("records keyed by any path", () => {
	test.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("a note at %s is just a key", (key) => {
		const state = emptyState();
		expect(recordOf(state, key)).toBeNull();
		recordPublish(state, record(key, "1"));
		recordPublish(state, record(key, "2"));
		expect(recordOf(state, key)?.history.map((h) => h.storyId)).toEqual(["1"]);
		const back = normalizeState(JSON.parse(JSON.stringify(state)));
		expect(recordOf(back, key)?.storyId).toBe("2");
		expect(Object.keys(back.records)).toEqual([key]);
	});
});

describe("mergeState", () => {
	test("two runs' records, images and pending URLs are all kept", () => {
		const base = emptyState();
		const mine = emptyState();
		recordPublish(mine, record("A.md", "a"));
		mine.imageCache.h1 = "https://cdn/1";
		mine.pendingUrls.push({ notePath: "A.md", url: "https://medium.com/@x/a", createdAt: "t", reason: "r" });
		const disk = emptyState();
		recordPublish(disk, record("B.md", "b"));
		disk.imageCache.h2 = "https://cdn/2";
		disk.pendingUrls.push({ notePath: "B.md", url: "https://medium.com/@x/b", createdAt: "t", reason: "r" });
		const merged = mergeState(base, mine, disk);
		expect(Object.keys(merged.records).sort()).toEqual(["A.md", "B.md"]);
		expect(merged.imageCache).toEqual({ h1: "https://cdn/1", h2: "https://cdn/2" });
		expect(merged.pendingUrls.map((p) => p.notePath).sort()).toEqual(["A.md", "B.md"]);
	});

	test("a pending URL this run resolved is dropped, another run's stays", () => {
		const pendingA = { notePath: "A.md", url: "https://medium.com/@x/a", createdAt: "t", reason: "r" };
		const base: PublisherState = { ...emptyState(), pendingUrls: [pendingA] };
		const mine = emptyState();
		const disk: PublisherState = { ...emptyState(), pendingUrls: [pendingA, { ...pendingA, notePath: "B.md" }] };
		expect(mergeState(base, mine, disk).pendingUrls.map((p) => p.notePath)).toEqual(["B.md"]);
	});

	test("both runs published one note: the newer is the record, the other stays in its history", () => {
		const base = emptyState();
		const mine = emptyState();
		recordPublish(mine, record("N.md", "mine", "2026-11-27T10:00:02.000Z"));
		const disk = emptyState();
		recordPublish(disk, record("N.md", "theirs", "2026-11-27T10:00:01.000Z"));
		const merged = mergeState(base, mine, disk);
		expect(recordOf(merged, "N.md")?.storyId).toBe("mine");
		expect(recordOf(merged, "N.md")?.history.map((h) => h.storyId)).toEqual(["theirs"]);
	});

	test("a record this run did not change is not overwritten with its stale copy", () => {
		const base = emptyState();
		recordPublish(base, record("N.md", "old"));
		const mine = normalizeState(JSON.parse(JSON.stringify(base)));
		const disk = normalizeState(JSON.parse(JSON.stringify(base)));
		recordPublish(disk, record("N.md", "new", "2026-11-28T00:00:00.000Z"));
		expect(recordOf(mergeState(base, mine, disk), "N.md")?.storyId).toBe("new");
	});
});

describe("the shared state file", () => {
	test("four writers at once keep four records", async () => {
		const file = path.join(dir, "state.json");
		const runs = await Promise.all(["A", "B", "C", "D"].map((n) => openSharedState(file)));
		await Promise.all(
			runs.map(async (shared, i) => {
				recordPublish(shared.state, record(`${"ABCD"[i]}.md`, String(i)));
				await shared.save();
			}),
		);
		const saved = normalizeState(await new JsonFileStore<PublisherState>(file).load());
		expect(Object.keys(saved.records).sort()).toEqual(["A.md", "B.md", "C.md", "D.md"]);
		expect(readdirSync(dir).filter((f) => f !== "state.json")).toEqual([]);
	});
});

describe("acquireLock", () => {
	test("a second taker waits, then gives up naming the holder", async () => {
		const lock = path.join(dir, "x.lock");
		const release = await acquireLock(lock, { waitMs: 0 });
		await expect(acquireLock(lock, { waitMs: 60, pollMs: 10 })).rejects.toBeInstanceOf(LockBusyError);
		await release();
		expect(existsSync(lock)).toBe(false);
		const again = await acquireLock(lock, { waitMs: 0 });
		await again();
	});

	test("a lock whose process is gone is taken over", async () => {
		const lock = path.join(dir, "dead.lock");
		writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), at: Date.now() }));
		const release = await acquireLock(lock, { waitMs: 0 });
		await release();
	});

	test("a lock older than the stale age is taken over even if its process lives", async () => {
		const lock = path.join(dir, "old.lock");
		writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() - 60_000 }));
		await expect(acquireLock(lock, { waitMs: 0, staleMs: 120_000 })).rejects.toBeInstanceOf(LockBusyError);
		const release = await acquireLock(lock, { waitMs: 0, staleMs: 30_000 });
		await release();
	});
});

describe("the write-back", () => {
	const URL = "https://medium.com/@x/story-1";

	test("refuses a note that is not UTF-8, and one whose properties would change", () => {
		expect(() => planUrlWrite(Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0x61, 0x3a, 0x20, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]), "medium_url", URL)).toThrow(/not UTF-8/);
		expect(() => planUrlWrite(new TextEncoder().encode("---\ntitle: Re: the plan: v2\n---\n"), "medium_url", URL)).toThrow(/cannot be read/);
		expect(() => planUrlWrite(new TextEncoder().encode("---\nmedium_url: &u\nmirror: *u\n---\n"), "medium_url", URL)).toThrow(/anchor/);
	});

	test("a rename that fails leaves no temporary file and the note as it was", async () => {
		const note = path.join(dir, "N.md");
		writeFileSync(note, "# N\n");
		const boundary = await vaultBoundary(dir);
		await expect(writeUrlProperty(note, "medium_url", URL, boundary, { rename: () => Promise.reject(new Error("EXDEV: cross-device")) })).rejects.toThrow(/EXDEV/);
		expect(readdirSync(dir)).toEqual(["N.md"]);
		await writeUrlProperty(note, "medium_url", URL, boundary);
		expect(readdirSync(dir)).toEqual(["N.md"]);
	});

	test("a hard-linked note whose in-place write fails halfway is put back as it was, with no temporary file", async () => {
		const note = path.join(dir, "H.md");
		const other = path.join(dir, "H-other.md");
		const text = "---\ntags: [a]\n---\n# H\n\nbody\n";
		writeFileSync(note, text);
		linkSync(note, other);
		const boundary = await vaultBoundary(dir);
		// The disk fills after half the new text is written over the note.
		const halfThenFail = async (handle: FileHandle, data: Uint8Array) => {
			await handle.write(data, 0, data.length >> 1, 0);
			throw new Error("ENOSPC: no space left on device");
		};
		await expect(writeUrlProperty(note, "medium_url", URL, boundary, { overwrite: halfThenFail })).rejects.toThrow(/ENOSPC.*put back as it was/);
		expect(readFileSync(other, "utf8")).toBe(text);
		expect(readdirSync(dir).sort()).toEqual(["H-other.md", "H.md"]);
		await writeUrlProperty(note, "medium_url", URL, boundary);
		expect(readFileSync(other, "utf8")).toBe(`---\ntags: [a]\nmedium_url: ${URL}\n---\n# H\n\nbody\n`);
		expect(statSync(note).ino).toBe(statSync(other).ino);
		expect(readdirSync(dir).sort()).toEqual(["H-other.md", "H.md"]);
	});
});

describe("a state that cannot be saved", () => {
	const fakeMedium = useFakeMedium();

	test("is said, with the story's URL", async () => {
		const fake = fakeMedium();
		const files = { "N.md": "# N\n\nbody" };
		const client = new MediumClient({ sleep: nodeSleep, http: createNodeHttp({ timeoutMs: 2000 }), token: fake.token, apiBase: fake.apiBase });
		const publisher = new Publisher(
			{
				vault: new MemoryVault(files),
				client: () => client,
				saveState: () => Promise.reject(new Error("ENOSPC: no space left on device")),
				writeUrl: () => Promise.resolve(),
			},
			emptyState(),
		);
		const result = await publisher.publish(await publisher.plan({ path: "N.md", text: files["N.md"], properties: propertiesOf(files["N.md"]) }, DEFAULT_PUBLISH));
		expect(result.stateError).toContain("ENOSPC");
		const text = afterPublishText(result, "/v/.medium-publisher/state.json");
		expect(text).toContain("could not be saved");
		expect(text).toContain(result.post.url);
		expect(text).not.toContain("kept as a pending URL");
	});
});
