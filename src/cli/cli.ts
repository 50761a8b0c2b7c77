/**
 * `medium-publish`: the command line over the same core as the plugin, for folders of markdown, CI, and
 * anyone who wants the main job without Obsidian. This file only dispatches: the commands live in
 * ./commands (listed in all-commands.ts), the parser in arg-parser.ts, the help in help-text.ts.
 *
 * Exit codes: 0 done, 1 error (notes unchanged), 2 wrong usage, 3 a changed note not published again,
 * 4 Medium's daily limit reached.
 */

import process from "node:process";
import { version } from "../../package.json";
import { redactToken } from "../medium/medium-errors";
import { parseArgs } from "./arg-parser";
import { CliError, EXIT, UsageError, type CliIo } from "./cli-io";
import { printable } from "./cli-messages";
import type { CliCommand } from "./command";
import { COMMANDS } from "./commands/all-commands";
import { closest } from "./did-you-mean";
import { commandHelp, PROGRAM, programHelp } from "./help-text";
import { escapeTerminalText, quietOnBrokenPipe } from "./terminal-text";

export type { CliIo } from "./cli-io";

/** The version printed by `--version` (package.json's). */
export const VERSION: string = version;

function findCommand(name: string): CliCommand | undefined {
	return COMMANDS.find((c) => c.name === name);
}

/** A usage mistake: the message, and where to read more. */
function usageText(error: UsageError): string {
	const more = error.command ? `${PROGRAM} ${error.command} --help` : `${PROGRAM} --help`;
	return `${printable(error.message)}\nRun '${more}' for usage.\n`;
}

/** Runs the command line; returns the exit code. Never throws, never prints a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
	try {
		return await dispatch(argv, io);
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(usageText(e));
			return EXIT.usage;
		}
		const message = e instanceof Error ? e.message : String(e);
		io.stderr(`Error: ${printable(redactToken(message, io.env.MEDIUM_TOKEN))}\n`);
		return e instanceof CliError ? e.exitCode : EXIT.error;
	}
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
	const [first, ...rest] = argv;
	if (first === undefined) {
		io.stderr(programHelp(COMMANDS, VERSION));
		return EXIT.usage;
	}
	if (first === "--help" || first === "-h") {
		io.stdout(programHelp(COMMANDS, VERSION));
		return EXIT.ok;
	}
	if (first === "--version" || first === "-V" || first === "version") {
		io.stdout(`${VERSION}\n`);
		return EXIT.ok;
	}
	if (first === "help") {
		const topic = rest[0];
		if (topic === undefined) {
			io.stdout(programHelp(COMMANDS, VERSION));
			return EXIT.ok;
		}
		const command = findCommand(topic);
		if (!command) throw unknownCommand(topic);
		io.stdout(commandHelp(command));
		return EXIT.ok;
	}
	const command = findCommand(first);
	if (!command) throw unknownCommand(first);
	const args = parseArgs(command, rest, COMMANDS);
	if (args.flags.has("help")) {
		io.stdout(commandHelp(command));
		return EXIT.ok;
	}
	return await command.run(args, io);
}

function unknownCommand(name: string): UsageError {
	if (name.startsWith("-")) {
		const near = closest(name.replace(/^-+/, ""), ["help", "version"]);
		return new UsageError(`Unknown option ${name}.${near ? ` Did you mean --${near}?` : ""} Options go after the command: ${PROGRAM} <command> [options].`);
	}
	const near = closest(name, COMMANDS.map((c) => c.name));
	return new UsageError(`Unknown command "${name}".${near ? ` Did you mean ${near}?` : ""} Commands: ${COMMANDS.map((c) => c.name).join(", ")}.`);
}

if (require.main === module) {
	quietOnBrokenPipe([process.stdout, process.stderr]);
	void runCli(process.argv.slice(2), {
		stdout: (t) => process.stdout.write(process.stdout.isTTY ? escapeTerminalText(t) : t),
		stderr: (t) => process.stderr.write(escapeTerminalText(t)),
		env: process.env,
		cwd: process.cwd(),
	}).then((code) => {
		process.exitCode = code;
	});
}
