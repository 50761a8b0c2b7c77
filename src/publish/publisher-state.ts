/**
 * What the publisher remembers between runs: uploaded images (so none is uploaded twice), one record per
 * published note (so a re-publish is never a silent duplicate and drift can be shown), and story URLs
 * that could not be written into their note (so a created story is never lost).
 */

import type { PublishStatus } from "../medium/medium-client";

/** One story created from a note. */
export interface StoryRef {
	storyId: string;
	url: string;
	status: PublishStatus;
	/** ISO date of the publish. */
	publishedAt: string;
	publicationId: string | null;
}

/** The latest story of a note, with what was sent, for the "changed since" check and the diff. */
export interface PublishRecord extends StoryRef {
	notePath: string;
	title: string;
	/** The converted content, with vault image paths (so it can be compared with a fresh conversion). */
	content: string;
	/** hashContent(content). */
	contentHash: string;
	/** Earlier stories from the same note, oldest first. */
	history: StoryRef[];
	/** True once the note itself was deleted: the record stays so the URL is not lost. */
	noteDeleted?: boolean;
}

/** A created story whose URL could not be written into its note. */
export interface PendingUrl {
	notePath: string;
	url: string;
	createdAt: string;
	reason: string;
}

export interface PublisherState {
	/** Image content hash → Medium CDN URL. */
	imageCache: Record<string, string>;
	/** Vault path → record. */
	records: Record<string, PublishRecord>;
	pendingUrls: PendingUrl[];
}

export function emptyState(): PublisherState {
	return { imageCache: {}, records: {}, pendingUrls: [] };
}

/** Reads state saved by any earlier version, dropping what does not fit. */
export function normalizeState(raw: unknown): PublisherState {
	const s = emptyState();
	if (!raw || typeof raw !== "object") return s;
	const r = raw as Partial<PublisherState>;
	if (r.imageCache && typeof r.imageCache === "object") {
		for (const [k, v] of Object.entries(r.imageCache)) if (typeof v === "string") s.imageCache[k] = v;
	}
	if (r.records && typeof r.records === "object") {
		for (const [k, v] of Object.entries(r.records)) {
			if (v && typeof v === "object" && typeof v.url === "string") s.records[k] = { ...v, history: Array.isArray(v.history) ? v.history : [] };
		}
	}
	if (Array.isArray(r.pendingUrls)) s.pendingUrls = r.pendingUrls.filter((p) => p && typeof p.url === "string");
	return s;
}

/** Records a new story for a note; the note's previous story moves into the history. */
export function recordPublish(state: PublisherState, record: Omit<PublishRecord, "history">): PublishRecord {
	const previous = state.records[record.notePath];
	const history = previous ? [...previous.history, refOf(previous)] : [];
	const next: PublishRecord = { ...record, history };
	state.records[record.notePath] = next;
	return next;
}

function refOf(r: StoryRef): StoryRef {
	return { storyId: r.storyId, url: r.url, status: r.status, publishedAt: r.publishedAt, publicationId: r.publicationId };
}

/** A note was renamed or moved: its record follows it. Returns whether anything changed. */
export function renameRecord(state: PublisherState, oldPath: string, newPath: string): boolean {
	let changed = false;
	const rec = state.records[oldPath];
	if (rec) {
		delete state.records[oldPath];
		state.records[newPath] = { ...rec, notePath: newPath };
		changed = true;
	}
	for (const p of state.pendingUrls) {
		if (p.notePath === oldPath) {
			p.notePath = newPath;
			changed = true;
		}
	}
	return changed;
}

/** A note was deleted: its record survives, marked, so its stories stay findable. */
export function markDeleted(state: PublisherState, path: string): boolean {
	const rec = state.records[path];
	if (!rec || rec.noteDeleted) return false;
	rec.noteDeleted = true;
	return true;
}

