/**
 * The command line's state shared by every run on the machine: loaded once, then saved by merging this
 * run's changes into whatever other runs saved meanwhile, under the state file's lock, so four runs at
 * once keep four records. And the per-note publish lock: one run at a time may publish a given note.
 */

import { createHash } from "node:crypto";
import { realpath } from "node:fs/promises";
import * as nodePath from "node:path";
import { cloneState, emptyState, mergeState, normalizeState, type PublisherState } from "../publish/publisher-state";
import { acquireLock, LockBusyError } from "./file-lock";
import { JsonFileStore } from "./json-file-store";

/** A run's view of the shared state: `state` is what the publisher changes; `save` merges it to disk. */
export interface SharedState {
	readonly filePath: string;
	readonly state: PublisherState;
	save(): Promise<void>;
}

/** Replaces the contents of `target` with those of `source`, keeping `target` the same object. */
function assignState(target: PublisherState, source: PublisherState): void {
	target.imageCache = source.imageCache;
	target.records = source.records;
	target.pendingUrls = source.pendingUrls;
}

/** Loads the state file (empty when missing); a file that is not JSON is an error naming it. */
export async function openSharedState(filePath: string): Promise<SharedState> {
	const store = new JsonFileStore<PublisherState>(filePath);
	const state = normalizeState((await store.load()) ?? emptyState());
	let base = cloneState(state);
	return {
		filePath: store.filePath,
		state,
		async save(): Promise<void> {
			const merged = await store.update((disk) => mergeState(base, state, normalizeState(disk ?? emptyState())));
			base = cloneState(merged);
			assignState(state, cloneState(merged));
		},
	};
}

/** Another run holds a note's publish lock: that note is left alone, and the message says by whom. */
export class NoteBusyError extends Error {}

/**
 * Takes the publish lock of the note at `absPath` (its real path, so every spelling and link of one
 * file shares it), beside the state file. Throws a {@link NoteBusyError} when another run holds it.
 */
export async function lockNoteForPublish(stateFile: string, absPath: string): Promise<() => Promise<void>> {
	const real = await realpath(absPath);
	const name = createHash("sha256").update(real).digest("hex").slice(0, 32) + ".lock";
	const lockPath = nodePath.join(stateFile + ".locks", name);
	try {
		return await acquireLock(lockPath, { waitMs: 0 });
	} catch (error) {
		if (error instanceof LockBusyError) {
			const who = error.ownerPid === null ? "another run" : `another run (process ${error.ownerPid})`;
			throw new NoteBusyError(`already being published by ${who}; nothing was sent. Wait for it to finish.`);
		}
		throw error;
	}
}

/** The locks a folder run holds, and the notes another run holds (path to why), which it leaves alone. */
export interface RunLocks {
	release: () => Promise<void>;
	busy: Map<string, string>;
}

/**
 * Takes the publish locks of a run's notes. A note another run is publishing is left out (named in
 * `busy`) so the rest of a folder still goes; any other failure releases what was taken and throws.
 */
export async function lockNotesForPublish(stateFile: string, notes: ReadonlyArray<{ path: string; abs: string }>): Promise<RunLocks> {
	const releases: Array<() => Promise<void>> = [];
	const release = async () => {
		for (const r of releases.splice(0).reverse()) await r();
	};
	const busy = new Map<string, string>();
	try {
		for (const note of notes) {
			try {
				releases.push(await lockNoteForPublish(stateFile, note.abs));
			} catch (error) {
				if (!(error instanceof NoteBusyError)) throw error;
				busy.set(note.path, error.message);
			}
		}
	} catch (error) {
		await release();
		throw error;
	}
	return { release, busy };
}
