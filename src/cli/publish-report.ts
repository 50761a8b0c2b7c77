/**
 * What the command line says after a story was created but not everything around it went well: the URL
 * could not be written into the note, or the state (records, pending URLs) could not be saved. Each is
 * said plainly, with the URL, and with where it is kept only when it really is kept there.
 */

import type { PublishResult } from "../publish/publisher";

/** What went wrong around a created story, in one text (null when the URL was written and the state saved). */
export function afterPublishProblem(result: Pick<PublishResult, "post" | "urlWritten" | "urlError" | "stateError">, stateFile = "the state file"): string | null {
	const text = afterPublishText(result, stateFile).trimEnd();
	return text === "" ? null : text.split("\n").join(" ");
}

/** Lines for stderr after a publish ("" when the URL was written and the state saved). */
export function afterPublishText(result: Pick<PublishResult, "post" | "urlWritten" | "urlError" | "stateError">, stateFile: string): string {
	const lines: string[] = [];
	if (!result.urlWritten) {
		const kept = result.stateError === null ? ` It is kept as a pending URL in ${stateFile}.` : "";
		lines.push(`The story was created, but its URL could not be written into the note: ${result.urlError ?? "unknown error"}.${kept} Its URL: ${result.post.url}`);
	}
	if (result.stateError !== null) {
		lines.push(`The story was created, but the publish record could not be saved to ${stateFile} (${result.stateError}). Keep its URL: ${result.post.url}`);
	}
	return lines.map((l) => l + "\n").join("");
}
