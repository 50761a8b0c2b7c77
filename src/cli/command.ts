/**
 * The shape of a command: its words (summary, usage, flags, examples) and its run. The parser, the help
 * and "did you mean" all read the same description, so a new command (e.g. `preview`) is one module
 * with one `CliCommand` value, listed in ./commands/all-commands.ts.
 */

import type { CliIo } from "./cli-io";

/** One `--flag`. */
export interface FlagSpec {
	/** Without the dashes: `dry-run`. */
	name: string;
	/** A one-letter alias used with one dash (`-o`), for the few flags typed all the time. */
	short?: string;
	/** The value's placeholder in help (`DIR`); absent for a switch that takes no value. */
	value?: string;
	/** The only values accepted, checked by the parser. */
	choices?: readonly string[];
	/** One or two sentences: what it does, and its default. */
	description: string;
}

/** The arguments of a run, after parsing: positionals in order, flags by name. */
export interface ParsedArgs {
	positionals: string[];
	/** A switch maps to true, a flag with a value to its (last) value. */
	flags: Map<string, string | true>;
}

/** A flag's string value, or null when it was not given (or is a switch). */
export function flagValue(args: ParsedArgs, name: string): string | null {
	const v = args.flags.get(name);
	return typeof v === "string" ? v : null;
}

/** A command of `medium-publish`. */
export interface CliCommand {
	name: string;
	/** One line for the command list. */
	summary: string;
	/** The arguments after the command name, e.g. `<folder|note>… [options]`. */
	usage: string;
	/** A paragraph (or a few) for `<command> --help`. */
	description: string;
	/** How many positional arguments it takes, and their name in messages. */
	positionals: { name: string; min: number; max: number };
	flags: readonly FlagSpec[];
	/** Ready-to-run command lines, each with what it does. */
	examples: ReadonlyArray<{ command: string; explanation: string }>;
	run(args: ParsedArgs, io: CliIo): Promise<number>;
}
