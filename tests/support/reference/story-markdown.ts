/**
 * The markdown writer: a story model as markdown, for `convert`'s default output and the re-publish
 * diff (what the diff compares). It only prints: every choice was made when the model was built.
 * Headings are written as Medium's own export writes them (title `#`, subtitle `##`, large `###`,
 * small `####`), so even a markdown import could not mistake a section heading for the subtitle.
 */

import type { ImageSource, InlineNode, StoryBlock, StoryModel } from "../../../src/story/story-model";

/** The whole story: `# title`, the subtitle, then the blocks; ends with one newline. */
export function storyMarkdown(story: StoryModel): string {
	let out = `# ${oneLine(story.title)}\n`;
	if (story.subtitle) out += `\n## ${oneLine(story.subtitle)}\n`;
	const body = blocksMarkdown(story.blocks);
	return body.length > 0 ? out + "\n" + body + "\n" : out;
}

/** The blocks alone, separated as markdown needs (list items and quote paragraphs kept together). */
export function blocksMarkdown(blocks: readonly StoryBlock[]): string {
	// One string grown piece by piece (V8 keeps it as a rope, flattened once below): far cheaper than
	// an array of tens of thousands of pieces joined at the end.
	let out = "";
	const numbers = new Map<number, number>();
	let prev: StoryBlock | null = null;
	for (const b of blocks) {
		if (prev !== null) {
			if (b.type === "list-item" && prev.type === "list-item" && prev.list === b.list) out += "\n";
			else if (b.type === "quote" && prev.type === "quote" && prev.group === b.group) out += "\n>\n";
			else out += "\n\n";
		}
		out += blockMarkdown(b, numbers);
		prev = b;
	}
	return flat(out);
}

/** The string as one flat copy: every later read of it (a search, a write) then costs nothing more. */
function flat(s: string): string {
	// A search flattens a rope in place (and scans once); the character never occurs in markdown we write.
	s.indexOf("\u0000");
	return s;
}

function blockMarkdown(b: StoryBlock, numbers: Map<number, number>): string {
	switch (b.type) {
		case "heading":
			return (b.size === "large" ? "### " : "#### ") + oneLine(inlineMarkdown(b.content));
		case "paragraph":
			return escapeLineStarts(inlineMarkdown(b.content));
		case "quote":
			return prefixLines(escapeLineStarts(inlineMarkdown(b.content)), "> ", "> ");
		case "list-item": {
			let marker = "- ";
			if (b.ordered) {
				const n = (numbers.get(b.list) ?? 0) + 1;
				numbers.set(b.list, n);
				marker = `${n}. `;
			}
			return prefixLines(escapeLineStarts(inlineMarkdown(b.content)), marker, " ".repeat(marker.length));
		}
		case "code": {
			const fence = "`".repeat(Math.max(3, fenceRun(b.text) + 1));
			return `${fence}${b.language ?? ""}\n${b.text}${b.text.length > 0 ? "\n" : ""}${fence}`;
		}
		case "image": {
			const caption = b.caption ? ` "${plain(b.caption).split("\\").join("\\\\").split('"').join('\\"')}"` : "";
			return `![${escapeText(b.alt, true)}](${destination(imageHref(b.source))}${caption})`;
		}
		case "rule":
			return "---";
		case "embed":
			return b.url;
	}
}

/** Where an image is, as a markdown destination: its URL, or its vault path. */
function imageHref(source: ImageSource): string {
	if (source.kind === "url") return source.url;
	return source.kind === "vault" ? encodeURI(source.path) : `data:${source.mime};hash=${source.key}`;
}

/** Inline nodes as markdown; `bracketed` inside a link's text. */
export function inlineMarkdown(nodes: readonly InlineNode[], bracketed = false): string {
	let s = "";
	for (const n of nodes) {
		switch (n.type) {
			case "text":
				s += escapeText(n.text, bracketed);
				break;
			case "break":
				s += "\\\n";
				break;
			case "strong":
				s += "**" + inlineMarkdown(n.children, bracketed) + "**";
				break;
			case "em":
				s += "*" + inlineMarkdown(n.children, bracketed) + "*";
				break;
			case "link":
				if (s.endsWith("!")) s = s.slice(0, -1) + "\\!";
				s += "[" + inlineMarkdown(n.children, true) + "](" + destination(n.href) + ")";
				break;
			case "code":
				s += codeSpan(n.text);
				break;
		}
	}
	return s;
}

function plain(nodes: readonly InlineNode[]): string {
	let s = "";
	for (const n of nodes) {
		if (n.type === "text" || n.type === "code") s += n.text;
		else if (n.type === "break") s += " ";
		else s += plain(n.children);
	}
	return s;
}

/** A link destination: in angle brackets when it holds spaces or parentheses. */
function destination(href: string): string {
	return /[\s()<>]/.test(href) ? "<" + href.replace(/[<>]/g, encodeURIComponent) + ">" : href;
}

/** One character class: the characters {@link escapeText} looks at. */
const MAY_NEED_ESCAPE = /[\\*`~_[\]<&]/;

function isWordChar(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/**
 * Text escaped only where markdown would read markup: `\`, `*`, `` ` ``, `~`, `_` at a word's edge,
 * `[` that could open a link, `<` that could open a tag. Plain prose stays as it was written.
 */
function escapeText(text: string, bracketed = false): string {
	if (!MAY_NEED_ESCAPE.test(text)) return text;
	// A `[` can open a link only before the last `](` (one search, not one per bracket). In a link's text
	// (or an image's alt) every bracket is escaped: a bare one ends the text early or opens a link.
	const linkClose = bracketed ? text.length : text.lastIndexOf("](");
	let out = "";
	let last = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let esc = false;
		if (c === 92 || c === 42 || c === 96 || c === 126) esc = true;
		else if (c === 95) esc = !(i > 0 && isWordChar(text.charCodeAt(i - 1)) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1)));
		else if (c === 91) esc = i < linkClose;
		else if (c === 93) esc = bracketed;
		else if (c === 60) {
			const d = text.charCodeAt(i + 1);
			esc = d === 47 || d === 33 || (d >= 65 && d <= 90) || (d >= 97 && d <= 122);
		} else if (c === 38) esc = /^&#?[A-Za-z0-9]{1,33};/.test(text.slice(i));
		if (esc) {
			out += text.slice(last === -1 ? 0 : last, i) + "\\";
			last = i;
		}
	}
	return last === -1 ? text : out + text.slice(last);
}

/** A line that would start a block of its own (`#`, `>`, a list marker, `=`/`-` underline) gets a backslash. */
function escapeLineStarts(s: string): string {
	if (s.indexOf("\n") === -1) return escapeStart(s);
	return s.split("\n").map(escapeStart).join("\n");
}

function escapeStart(line: string): string {
	const c = line.charCodeAt(0);
	if (c === 35 || c === 62 || c === 61) return "\\" + line;
	if ((c === 45 || c === 43) && (line.length === 1 || line.charCodeAt(1) === 32)) return "\\" + line;
	if (c >= 48 && c <= 57) {
		let j = 1;
		while (j < line.length && j < 10 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
		const d = line.charCodeAt(j);
		if ((d === 46 || d === 41) && (j + 1 === line.length || line.charCodeAt(j + 1) === 32)) return line.slice(0, j) + "\\" + line.slice(j);
	}
	return line;
}

function prefixLines(s: string, first: string, rest: string): string {
	if (s.indexOf("\n") === -1) return first + s;
	return first + s.split("\n").join("\n" + rest);
}

/** Titles and headings are one line. */
function oneLine(s: string): string {
	return s.indexOf("\n") === -1 ? s : s.replace(/\\?\n/g, " ");
}

function longestRun(text: string, ch: number): number {
	let best = 0;
	let cur = 0;
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) === ch) {
			if (++cur > best) best = cur;
		} else cur = 0;
	}
	return best;
}

/** The longest run of backticks that opens a line of the code (indented at most 3): only such a run could close the fence. */
function fenceRun(text: string): number {
	let best = 0;
	let start = 0;
	while (start < text.length) {
		let end = text.indexOf("\n", start);
		if (end === -1) end = text.length;
		let i = start;
		while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
		let j = i;
		while (j < end && text.charCodeAt(j) === 96) j++;
		if (j - i > best) best = j - i;
		start = end + 1;
	}
	return best;
}

/** An inline code span that survives backticks inside it. */
function codeSpan(text: string): string {
	const fence = "`".repeat(longestRun(text, 96) + 1);
	const pad = text.startsWith("`") || text.endsWith("`") || (text.startsWith(" ") && text.endsWith(" ") && text.trim() !== "") ? " " : "";
	return fence + pad + text + pad + fence;
}
