/**
 * The words the plugin shows about a note's story: the republish guard's headline, the status bar text,
 * progress, success and the pre-flight's hints. Kept pure (no `obsidian`, no DOM) so every text can be
 * tested without a host, and so the plugin's UI code only places texts, never composes them.
 */

import type { Properties } from "../core/ports";
import type { MediumPublication, PublishStatus } from "../medium/medium-client";
import type { ConversionWarning } from "../convert/story";
import type { ContentDiff } from "./content-diff";
import type { ExistingStory, PublishProgress } from "./publisher";
import type { PublishRecord } from "./publisher-state";

/** The service's name, written once: a proper noun inside otherwise sentence-case UI text. */
export const MEDIUM = "Medium";

/** Command and ribbon labels, shared so the command palette and the ribbon say the same thing. */
export const LABELS = {
	publishCommand: `Publish current note to ${MEDIUM}`,
	copyCommand: `Copy current note for ${MEDIUM}`,
	copyAction: `Copy for ${MEDIUM}'s editor`,
	openAction: `Open story on ${MEDIUM}`,
	newStoryAction: "Publish as a new story",
} as const;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * An ISO date as "27 Nov 2025" in local time: short, unambiguous in every locale, and free of the
 * clock time nobody needs to decide whether to publish again. An unreadable date is shown as written.
 */
export function formatPublishDate(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/**
 * The republish guard's headline: whether the note drifted from what was sent, so the user decides
 * between opening the story, copying, or creating another story knowing what changed.
 */
export function guardHeadline(existing: ExistingStory): string {
	const record = existing.record;
	if (record === null || existing.changed === null) {
		return `This note already links to a story on ${MEDIUM}, but there is no record of what was sent`;
	}
	const date = formatPublishDate(record.publishedAt);
	return existing.changed ? `Changed since it was published on ${date}` : `Unchanged since it was published on ${date}`;
}

/** "3 lines added, 1 removed": the size of a drift at a glance, before the lines themselves. */
export function diffSummary(diff: ContentDiff): string {
	if (!diff.changed) return "No changes";
	const parts: string[] = [];
	if (diff.added > 0) parts.push(`${diff.added} line${diff.added === 1 ? "" : "s"} added`);
	if (diff.removed > 0) parts.push(`${diff.removed} line${diff.removed === 1 ? "" : "s"} removed`);
	return parts.join(", ");
}

/** A story's status as a reader sees it: public and unlisted stories are both "published". */
export function statusWord(status: PublishStatus): string {
	return status === "draft" ? "draft" : "published";
}

/** What the status bar knows about the active note. */
export interface StatusBarInput {
	/** The note's publish record, if this vault published it. */
	record: PublishRecord | null;
	/** True when the note's URL property holds a story URL. */
	hasUrl: boolean;
	/** hashContent of a fresh conversion, or null when it was not computed (no record to compare). */
	currentHash: string | null;
}

/**
 * The status bar text: empty for a note that was never published (no clutter on every other note),
 * "Medium: draft" / "Medium: published", and " · changed" when the note drifted from what was sent.
 */
export function statusBarText(input: StatusBarInput): string {
	if (input.record === null) return input.hasUrl ? `${MEDIUM}: linked` : "";
	const changed = input.currentHash !== null && input.currentHash !== input.record.contentHash;
	return `${MEDIUM}: ${statusWord(input.record.status)}${changed ? " \u00b7 changed" : ""}`;
}

/** The progress notice's text, updated in place: how far the slowest part (images) has come. */
export function progressText(progress: PublishProgress): string {
	switch (progress.phase) {
		case "images":
			return `Uploading images ${progress.done}/${progress.total}`;
		case "create":
			return `Creating the story on ${MEDIUM}`;
		case "write":
			return "Writing the story's URL into the note";
	}
}

/** The first words of the success notice; the story's link follows it. */
export function successText(status: PublishStatus): string {
	if (status === "draft") return `Draft created on ${MEDIUM}: `;
	if (status === "unlisted") return `Unlisted story published on ${MEDIUM}: `;
	return `Story published on ${MEDIUM}: `;
}

/** The status the pre-flight starts at, and a hint when it is not the user's default. */
export interface InitialStatus {
	status: PublishStatus;
	hint: string | null;
}

/**
 * Where the pre-flight's status starts, so a public story is never created by accident: public only
 * when the note itself says `medium_status: public`; a public default from the settings starts at draft,
 * with a hint, and the user must pick public on purpose.
 */
export function initialStatus(planned: PublishStatus, properties: Properties): InitialStatus {
	if (planned !== "public") return { status: planned, hint: null };
	const raw = properties.medium_status;
	const notePublic = typeof raw === "string" && raw.trim().toLowerCase() === "public";
	if (notePublic) return { status: "public", hint: null };
	return {
		status: "draft",
		hint: "Your default status is public, but this story starts as a draft. Pick public here, or set medium_status: public in the note, to publish it for everyone.",
	};
}

/** Added to the success notice when a public default became a draft because there was no pre-flight. */
export const PUBLIC_DEFAULT_WITHOUT_PREFLIGHT =
	" Your default status is public, but without the pre-flight only notes with medium_status: public are published publicly.";

/** The converter's warnings about tags Medium will not keep: shown next to the tags, not in the list. */
export const TAG_WARNING_CODES: ReadonlySet<string> = new Set(["too-many-tags", "tag-too-long"]);

/** The pre-flight's words about the tags, taken from the conversion's warnings (one source of truth). */
export function tagWarnings(warnings: readonly ConversionWarning[]): string[] {
	return warnings.filter((w) => TAG_WARNING_CODES.has(w.code)).map((w) => w.message);
}

/** Every other warning, for the pre-flight's list; an embedded note's names its note and line, and its embed's line. */
export function otherWarnings(warnings: readonly ConversionWarning[]): string[] {
	return warnings.filter((w) => !TAG_WARNING_CODES.has(w.code)).map((w) => {
		if (w.path === undefined) return w.message;
		const at = w.embedLine !== undefined ? ` (embedded at line ${w.embedLine})` : "";
		return `${w.path}, line ${w.line}${at}: ${w.message}`;
	});
}

/** Where the story goes, in words: the profile, or the publication's name when it is known. */
export function destinationLabel(publicationId: string, publications: readonly Pick<MediumPublication, "id" | "name">[]): string {
	if (publicationId.trim() === "") return "Your profile";
	const known = publications.find((p) => p.id === publicationId);
	return known && known.name.trim() !== "" ? `The publication "${known.name}"` : `The publication with id ${publicationId}`;
}

/** The copy notice: what was copied, and how many images the user may have to add by hand. */
export function copiedText(needByHand: number): string {
	if (needByHand === 0) return `Copied for ${MEDIUM}'s editor. Paste it into a new story.`;
	const images = needByHand === 1 ? "1 image" : `${needByHand} images`;
	return `Copied for ${MEDIUM}'s editor. Paste it into a new story; ${images} may need re-adding by hand.`;
}
