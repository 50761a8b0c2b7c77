/**
 * A lock file between processes: created exclusively (`wx`), holding the owner's pid and start time, and
 * removed on release. A lock whose owner is gone (no such process on this machine) or that is older than
 * `staleMs` is taken over, so a run killed mid-way never blocks the next one for good.
 */

import { hostname } from "node:os";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import * as nodePath from "node:path";
import { setTimeout as delay } from "node:timers/promises";

/** What a lock file holds. */
interface LockOwner {
	pid: number;
	host: string;
	/** Epoch milliseconds when it was taken. */
	at: number;
}

/** Options for {@link acquireLock}. */
export interface LockOptions {
	/** How long to wait for a held lock before giving up; 0 gives up at once. */
	waitMs: number;
	/** A lock older than this is stale whatever its owner; default 10 minutes. */
	staleMs?: number;
	/** Milliseconds between tries while waiting; default 25. */
	pollMs?: number;
}

/** The lock is held by a live process (after waiting, if asked to). */
export class LockBusyError extends Error {
	constructor(
		readonly lockPath: string,
		readonly ownerPid: number | null,
	) {
		super(`${lockPath} is held by ${ownerPid === null ? "another process" : `process ${ownerPid}`}.`);
		this.name = "LockBusyError";
	}
}

/** The error code of a Node file-system error, if it has one. */
function errorCode(error: unknown): string | undefined {
	if (error !== null && typeof error === "object" && "code" in error) {
		const code = (error as { code?: unknown }).code;
		return typeof code === "string" ? code : undefined;
	}
	return undefined;
}

/** Whether a process with this pid runs on this machine (EPERM: it runs, under another user). */
function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return errorCode(error) === "EPERM";
	}
}

/** The owner written in a lock file; null when it cannot be read (being written, or garbage). */
async function readOwner(lockPath: string): Promise<LockOwner | null> {
	try {
		const parsed: unknown = JSON.parse(await readFile(lockPath, "utf8"));
		if (parsed !== null && typeof parsed === "object") {
			const { pid, host, at } = parsed as Record<string, unknown>;
			if (typeof pid === "number" && typeof at === "number") return { pid, at, host: typeof host === "string" ? host : "" };
		}
	} catch {
		// fall through
	}
	return null;
}

const DEFAULT_STALE_MS = 10 * 60_000;


/**
 * Takes the lock at `lockPath` (creating its folder), waiting up to `waitMs` for a live holder. Returns
 * the release function (safe to call twice). Throws LockBusyError when the holder is still alive after
 * the wait.
 */
export async function acquireLock(lockPath: string, opts: LockOptions): Promise<() => Promise<void>> {
	const staleMs = opts.staleMs ?? DEFAULT_STALE_MS;
	const pollMs = opts.pollMs ?? 25;
	const deadline = Date.now() + opts.waitMs;
	await mkdir(nodePath.dirname(lockPath), { recursive: true });
	const me: LockOwner = { pid: process.pid, host: hostname(), at: Date.now() };
	let unreadableSince: number | null = null;
	for (;;) {
		try {
			const handle = await open(lockPath, "wx");
			try {
				me.at = Date.now();
				await handle.writeFile(JSON.stringify(me));
			} finally {
				await handle.close();
			}
			let released = false;
			return async () => {
				if (released) return;
				released = true;
				const owner = await readOwner(lockPath);
				if (owner && owner.pid === me.pid && owner.at === me.at) await unlink(lockPath).catch(() => undefined);
			};
		} catch (error) {
			if (errorCode(error) !== "EEXIST") throw error;
		}
		const owner = await readOwner(lockPath);
		const now = Date.now();
		let stale = false;
		if (owner === null) {
			// Being written right now, or left half-written by a crash: stale once it stays unreadable.
			unreadableSince ??= now;
			stale = now - unreadableSince > 2000;
		} else {
			unreadableSince = null;
			const sameHost = owner.host === "" || owner.host === me.host;
			stale = now - owner.at > staleMs || (sameHost && !isAlive(owner.pid));
		}
		if (stale) {
			// Move the stale file aside under a unique name, so two processes that both saw it stale cannot
			// both take over: only one rename of that exact file succeeds.
			const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
			try {
				const again = await readOwner(lockPath);
				if (owner === null ? again === null : again !== null && again.pid === owner.pid && again.at === owner.at) {
					await rename(lockPath, aside);
					await unlink(aside).catch(() => undefined);
				}
			} catch {
				// Someone else got there first; try again.
			}
			continue;
		}
		if (now >= deadline) throw new LockBusyError(lockPath, owner?.pid ?? null);
		await delay(Math.min(pollMs, Math.max(1, deadline - now)));
	}
}
