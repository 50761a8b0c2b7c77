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
	/** Where the content's links to other notes went (vault path → URL, or null for plain text); absent in older records. */
	noteHrefs?: Record<string, string | null>;
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
	/** Image content hash → Medium CDN URL. A prototype-free object: any key is safe. */
	imageCache: Record<string, string>;
	/** Vault path → record. A prototype-free object, so a note at `constructor` or `__proto__` is just a key. */
	records: Record<string, PublishRecord>;
	pendingUrls: PendingUrl[];
}

/** An empty object without a prototype: keys such as `constructor` read as absent, not as Object's. */
export function emptyMap<V>(): Record<string, V> {
	return Object.create(null) as Record<string, V>;
}

/** True when `key` is the object's own entry (never one inherited from Object.prototype). */
function owns(map: object, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(map, key);
}

/** The record of a note path, or null; safe for any path. */
export function recordOf(state: PublisherState, path: string): PublishRecord | null {
	return owns(state.records, path) ? state.records[path] : null;
}

/** A record's note links as sent, or null for a record without them (an older one) or one that does not fit. */
export function sentNoteHrefs(record: PublishRecord): Map<string, string | null> | null {
	const raw: unknown = record.noteHrefs;
	if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
	const sent = new Map<string, string | null>();
	for (const [path, href] of Object.entries(raw as Record<string, unknown>)) {
		if (href !== null && typeof href !== "string") return null;
		sent.set(path, href);
	}
	return sent;
}

/** The cached Medium URL of an image hash, or null; safe for any key. */
export function cachedImage(state: PublisherState, key: string): string | null {
	return owns(state.imageCache, key) ? state.imageCache[key] : null;
}

export function emptyState(): PublisherState {
	return { imageCache: emptyMap(), records: emptyMap(), pendingUrls: [] };
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

/** A deep copy (the state is plain JSON data). */
export function cloneState(state: PublisherState): PublisherState {
	return normalizeState(JSON.parse(JSON.stringify(state)));
}

/** One pending URL's identity: the same story for the same note. */
function pendingKey(p: PendingUrl): string {
	return p.notePath + "\u0000" + p.url;
}

/** The publish time of a record, for choosing the newer of two (0 when unreadable). */
function timeOf(record: PublishRecord): number {
	const t = Date.parse(record.publishedAt);
	return Number.isFinite(t) ? t : 0;
}

/**
 * Merges this run's changes into what another run saved meanwhile, so no run overwrites another's
 * records. `base` is the state this run loaded, `mine` the state it holds now, `disk` the state on
 * disk just before the write. Image URLs are merged by hash; a record this run changed is taken when it
 * is the newer one (else both stories stay findable: the older one goes into the history); pending URLs
 * are merged by note and URL, and one this run resolved (present in `base`, gone from `mine`) is dropped.
 */
export function mergeState(base: PublisherState, mine: PublisherState, disk: PublisherState): PublisherState {
	const out = cloneState(disk);
	for (const key of Object.keys(mine.imageCache)) out.imageCache[key] = mine.imageCache[key];
	for (const path of Object.keys(mine.records)) {
		const ours = mine.records[path];
		const before = recordOf(base, path);
		if (before !== null && JSON.stringify(before) === JSON.stringify(ours)) continue; // unchanged here
		const theirs = recordOf(out, path);
		if (theirs === null || theirs.storyId === ours.storyId || JSON.stringify(theirs) === JSON.stringify(before)) {
			out.records[path] = ours;
			continue;
		}
		// Both runs published this note: keep the newer as the record and the other in its history.
		const [newer, older] = timeOf(ours) >= timeOf(theirs) ? [ours, theirs] : [theirs, ours];
		const history = [...newer.history];
		if (!history.some((h) => h.storyId === older.storyId)) history.push(refOf(older));
		out.records[path] = { ...newer, history };
	}
	for (const path of Object.keys(base.records)) {
		// A record this run moved away (a rename) is removed from disk too, unless another run changed it.
		if (!owns(mine.records, path) && owns(out.records, path) && JSON.stringify(out.records[path]) === JSON.stringify(base.records[path])) delete out.records[path];
	}
	const resolved = new Set(base.pendingUrls.map(pendingKey));
	for (const p of mine.pendingUrls) resolved.delete(pendingKey(p));
	const pending = new Map<string, PendingUrl>();
	for (const p of out.pendingUrls) if (!resolved.has(pendingKey(p))) pending.set(pendingKey(p), p);
	for (const p of mine.pendingUrls) pending.set(pendingKey(p), { ...p });
	out.pendingUrls = [...pending.values()];
	return out;
}

/** Records a new story for a note; the note's previous story moves into the history. */
export function recordPublish(state: PublisherState, record: Omit<PublishRecord, "history">): PublishRecord {
	const previous = recordOf(state, record.notePath);
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
	const rec = recordOf(state, oldPath);
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
	const rec = recordOf(state, path);
	if (!rec || rec.noteDeleted) return false;
	rec.noteDeleted = true;
	return true;
}

