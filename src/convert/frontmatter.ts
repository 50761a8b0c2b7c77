/**
 * Where a note's body starts. Properties are parsed by the host (Obsidian's metadata cache, or
 * gray-matter in Node); the core only needs to know which lines are frontmatter so they never reach
 * the story.
 */

export interface NoteBody {
	body: string;
	/** 0-based line index in the file where the body starts. */
	bodyLine: number;
}

/**
 * Splits `---` YAML frontmatter (closed by `---` or `...`), or Hugo's `+++` TOML front matter (closed
 * by `+++`), from the body. Text must be LF-normalised.
 */
export function splitFrontmatter(text: string): NoteBody {
	let start = 0;
	if (text.charCodeAt(0) === 0xfeff) start = 1;
	const toml = text.startsWith("+++", start);
	if (!toml && !text.startsWith("---", start)) return { body: text.slice(start), bodyLine: 0 };
	let firstEnd = text.indexOf("\n", start);
	if (firstEnd === -1 || text.slice(start + 3, firstEnd).trim() !== "") return { body: text.slice(start), bodyLine: 0 };
	let line = 1;
	let pos = firstEnd + 1;
	while (pos <= text.length) {
		let end = text.indexOf("\n", pos);
		if (end === -1) end = text.length;
		const l = text.slice(pos, end).trimEnd();
		if (toml ? l === "+++" : l === "---" || l === "...") {
			return { body: text.slice(Math.min(end + 1, text.length)), bodyLine: line + 1 };
		}
		line++;
		pos = end + 1;
		firstEnd = end;
	}
	return { body: text.slice(start), bodyLine: 0 };
}

/** Whether a text has a CR that is not part of a CRLF (a line ending of old Mac OS). */
export function hasLoneCr(text: string): boolean {
	for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
	return false;
}

/** LF line endings: CRLF and lone CR notes convert exactly like LF ones. */
export function normalizeNewlines(text: string): string {
	return text.indexOf("\r") === -1 ? text : text.replace(/\r\n?/g, "\n");
}
