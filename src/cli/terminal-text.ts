/**
 * Text for a terminal. A note's words reach stderr in warnings and messages; raw control characters in
 * them (ESC sequences, a carriage return, a bell) would let a note repaint or retitle the user's terminal.
 * They are shown escaped instead, keeping line breaks and tabs.
 */

import type { Writable } from "node:stream";

/** True for a C0/C1 control, DEL, or a line/paragraph separator, other than `\n` and `\t`. */
function isControl(code: number): boolean {
	if (code === 0x0a || code === 0x09) return false;
	return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** `\x1b`-style escapes for control characters; every other character as it is. One pass. */
export function escapeTerminalText(text: string): string {
	let out = "";
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (!isControl(code)) continue;
		out += text.slice(from, i) + (code <= 0xff ? "\\x" + code.toString(16).padStart(2, "0") : "\\u" + code.toString(16).padStart(4, "0"));
		from = i + 1;
	}
	return from === 0 ? text : out + text.slice(from);
}

/** The error code of a stream error (EPIPE when the reader went away, as `| head` does). */
function codeOf(error: unknown): string {
	if (error !== null && typeof error === "object" && "code" in error) return String((error as { code?: unknown }).code);
	return "";
}

/**
 * Keeps a broken pipe quiet (`medium-publish convert big.md | head`): the reader going away is no error of
 * the user's, and a stack trace would be noise. Later writes to that stream are dropped, and a publish
 * still finishes (its URL is saved in the state whether or not it could be printed). Other stream errors
 * are left to Node.
 */
export function quietOnBrokenPipe(streams: ReadonlyArray<Pick<Writable, "on">>): void {
	for (const stream of streams) {
		stream.on("error", (error: unknown) => {
			if (codeOf(error) !== "EPIPE") throw error;
		});
	}
}
