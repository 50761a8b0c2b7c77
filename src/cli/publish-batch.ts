/**
 * One publish run over several notes (a blog folder, or notes named on the command line): plan every
 * note, leave the ones already on Medium alone (reporting those that changed), publish the rest with
 * linked-to notes first so links can point to their new stories, and stop at Medium's daily limit.
 * It prints nothing itself: it reports through callbacks and returns one outcome per note.
 */

import type { NoteFile, VaultPort } from "../core/ports";
import type { ConversionWarning } from "../convert/story";
import type { MediumClient, PublishStatus } from "../medium/medium-client";
import { formatDiff } from "../publish/content-diff";
import { postRequest, type PostRequest } from "../publish/post-body";
import { orderByLinks } from "../publish/publish-order";
import type { PublishDefaults } from "../publish/publish-settings";
import { Publisher, plannedContent, type PublishPlan } from "../publish/publisher";
import type { PublisherState } from "../publish/publisher-state";
import { guardHeadline } from "../publish/story-status";
import { cliErrorMessage, failureScope } from "./cli-messages";
import type { NodeVault } from "./node-vault";
import { checkNote, publishRefusal } from "./note-input";
import { afterPublishProblem } from "./publish-report";

/** What happened to a note, as a stable word for `--json`. */
export type NoteResult =
	| "published"
	| "would-publish"
	| "unchanged"
	| "changed"
	| "no-record"
	| "failed"
	| "left-for-tomorrow"
	| "not-tried";

/** One note's outcome. */
export interface NoteOutcome {
	/** Vault path. */
	path: string;
	result: NoteResult;
	/** True when the note was already on Medium and `--new` made another story. */
	again: boolean;
	/** The story's URL (new or existing), or null. */
	url: string | null;
	title: string | null;
	/** The request a dry run would send (the body exactly as the client builds it). */
	/** Its images: vault images by path, images written in the note by their stand-in (`data:image/png;hash=…`) and line. */
	request: (PostRequest & { images: Array<{ path: string; alt: string; line?: number }>; embeddedNotes: string[] }) | null;
	/** The drift from what was sent, as diff text, for a changed note. */
	diff: string | null;
	/** Why it failed (or why it was not tried), in the command line's words. */
	error: string | null;
	warnings: ConversionWarning[];
}

/** How the run goes. */
export interface BatchOptions {
	vault: NodeVault;
	notes: readonly string[];
	defaults: PublishDefaults;
	state: PublisherState;
	saveState: () => Promise<void>;
	writeUrl: (vaultPath: string, key: string, url: string) => Promise<void>;
	/** null in a dry run (nothing is sent). */
	client: MediumClient | null;
	dryRun: boolean;
	/**
	 * `--new`: publish notes already on Medium again, as new stories. A note named directly goes again
	 * whatever its state; a note found under a folder goes again only when it changed since (an unchanged
	 * post published again would be a duplicate story, and Medium cannot delete one through its API).
	 */
	allowNew: boolean;
	/** The notes named directly (see `allowNew`); none when absent. */
	named?: ReadonlySet<string>;
	/** `--status`, over the notes' own `medium_status` and the default. */
	status: PublishStatus | null;
	/** `--publication`, over the notes' own `medium_publication`. */
	publication: string | null;
	token: string;
	/** Where the state is kept, for messages about it. */
	stateFile?: string;
	/** Called with each note's warnings as soon as they are known, in the order of the run. */
	onWarnings: (path: string, warnings: readonly ConversionWarning[]) => void;
	onProgress: (text: string) => void;
}

/** The run's outcome: per note in the order they were handled, and whether the daily limit stopped it. */
export interface BatchReport {
	outcomes: NoteOutcome[];
	rateLimited: boolean;
}

/** A VaultPort that notes which notes each converted note links to (the converter resolves every link through it). */
function recordingVault(vault: VaultPort, links: Map<string, Set<string>>, current: () => string | null): VaultPort {
	return {
		resolveLink(linkpath, sourcePath) {
			const target = vault.resolveLink(linkpath, sourcePath);
			const root = current();
			if (target !== null && root !== null && target !== root) {
				let set = links.get(root);
				if (!set) links.set(root, (set = new Set()));
				set.add(target);
			}
			return target;
		},
		readNote: (path) => vault.readNote(path),
		readBinary: (path) => vault.readBinary(path),
	};
}

function blank(path: string): NoteOutcome {
	return { path, result: "not-tried", again: false, url: null, title: null, request: null, diff: null, error: null, warnings: [] };
}

/** The outcome of a note left out before the run (another run is publishing it), with why. */
export function leftOutOutcome(path: string, error: string): NoteOutcome {
	return { ...blank(path), result: "failed", error };
}

/** Runs the batch: plans all notes, then publishes (or, in a dry run, describes) those due. */
export async function runPublishBatch(o: BatchOptions): Promise<BatchReport> {
	const links = new Map<string, Set<string>>();
	let converting: string | null = null;
	const vault = recordingVault(o.vault, links, () => converting);
	const publisher = new Publisher({ vault, client: () => o.client, saveState: o.saveState, writeUrl: o.writeUrl }, o.state);

	const plan = async (path: string, note: NoteFile): Promise<PublishPlan> => {
		converting = path;
		try {
			const p = await publisher.plan({ path, text: note.text, properties: note.properties }, o.defaults);
			if (o.status) p.choice.status = o.status;
			if (o.publication !== null) p.choice.publicationId = o.publication;
			return p;
		} finally {
			converting = null;
		}
	};

	const outcomes = new Map<string, NoteOutcome>();
	const plans = new Map<string, PublishPlan>();
	const due: string[] = [];
	for (const path of o.notes) {
		const outcome = blank(path);
		outcomes.set(path, outcome);
		// A note that is not UTF-8 markdown, or whose properties cannot be read, is refused before anything is sent.
		const refusal = publishRefusal(await checkNote(o.vault, path), o.defaults.urlProperty);
		if (refusal !== null) {
			outcome.result = "failed";
			outcome.error = refusal;
			continue;
		}
		const note = await o.vault.readNote(path);
		if (!note) {
			outcome.result = "failed";
			outcome.error = `Cannot read the note ${path}.`;
			continue;
		}
		const p = await plan(path, note);
		plans.set(path, p);
		outcome.title = p.story.title;
		outcome.warnings = p.warnings;
		if (p.existing) {
			outcome.url = p.existing.url;
			if (!o.allowNew || (p.existing.changed !== true && o.named?.has(path) !== true)) {
				outcome.result = p.existing.changed === null ? "no-record" : p.existing.changed ? "changed" : "unchanged";
				if (p.existing.changed) outcome.error = `${guardHeadline(p.existing)}; not published again without --new (Medium cannot update a story).`;
				if (p.existing.diff) outcome.diff = formatDiff(p.existing.diff);
				continue;
			}
			outcome.again = true;
		}
		due.push(path);
	}

	const order = orderByLinks(due, (path) => links.get(path) ?? []);
	const dueSet = new Set(due);
	const handled: NoteOutcome[] = o.notes.filter((p) => !dueSet.has(p)).map((p) => outcomes.get(p) as NoteOutcome);

	if (o.dryRun) {
		for (const path of order) {
			const outcome = outcomes.get(path) as NoteOutcome;
			const p = plans.get(path) as PublishPlan;
			// The images a publish would upload: one it would leave out (unreadable, SVG, WebP…) is left out here too, with its warning.
			const images = await publisher.imagesToSend(p.story);
			outcome.warnings = [...p.warnings, ...images.warnings];
			o.onWarnings(path, outcome.warnings);
			try {
				// The HTML a publish sends; an image not uploaded yet shows at a stand-in URL naming its vault path.
				const request = postRequest({ ...p.story, content: plannedContent(p.story, images.paths).html }, p.choice, "html");
				const sent = p.story.images.filter((i) => images.paths.has(i.path));
				const inNote = images.inNote.map((i) => ({ path: i.standIn, alt: i.alt, line: i.line }));
				outcome.request = { ...request, images: [...sent.map((i) => ({ path: i.path, alt: i.alt })), ...inNote], embeddedNotes: p.story.embeddedNotes };
				outcome.result = "would-publish";
			} catch (e) {
				outcome.result = "failed";
				outcome.error = cliErrorMessage(e, o.token, p.choice.publicationId);
			}
			handled.push(outcome);
		}
		return { outcomes: handled, rateLimited: false };
	}

	let stop: "rate-limit" | "account" | null = null;
	let stopReason = "";
	for (let k = 0; k < order.length; k++) {
		const path = order[k];
		const outcome = outcomes.get(path) as NoteOutcome;
		handled.push(outcome);
		if (stop !== null) {
			outcome.result = stop === "rate-limit" ? "left-for-tomorrow" : "not-tried";
			outcome.error = stopReason;
			continue;
		}
		o.onProgress(`Publishing ${path} (${k + 1}/${order.length})`);
		let p = plans.get(path) as PublishPlan;
		// Notes published earlier in this run have a story URL now: convert again so links point to it.
		if (k > 0) {
			const note = await o.vault.readNote(path);
			if (note) {
				p = await plan(path, note);
				outcome.warnings = p.warnings;
			}
		}
		o.onWarnings(path, p.warnings);
		try {
			const result = await publisher.publish(p, {
				allowRepublish: o.allowNew,
				onProgress: (progress) => {
					if (progress.phase === "images") o.onProgress(`  uploading images ${progress.done}/${progress.total}`);
				},
			});
			o.vault.forget(path);
			outcome.result = "published";
			outcome.url = result.post.url;
			outcome.title = result.post.title || outcome.title;
			const extra = result.warnings.slice(p.warnings.length);
			if (extra.length > 0) {
				outcome.warnings = [...p.warnings, ...extra];
				o.onWarnings(path, extra);
			}
			outcome.error = afterPublishProblem(result, o.stateFile);
		} catch (e) {
			const scope = failureScope(e);
			outcome.error = cliErrorMessage(e, o.token, p.choice.publicationId);
			if (scope === "rate-limit") {
				outcome.result = "left-for-tomorrow";
				stop = "rate-limit";
				stopReason = "Medium's daily limit was reached; run again tomorrow.";
			} else {
				outcome.result = "failed";
				if (scope === "account") {
					stop = "account";
					stopReason = "Not tried: an earlier failure concerns every note of this run.";
				}
			}
		}
	}
	return { outcomes: handled, rateLimited: stop === "rate-limit" };
}
