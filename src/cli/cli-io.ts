/**
 * What every command gets from the process (output streams, environment, working folder) and the two
 * kinds of failure the command line words itself: a usage mistake (exit 2) and any other known failure
 * (exit 1, or the code it carries). Both are printed as one line, never as a stack trace.
 */

/** Where output goes; tests pass their own. */
export interface CliIo {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	env: Record<string, string | undefined>;
	cwd: string;
}

/** Exit codes, the same for every command. */
export const EXIT = {
	ok: 0,
	error: 1,
	usage: 2,
	/** A note changed since it was published and was not published again (no `--new`). */
	changed: 3,
	/** Medium's daily limit stopped the run; the notes left are listed. */
	rateLimited: 4,
} as const;

/** A mistake in how the command was called (unknown flag, missing argument, bad value): exit 2. */
export class UsageError extends Error {
	constructor(
		message: string,
		/** The command whose help the message points to, when known. */
		readonly command: string | null = null,
	) {
		super(message);
		this.name = "UsageError";
	}
}

/** A failure the command line explains itself (not found, outside the vault...): one line, then exit. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode: number = EXIT.error,
	) {
		super(message);
		this.name = "CliError";
	}
}
