/**
 * The one note `convert` and `preview` read, and how they convert it: resolved in its vault, gated as
 * a publish gates it, and converted with the settings a publish would use. One place, so the two commands
 * cannot come to disagree on what "the way publish would" means.
 */

import type { ConvertOptions } from "../convert/story";
import type { CliIo } from "./cli-io";
import { CliError } from "./cli-io";
import { printable, vaultWarning } from "./cli-messages";
import { defaultsFrom } from "./cli-settings";
import { convertOptionsFor, type PublishDefaults } from "../publish/publish-settings";
import { flagValue, type ParsedArgs } from "./command";
import type { NodeVault } from "./node-vault";
import { checkNote } from "./note-input";
import { resolveRunNotes } from "./note-inputs";
import { readDataviewFields, readObsidianVault, readStrictLineBreaks } from "./vault-config";

/**
 * The note named on the command line (no folders) and its vault. An empty, binary or non-UTF-8 note is
 * refused (a CliError); properties that cannot be read are warned of on stderr, and the note converted without them.
 */
export async function singleNote(args: ParsedArgs, io: CliIo): Promise<{ vault: NodeVault; path: string }> {
	const { vault, notes } = await resolveRunNotes(args.positionals, io.cwd, flagValue(args, "vault"), { folders: false, warn: vaultWarning(io) });
	const path = notes[0];
	const check = await checkNote(vault, path);
	if (check.refusal !== null) throw new CliError(check.refusal);
	if (check.problem) io.stderr(`${printable(path)}:${check.problem.line}: warning: ${printable(check.problem.message)}; converted without them [bad-properties]\n`);
	return { vault, path };
}

/**
 * The settings a publish of a note in `vault` uses: the flags', and what the folder says (line breaks,
 * Dataview, whether it is an Obsidian vault or a site's source). `publish` uses them as they are.
 */
export async function vaultDefaults(args: ParsedArgs, vault: NodeVault): Promise<PublishDefaults> {
	return {
		...defaultsFrom(args),
		strictLineBreaks: await readStrictLineBreaks(vault.root),
		dataviewFields: await readDataviewFields(vault.root),
		obsidianVault: await readObsidianVault(vault.root),
	};
}

/** The conversion options a publish of a note in `vault` would use (see vaultDefaults). */
export async function conversionOptions(args: ParsedArgs, vault: NodeVault): Promise<ConvertOptions> {
	return convertOptionsFor(await vaultDefaults(args, vault));
}
