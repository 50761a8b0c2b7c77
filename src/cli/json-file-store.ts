/**
 * The command line's durable state (settings, image cache, publish records) as a JSON file. Writes go
 * to a temporary file renamed over the old one, so a crash mid-write never leaves half a file that
 * would lose every record on the next run; `update` holds a lock file around its read-modify-write, so
 * runs in several processes at once merge into the file instead of overwriting each other.
 */

import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import type { StorePort } from "../core/ports";
import { acquireLock } from "./file-lock";

/** A counter that keeps temporary names unique within this process. */
let tempCounter = 0;

/** The error code of a Node file-system error, if it has one. */
function errorCode(error: unknown): string | undefined {
	if (error !== null && typeof error === "object" && "code" in error) {
		const code = error.code;
		return typeof code === "string" ? code : undefined;
	}
	return undefined;
}

/** A StorePort over one JSON file. */
export class JsonFileStore<T> implements StorePort<T> {
	readonly filePath: string;

	constructor(filePath: string) {
		this.filePath = nodePath.resolve(filePath);
	}

	/** The stored data; null when the file does not exist yet. Throws, naming the file, when it is not JSON. */
	async load(): Promise<T | null> {
		let text: string;
		try {
			text = await readFile(this.filePath, "utf8");
		} catch (error) {
			if (errorCode(error) === "ENOENT") return null;
			throw new Error(`Cannot read ${this.filePath}: ${error instanceof Error ? error.message : String(error)}`);
		}
		if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		try {
			return JSON.parse(text) as T;
		} catch (error) {
			throw new Error(`${this.filePath} is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix or delete it.`);
		}
	}

	/** The lock file that `update` holds: beside the data file. */
	get lockPath(): string {
		return this.filePath + ".lock";
	}

	/**
	 * Reads the file, lets `change` compute the new data from it, and writes that, all under the lock, so
	 * no other process's write can fall between the read and the write. Returns what was written.
	 */
	async update(change: (current: T | null) => T, opts: { waitMs?: number } = {}): Promise<T> {
		await mkdir(nodePath.dirname(this.filePath), { recursive: true });
		const release = await acquireLock(this.lockPath, { waitMs: opts.waitMs ?? 15_000 });
		try {
			const next = change(await this.load());
			await this.save(next);
			return next;
		} finally {
			await release();
		}
	}

	/** Replaces the file with `data` as indented JSON, atomically, creating its folder if needed. */
	async save(data: T): Promise<void> {
		const folder = nodePath.dirname(this.filePath);
		await mkdir(folder, { recursive: true });
		tempCounter++;
		const temp = nodePath.join(folder, `.${nodePath.basename(this.filePath)}.${Date.now()}-${tempCounter}-${Math.random().toString(36).slice(2)}.tmp`);
		try {
			await writeFile(temp, JSON.stringify(data, null, "\t") + "\n", "utf8");
			await rename(temp, this.filePath);
		} catch (error) {
			await unlink(temp).catch(() => undefined);
			throw error;
		}
	}
}
