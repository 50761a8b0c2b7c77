/** The help screens, written from the commands' own descriptions so they never drift from the parser. */

import type { CliCommand } from "./command";

/** The program's name as users type it. */
export const PROGRAM = "medium-publish";

/** Wraps a paragraph at `width` columns, every line after the first indented by `indent`. */
function wrap(text: string, width: number, indent: string): string {
	const words = text.split(" ");
	const lines: string[] = [];
	let line = "";
	for (const word of words) {
		if (line !== "" && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line === "" ? word : `${line} ${word}`;
	}
	if (line !== "") lines.push(line);
	return lines.join("\n" + indent);
}

/** The screen for `medium-publish --help`. */
export function programHelp(commands: readonly CliCommand[], version: string): string {
	const width = Math.max(...commands.map((c) => c.name.length));
	const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
	return `${PROGRAM} ${version}: publish Obsidian notes and markdown blogs to Medium.

Usage:
  ${PROGRAM} <command> [arguments] [options]

Commands:
${list}

Options:
  -h, --help     Show help (also: ${PROGRAM} <command> --help)
  -V, --version  Print the version

Environment:
  MEDIUM_TOKEN     Your Medium integration token (needed to publish; never printed)
  MEDIUM_API_BASE  Medium's API root, default https://api.medium.com/v1

Run '${PROGRAM} <command> --help' for a command's options and examples.
`;
}

/** The screen for `medium-publish <command> --help`: usage, description, every flag, examples. */
export function commandHelp(command: CliCommand): string {
	const flagLabel = (f: CliCommand["flags"][number]) => `${f.short ? `-${f.short}, ` : ""}--${f.name}${f.value ? ` ${f.value}` : ""}`;
	const labels = command.flags.map(flagLabel);
	const width = Math.min(28, Math.max(10, ...labels.map((l) => l.length)));
	const indent = " ".repeat(width + 4);
	const flagLines = command.flags.map((f, k) => {
		const label = labels[k];
		const head = label.length > width ? `  ${label}\n${indent}` : `  ${label.padEnd(width)}  `;
		return head + wrap(f.description, 100 - indent.length, indent);
	});
	flagLines.push(`  ${"-h, --help".padEnd(width)}  Show this help`);
	const examples = command.examples.map((e) => `  # ${e.explanation}\n  ${e.command}`).join("\n\n");
	return `Usage: ${PROGRAM} ${command.name} ${command.usage}

${command.description}

Options:
${flagLines.join("\n")}

Examples:
${examples}
`;
}
