/**
 * Reads a command's arguments against its description: `--flag value`, `--flag=value`, switches, `--`
 * to end the flags, a value checked against its choices, and an unknown flag answered with the closest
 * known one. Mistakes are UsageErrors (exit 2), worded for the command line.
 */

import { UsageError } from "./cli-io";
import type { CliCommand, ParsedArgs } from "./command";
import { closest } from "./did-you-mean";

/** Flags every command takes besides its own. */
export const HELP_FLAGS = ["help", "h"];

/** Parses the arguments after the command name; `--help` is left for the caller (see `wantsHelp`). */
export function parseArgs(command: CliCommand, argv: readonly string[], others: readonly CliCommand[] = []): ParsedArgs {
	const flags = new Map<string, string | true>();
	const positionals: string[] = [];
	let flagsEnded = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (flagsEnded || a === "-" || !a.startsWith("-")) {
			positionals.push(a);
			continue;
		}
		if (a === "--") {
			flagsEnded = true;
			continue;
		}
		if (a === "-h" || a === "--help") {
			flags.set("help", true);
			continue;
		}
		const eq = a.indexOf("=");
		const dashes = a.startsWith("--") ? 2 : 1;
		const name = a.slice(dashes, eq === -1 ? undefined : eq);
		const spec = dashes === 1 ? command.flags.find((f) => f.short !== undefined && f.short === name) : command.flags.find((f) => f.name === name);
		if (!spec) throw new UsageError(unknownFlag(command, a.slice(0, eq === -1 ? undefined : eq), name, others), command.name);
		if (spec.value === undefined) {
			if (eq !== -1) throw new UsageError(`--${spec.name} takes no value (it is a switch).`, command.name);
			flags.set(spec.name, true);
			continue;
		}
		const value = eq !== -1 ? a.slice(eq + 1) : argv[i + 1];
		if (eq === -1) i++;
		if (value === undefined || value === "" || (eq === -1 && value.startsWith("--"))) {
			throw new UsageError(`--${spec.name} needs a value: --${spec.name} ${spec.value}.`, command.name);
		}
		if (spec.choices && !spec.choices.includes(value)) {
			const near = closest(value, spec.choices);
			throw new UsageError(`--${spec.name} is ${orList(spec.choices)}, not "${value}".${near ? ` Did you mean ${near}?` : ""}`, command.name);
		}
		flags.set(spec.name, value);
	}
	if (!flags.has("help")) {
		const { min, max, name } = command.positionals;
		if (positionals.length < min) throw new UsageError(`${command.name} needs ${min === 1 ? "a" : min} ${name}.`, command.name);
		if (positionals.length > max) {
			throw new UsageError(max === 0 ? `${command.name} takes no ${name}.` : `${command.name} takes ${max === 1 ? "one" : max} ${name}, not ${positionals.length}.`, command.name);
		}
	}
	return { positionals, flags };
}

/** "a, b or c". */
export function orList(words: readonly string[]): string {
	return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** The message for a flag the command does not know: the closest one, or the command it belongs to. */
function unknownFlag(command: CliCommand, written: string, name: string, others: readonly CliCommand[]): string {
	const head = `Unknown option ${written} for ${command.name}.`;
	const near = closest(name, command.flags.map((f) => f.name));
	if (near) return `${head} Did you mean --${near}?`;
	const owner = others.find((c) => c !== command && c.flags.some((f) => f.name === name));
	if (owner) return `${head} --${name} is an option of ${owner.name}.`;
	return head;
}
