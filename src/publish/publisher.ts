/**
 * The one publish flow, shared by the plugin and the command line: convert, plan (for the pre-flight),
 * upload images once, create the story once (as HTML from the story model: the format that can say a
 * code block's language, a caption and which heading size), then write its URL back. It talks to the world only
 * through ports, so the same code runs in Obsidian, in Node and in tests.
 */

import { imageLines } from "../story/image-lines";
import type { Properties, VaultPort } from "../core/ports";
import { convertNote } from "../convert/convert-note";
import { baseName } from "../convert/file-kinds";
import type { ConversionWarning, ConvertOptions, Story } from "../convert/story";
import { sniffImageType } from "../medium/image-type";
import type { MediumClient, MediumPost } from "../medium/medium-client";
import { hashBytes, hashContent } from "../core/content-hash";
import { diffContent, type ContentDiff } from "./content-diff";
import { postInput, postTarget } from "./post-body";
import { choiceFor, convertOptionsFor, type PublishChoice, type PublishDefaults } from "./publish-settings";
import { cachedImage, recordOf, recordPublish, sentNoteHrefs, type PendingUrl, type PublisherState, type PublishRecord } from "./publisher-state";
import { isHttpsUrl } from "../core/web-url";
import { storyToHtml, type StoryHtml } from "../story/story-html";
import type { StoryModel } from "../story/story-model";
import { imageKey } from "../story/image-key";

/** A file extension for an image MIME type (`image/jpeg` → `jpg`), for the name an upload carries. */
function extensionOfMime(mime: string): string {
	const sub = mime.slice(mime.indexOf("/") + 1);
	return sub === "jpeg" ? "jpg" : sub;
}

/** A note as the host read it. */
export interface NoteToPublish {
	path: string;
	text: string;
	properties: Properties;
}

/** What the publisher needs from its host. */
export interface PublisherPorts {
	vault: VaultPort;
	/** The Medium client for the current token, or null when there is no token. */
	client: () => MediumClient | null;
	/** Persists the state object the publisher was given (image cache, records, pending URLs). */
	saveState: () => Promise<void>;
	/** Writes one property into a note, touching nothing else; throws when it cannot. */
	writeUrl: (notePath: string, key: string, url: string) => Promise<void>;
	now?: () => Date;
}

/** Why a publish did not happen, for the UI to word it. */
export type PublishErrorKind = "already-published" | "busy" | "no-token" | "image";

export class PublishError extends Error {
	constructor(
		readonly kind: PublishErrorKind,
		message: string,
	) {
		super(message);
		this.name = "PublishError";
	}
}

/** A note that already has a story: when, and whether it changed since. */
export interface ExistingStory {
	url: string;
	record: PublishRecord | null;
	/** null when there is no record to compare with (published elsewhere, or before records existed). */
	changed: boolean | null;
	diff: ContentDiff | null;
}

/** Everything the pre-flight shows, and what `publish` will send. */
export interface PublishPlan {
	note: NoteToPublish;
	/** The conversion with vault image paths (what the diff and the record use). */
	story: Story;
	choice: PublishChoice;
	defaults: PublishDefaults;
	/** Property problems and conversion warnings together. */
	warnings: ConversionWarning[];
	existing: ExistingStory | null;
}

export interface PublishProgress {
	phase: "images" | "create" | "write";
	done: number;
	total: number;
}

export interface PublishResult {
	post: MediumPost;
	record: PublishRecord;
	/** The HTML that was sent (the record keeps the markdown, for the re-publish diff). */
	content: string;
	warnings: ConversionWarning[];
	uploaded: number;
	reused: number;
	/** False when the story exists but its URL could not be written into the note (it is kept in the state). */
	urlWritten: boolean;
	urlError: string | null;
	/** Why the state (record, pending URL) could not be saved; null when it was. */
	stateError: string | null;
}

/**
 * An image written in the note as a data URL, which a publish uploads like a vault image: where the
 * story first shows it, and what the pre-flight calls it.
 */
export interface NoteImage {
	/** Its markdown stand-in (`data:image/png;hash=…`): the key it is found under in upload maps and {@link imageLines}. */
	standIn: string;
	mime: string;
	/** The image cache's key of its bytes. */
	key: string;
	/** Its data URL (base64); a publish uploads the bytes the conversion decoded ({@link Story.noteImageBytes}). */
	url: string;
	alt: string;
	/** The root note's line of its first image paragraph. */
	line: number;
}

/** The story's images written as data URLs, each once (by its bytes), in story order. */
export function noteImages(story: StoryModel): NoteImage[] {
	const out: NoteImage[] = [];
	let seen: Set<string> | null = null;
	for (const b of story.blocks) {
		if (b.type !== "image" || b.source.kind !== "data") continue;
		seen ??= new Set();
		if (seen.has(b.source.key)) continue;
		seen.add(b.source.key);
		const { mime, key, url } = b.source;
		out.push({ standIn: imageKey(b.source), mime, key, url, alt: b.alt, line: b.line });
	}
	return out;
}

/** How the pre-flight names an image written in the note: `PNG image written in the note (line 12)`. */
export function noteImageLabel(image: NoteImage): string {
	return `${image.mime.slice(image.mime.indexOf("/") + 1).toUpperCase()} image written in the note (line ${String(image.line)})`;
}

/**
 * What a publish sends as the story's content: the HTML writer's output over the story model, with each
 * vault image (and each image written in the note) at its uploaded Medium URL (`imageUrls`: vault path,
 * or the {@link NoteImage.standIn}, to URL). An image without one is left out (and listed in `leftOut`);
 * its warning comes from the upload step.
 */
export function publishContent(story: StoryModel, imageUrls: ReadonlyMap<string, string>): StoryHtml {
	return storyToHtml(story, { imageSrc: (source) => (source.kind === "url" ? source.url : imageUrls.get(imageKey(source)) ?? null) });
}

/**
 * Where a dry run shows a vault image that is not uploaded yet: a host under the reserved `.invalid`
 * domain (RFC 2606: never resolves), followed by the image's vault path.
 */
export function pendingUploadUrl(path: string): string {
	return `https://upload-pending.invalid/${encodeURI(path)}`;
}

/**
 * The content a publish would send, before any upload: each vault image (or image written in the note)
 * at its {@link pendingUploadUrl}; with `sendable` (vault paths, from {@link Publisher.imagesToSend}), a
 * vault image not in it is left out, as a publish does. Images written in the note were checked when
 * the story was built: all are sent.
 */
export function plannedContent(story: StoryModel, sendable?: ReadonlySet<string>): StoryHtml {
	return storyToHtml(story, {
		imageSrc: (source) => {
			if (source.kind === "url") return source.url;
			if (source.kind === "vault" && sendable && !sendable.has(source.path)) return null;
			return pendingUploadUrl(imageKey(source));
		},
	});
}

/** Why a vault image cannot be uploaded (unreadable, or a type Medium refuses), as a publish warns (the caller sets the line); null when it can. */
function imageRefusal(path: string, bytes: Uint8Array | null): ConversionWarning | null {
	if (!bytes) return { code: "missing-image", message: `Image ${path} could not be read; it was left out.`, line: 1 };
	const type = sniffImageType(bytes);
	if (!type || !type.accepted) {
		return { code: "unsupported-image", message: `Image ${path} is ${type ? type.ext.toUpperCase() : "not an image Medium knows"}; Medium accepts JPEG, PNG, GIF and TIFF only, so it was left out.`, line: 1 };
	}
	return null;
}

/** At most this many image uploads run at once. */
export const UPLOAD_CONCURRENCY = 4;

export class Publisher {
	private readonly inFlight = new Set<string>();

	constructor(
		private readonly ports: PublisherPorts,
		readonly state: PublisherState,
	) {}

	/** Takes the note's publish lock for a whole run (pre-flight included); null when it is taken. */
	lock(path: string): (() => void) | null {
		if (this.inFlight.has(path)) return null;
		this.inFlight.add(path);
		let released = false;
		return () => {
			if (!released) this.inFlight.delete(path);
			released = true;
		};
	}

	isBusy(path: string): boolean {
		return this.inFlight.has(path);
	}

	/** Converts the note and gathers what the pre-flight shows. Sends nothing. */
	async plan(note: NoteToPublish, defaults: PublishDefaults): Promise<PublishPlan> {
		const options = convertOptionsFor(defaults);
		const story = await convertNote(note, this.ports.vault, options);
		const { choice, problems } = choiceFor(note.properties, defaults);
		const warnings = [...problems.map((message) => ({ code: "bad-property", message, line: 1 })), ...story.warnings];
		let existing = this.existing(note, story, defaults.urlProperty);
		if (existing?.changed && existing.record) existing = await this.withLinksAsSent(note, story, options, existing, existing.record);
		return { note, story, choice, defaults, warnings, existing };
	}

	/**
	 * A note whose links to other notes now go elsewhere than when it was sent (a linked note got its
	 * story since, or its canonical URL changed) is compared as it was sent, those links as they were:
	 * another note's publish is not an edit of this one, and must not make it "changed" (nor send it
	 * again with --new). Converts again only in that case; the story to publish stays the fresh one.
	 */
	private async withLinksAsSent(note: NoteToPublish, story: Story, options: ConvertOptions, found: ExistingStory, record: PublishRecord): Promise<ExistingStory> {
		const sent = sentNoteHrefs(record);
		if (sent === null) return found;
		let moved = false;
		for (const [path, href] of story.noteHrefs) {
			if (sent.has(path) && sent.get(path) !== href) moved = true;
		}
		if (!moved) return found;
		const asSent = await convertNote(note, this.ports.vault, { ...options, noteHrefs: sent });
		const changed = record.contentHash !== hashContent(asSent.content);
		return { ...found, changed, diff: changed ? diffContent(record.content, asSent.content) : null };
	}

	/**
	 * The note's current story, if it has one: from its property, else from the publish record or a URL
	 * still pending for its path, so a deleted or unreadable property cannot lead to a second story.
	 */
	existing(note: NoteToPublish, story: Story, urlProperty: string): ExistingStory | null {
		const prop = note.properties[urlProperty];
		const found = recordOf(this.state, note.path);
		const record = found && !found.noteDeleted ? found : null;
		let url = typeof prop === "string" && prop.trim() !== "" ? prop.trim() : null;
		if (url === null && record) url = record.url;
		if (url === null) {
			const pending = this.state.pendingUrls.find((p) => p.notePath === note.path);
			if (pending) url = pending.url;
		}
		if (url === null) return null;
		const changed = record ? record.contentHash !== hashContent(story.content) : null;
		const diff = record && changed ? diffContent(record.content, story.content) : null;
		return { url, record, changed, diff };
	}

	/**
	 * Uploads the images and creates the story. Throws (leaving the note untouched) on any failure
	 * before the story exists; after that it never throws: a URL that cannot be written is kept.
	 */
	async publish(plan: PublishPlan, opts: { allowRepublish?: boolean; onProgress?: (p: PublishProgress) => void; holdsLock?: boolean } = {}): Promise<PublishResult> {
		const { note } = plan;
		if (plan.existing && !opts.allowRepublish) {
			throw new PublishError("already-published", `This note is already on Medium (${plan.existing.url}). Publish it as a new story to create another.`);
		}
		const release = opts.holdsLock ? null : this.lock(note.path);
		if (!opts.holdsLock && !release) throw new PublishError("busy", "This note is being published already; wait for that run to end.");
		try {
			const client = this.ports.client();
			if (!client) throw new PublishError("no-token", "No Medium integration token is set. Add it in the plugin settings, or copy the note for Medium's editor instead.");
			const warnings = [...plan.warnings];
			const { urls, uploaded, reused } = await this.uploadImages(client, plan.story, warnings, opts.onProgress);
			const body = publishContent(plan.story, urls);
			for (const source of body.leftOut) {
				if (source.kind === "url") warnings.push({ code: "unfetchable-image", message: `Image ${source.url} has an address Medium cannot fetch; it was left out.`, line: 1 });
			}
			opts.onProgress?.({ phase: "create", done: 0, total: 1 });
			const post = await client.createPost(postInput({ ...plan.story, content: body.html }, plan.choice, "html"), postTarget(plan.choice));
			return await this.afterCreate(plan, post, body.html, warnings, uploaded, reused, opts.onProgress);
		} finally {
			release?.();
		}
	}

	/** Records the story and writes its URL into the note; the URL is saved before the note is touched. */
	private async afterCreate(plan: PublishPlan, post: MediumPost, content: string, warnings: ConversionWarning[], uploaded: number, reused: number, onProgress?: (p: PublishProgress) => void): Promise<PublishResult> {
		const now = (this.ports.now ?? (() => new Date()))().toISOString();
		const path = plan.note.path;
		const record = recordPublish(this.state, {
			notePath: path,
			storyId: post.id,
			url: post.url,
			status: post.publishStatus ?? plan.choice.status,
			publishedAt: now,
			publicationId: plan.choice.publicationId || null,
			title: plan.story.title,
			content: plan.story.content,
			contentHash: hashContent(plan.story.content),
			noteHrefs: Object.fromEntries(plan.story.noteHrefs),
		});
		this.state.pendingUrls.push({ notePath: path, url: post.url, createdAt: now, reason: "The URL was not written into the note yet." });
		await this.trySave(); // before the note is touched, so a crash while writing loses no URL
		// Found again by note and URL, not by object: a save may replace the state's arrays with merged copies.
		const isThis = (p: PendingUrl) => p.notePath === path && p.url === post.url;
		onProgress?.({ phase: "write", done: 0, total: 1 });
		let urlError: string | null = null;
		if (!isHttpsUrl(post.url)) {
			urlError = "Medium's answer gave a story URL that is not an https:// address, so it was not written into the note";
		} else {
			try {
				await this.ports.writeUrl(path, plan.defaults.urlProperty, post.url);
				this.state.pendingUrls = this.state.pendingUrls.filter((p) => !isThis(p));
			} catch (e) {
				urlError = e instanceof Error ? e.message : String(e);
			}
		}
		if (urlError !== null) {
			const reason = `The story was created, but its URL could not be written into the note: ${urlError}`;
			for (const p of this.state.pendingUrls) if (isThis(p)) p.reason = reason;
		}
		const stateError = await this.trySave();
		return { post, record, content, warnings, uploaded, reused, urlWritten: urlError === null, urlError, stateError };
	}

	/** Saves the state; the failure's message when it could not be saved (the state stays in memory). */
	private async trySave(): Promise<string | null> {
		try {
			await this.ports.saveState();
			return null;
		} catch (e) {
			return e instanceof Error ? e.message : String(e);
		}
	}

	/**
	 * The story's vault images a publish would upload, and the warning of each it would leave out; its
	 * images written in the note (all sent: the conversion left out the ones Medium would refuse). Sends nothing.
	 */
	async imagesToSend(story: Story): Promise<{ paths: Set<string>; warnings: ConversionWarning[]; inNote: NoteImage[] }> {
		const paths = new Set<string>();
		const warnings: ConversionWarning[] = [];
		let lines: Map<string, number> | null = null;
		for (const img of story.images) {
			const refusal = imageRefusal(img.path, await this.ports.vault.readBinary(img.path));
			if (refusal) warnings.push({ ...refusal, line: (lines ??= imageLines(story.blocks)).get(img.path) ?? 1 });
			else paths.add(img.path);
		}
		return { paths, warnings, inNote: noteImages(story) };
	}

	/**
	 * Uploads each local image once (a content-hash cache), at most four at a time: vault images, then
	 * images written in the note (keyed by their bytes too, so one also in the vault, or already uploaded,
	 * is sent once).
	 */
	private async uploadImages(client: MediumClient, story: Story, warnings: ConversionWarning[], onProgress?: (p: PublishProgress) => void): Promise<{ urls: Map<string, string>; uploaded: number; reused: number }> {
		const urls = new Map<string, string>();
		const queue: Array<{ path: string; name: string; bytes: Uint8Array; mime: string; key: string }> = [];
		let reused = 0;
		const sameKey = new Map<string, string[]>();
		let lines: Map<string, number> | null = null;
		for (const img of story.images) {
			const bytes = await this.ports.vault.readBinary(img.path);
			const refusal = imageRefusal(img.path, bytes);
			const type = bytes ? sniffImageType(bytes) : null;
			if (refusal || !bytes || !type) {
				if (refusal) warnings.push({ ...refusal, line: (lines ??= imageLines(story.blocks)).get(img.path) ?? 1 });
				continue;
			}
			const key = hashBytes(bytes);
			const cached = cachedImage(this.state, key);
			if (cached) {
				urls.set(img.path, cached);
				reused++;
				continue;
			}
			const twins = sameKey.get(key);
			if (twins) {
				twins.push(img.path);
				continue;
			}
			sameKey.set(key, [img.path]);
			queue.push({ path: img.path, name: baseName(img.path), bytes, mime: type.mime, key });
		}
		for (const img of noteImages(story)) {
			const cached = cachedImage(this.state, img.key);
			if (cached) {
				urls.set(img.standIn, cached);
				reused++;
				continue;
			}
			const twins = sameKey.get(img.key);
			if (twins) {
				twins.push(img.standIn);
				continue;
			}
			const bytes = story.noteImageBytes.get(img.key);
			if (bytes === undefined) {
				// Cannot happen (the conversion keeps the bytes it checked), but a publish never sends what it did not check.
				warnings.push({ code: "malformed-image-data", message: `Image ${noteImageLabel(img)} could not be read; it was left out.`, line: img.line });
				continue;
			}
			sameKey.set(img.key, [img.standIn]);
			queue.push({ path: img.standIn, name: `image-${img.key.slice(0, 8)}.${extensionOfMime(img.mime)}`, bytes, mime: img.mime, key: img.key });
		}
		const total = queue.length;
		let done = 0;
		let failure: unknown = null;
		if (total > 0) onProgress?.({ phase: "images", done, total });
		let next = 0;
		const worker = async () => {
			while (next < queue.length && failure === null) {
				const job = queue[next++];
				try {
					const up = await client.uploadImage(job.bytes, job.name, job.mime);
					this.state.imageCache[job.key] = up.url;
					for (const p of sameKey.get(job.key) ?? [job.path]) urls.set(p, up.url);
					done++;
					onProgress?.({ phase: "images", done, total });
				} catch (e) {
					failure ??= e;
				}
			}
		};
		await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, total) }, worker));
		if (done > 0) await this.trySave(); // a failure here is reported by the saves after the story
		if (failure !== null) throw failure instanceof Error ? failure : new Error("An image upload failed.");
		return { urls, uploaded: done, reused };
	}
}

