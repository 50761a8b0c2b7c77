/**
 * The command line's words for what the shared core reports: warnings as `file:line: warning: …`
 * (the file they come from, an embedded note's own path included) and Medium's failures reworded for
 * someone at a terminal (`MEDIUM_TOKEN`, `--publication`), never pointing at the plugin's settings.
 */

import type { ConversionWarning } from "../convert/story";
import { MediumError, redactToken } from "../medium/medium-errors";
import { PublishError } from "../publish/publisher";

/** Control characters (a note name can hold them) shown escaped, so a name cannot rewrite the terminal. */
export function printable(text: string): string {
	let out = "";
	for (const ch of text) {
		const c = ch.charCodeAt(0);
		out += c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) ? `\\x${c.toString(16).padStart(2, "0")}` : ch;
	}
	return out;
}

/** Prints a vault's refusals (`… outside the vault, left out.`) as warnings on stderr. */
export function vaultWarning(io: { stderr: (text: string) => void }): (message: string) => void {
	return (message) => io.stderr(`warning: ${printable(message)}\n`);
}

/**
 * Warnings in the order of the note: the converter reports the properties' ones (tags, title) last,
 * though they sit at the top. Warnings of the note itself are ordered by line (stable); a warning from an
 * embedded note (it has its own `path`) stays right after the warning before it, where it was met.
 */
export function inNoteOrder(warnings: readonly ConversionWarning[]): ConversionWarning[] {
	const groups: Array<{ line: number; items: ConversionWarning[] }> = [];
	for (const w of warnings) {
		const last = groups[groups.length - 1];
		// One that names its embed's line sorts there.
		if (w.path !== undefined && w.embedLine !== undefined) groups.push({ line: w.embedLine, items: [w] });
		else if (w.path !== undefined && last) last.items.push(w);
		else groups.push({ line: w.path !== undefined ? 0 : w.line, items: [w] });
	}
	// Array.prototype.sort is stable: equal lines keep the order they were found in.
	return groups.sort((a, b) => a.line - b.line).flatMap((g) => g.items);
}

/**
 * One line per warning, `path:line: warning: message [code]`, in the order of the note; an embedded
 * note's adds the root note's line that embeds it: `(embedded at note:line)`.
 */
export function warningLines(notePath: string, warnings: readonly ConversionWarning[]): string {
	let out = "";
	for (const w of inNoteOrder(warnings)) {
		const at = w.path !== undefined && w.embedLine !== undefined ? ` (embedded at ${printable(notePath)}:${w.embedLine})` : "";
		out += `${printable(w.path ?? notePath)}:${w.line}: warning: ${printable(w.message)} [${w.code}]${at}\n`;
	}
	return out;
}

/** What a failed publish means for the rest of a batch. */
export type FailureScope = "note" | "account" | "rate-limit";

/** Whether a failure concerns only this note, every note of the run (token, network), or Medium's daily limit. */
export function failureScope(error: unknown): FailureScope {
	if (error instanceof MediumError) {
		// Only the story's 429 is the daily limit; an upload's is a short-term limit that stops the run.
		if (error.kind === "rate-limited") return error.request === "upload" || error.request === "read" ? "account" : "rate-limit";
		if (["no-token", "unauthorized", "bot-protection", "network", "timeout", "server", "missing-scope"].includes(error.kind)) return "account";
	}
	if (error instanceof PublishError && error.kind === "no-token") return "account";
	return "note";
}

/** A failure in the command line's words; the token is never quoted. */
export function cliErrorMessage(error: unknown, token: string, publicationId: string): string {
	let message = error instanceof Error ? error.message : String(error);
	if (error instanceof MediumError) {
		const medium = error.mediumMessage ? ` (Medium said: ${error.mediumMessage})` : "";
		switch (error.kind) {
			case "no-token":
				message = "No Medium integration token: set MEDIUM_TOKEN.";
				break;
			case "unauthorized":
				message = `Medium rejected the token in MEDIUM_TOKEN (invalid or revoked)${medium}. Check the value of MEDIUM_TOKEN.`;
				break;
			case "not-found":
				message = publicationId
					? `Medium does not know the publication id "${publicationId}" (from --publication or the note's medium_publication)${medium}. Check the id, or leave it out to publish to your profile.`
					: `Medium does not know this account${medium}. Check MEDIUM_TOKEN.`;
				break;
			case "forbidden":
				if (publicationId) {
					message = `Medium refused to publish into the publication "${publicationId}" (from --publication or medium_publication)${medium}: the account is not its editor or writer, or a writer may only create drafts (--status draft).`;
				}
				break;
			default:
				message = message.replace(/,? or use "Copy for Medium's editor"/g, ", or use `medium-publish convert --format html` and paste into Medium's editor");
		}
	}
	return printable(redactToken(message.replace(/the plugin settings|the settings/g, "MEDIUM_TOKEN"), token));
}
