/**
 * The markdown writer: a story model as markdown, for `convert`'s default output and the re-publish
 * diff (what the diff compares). It only prints: every choice was made when the model was built.
 * Headings are written as Medium's own export writes them (title `#`, subtitle `##`, large `###`,
 * small `####`), so even a markdown import could not mistake a section heading for the subtitle.
 */

import type { ImageSource, InlineNode, StoryBlock, StoryModel } from "./story-model";

/** The whole story: `# title`, the subtitle, then the blocks; ends with one newline. One flat string. */
export function storyMarkdown(story: StoryModel): string {
	let head = `# ${oneLine(story.title)}\n`;
	if (story.subtitle) head += `\n## ${oneLine(story.subtitle)}\n`;
	const all = writeBlocks(story.blocks, head + "\n", "\n");
	return all === "" ? flat(head) : all;
}

/** The blocks alone, separated as markdown needs (list items and quote paragraphs kept together). */
export function blocksMarkdown(blocks: readonly StoryBlock[]): string {
	return writeBlocks(blocks, "", "");
}

/** `head`, the blocks, then `tail`, as one flat string; "" when the blocks write nothing. */
function writeBlocks(blocks: readonly StoryBlock[], head: string, tail: string): string {
	// One string grown piece by piece (V8 keeps it as a rope): far cheaper than an array of tens of
	// thousands of pieces joined at the end. Every CHUNK characters the rope is made flat and added to
	// `done`: a whole story's rope is many small objects the collector copies while they live, flat pieces
	// of a few kilobytes cost it almost nothing.
	let done = head;
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
		if (out.length > CHUNK) {
			done += flat(out);
			out = "";
		}
	}
	return done.length === head.length && out.length === 0 ? "" : flat(done + out + tail);
}

/** Characters of rope made flat at a time (as in the HTML writer, where it was measured). */
const CHUNK = 16384;

/** The string as one flat copy: every later read of it (a search, a write) then costs nothing more. */
function flat(s: string): string {
	// Reading one character flattens a rope in place (without the scan a search would add).
	s.charCodeAt(0);
	return s;
}

function blockMarkdown(b: StoryBlock, numbers: Map<number, number>): string {
	switch (b.type) {
		case "heading": {
			const s = inlineMarkdown(b.content);
			return (b.size === "large" ? "### " : "#### ") + (wroteNewline ? oneLine(s) : s);
		}
		case "paragraph":
			return lines(b.content, "");
		case "quote":
			return "> " + lines(b.content, "> ");
		case "list-item": {
			let marker = "- ";
			if (b.ordered) {
				const n = (numbers.get(b.list) ?? 0) + 1;
				numbers.set(b.list, n);
				marker = `${n}. `;
			}
			return marker + lines(b.content, b.ordered ? " ".repeat(marker.length) : "  ");
		}
		case "code": {
			const fence = "`".repeat(Math.max(3, fenceRun(b.text) + 1));
			return `${fence}${b.language ?? ""}\n${b.text}${b.text.length > 0 ? "\n" : ""}${fence}`;
		}
		case "image": {
			const caption = b.caption ? ` "${plain(b.caption).split("\\").join("\\\\").split('"').join('\\"')}"` : "";
			return `![${escapeBracketed(b.alt)}](${destination(imageHref(b.source))}${caption})`;
		}
		case "rule":
			return "---";
		case "embed":
			return b.url;
	}
}

/**
 * Where an image is, as a markdown destination: its URL, its vault path, or for bytes written in the note
 * a short stand-in naming their type and hash ({@link dataImageStandIn}).
 */
function imageHref(source: ImageSource): string {
	if (source.kind === "url") return source.url;
	return source.kind === "vault" ? encodeURI(source.path) : dataImageStandIn(source.mime, source.key);
}

/**
 * What the markdown shows for an image written in the note as a `data:` URL: `data:image/png;hash=<key>`,
 * not the megabytes of base64. This markdown is what `convert` prints, what a publish record keeps (in the
 * state file, loaded with the plugin) and what the re-publish diff compares: the stand-in changes exactly
 * when the bytes do, and a diff line stays readable. `convert --format html` and the clipboard keep the
 * whole data URL.
 */
export function dataImageStandIn(mime: string, key: string): string {
	return `data:${mime};hash=${key}`;
}

/**
 * Inline content as a block's lines: line starts escaped, every line but the first after `rest`.
 * Most blocks are one line that starts with plain text: known from the nodes alone, so the written rope
 * is never read back (reading it would copy it flat once per block).
 */
function lines(nodes: readonly InlineNode[], rest: string): string {
	const s = inlineMarkdown(nodes);
	return wroteNewline || !startsPlain(nodes) ? escapeLineStarts(s, rest) : s;
}

/**
 * Whether the nodes' markdown cannot start with a character {@link escapeAt} looks at: it starts with
 * a markup (`*`, `[`, `` ` ``, a break's `\`) or with text whose first character is none of `#>=-+` and
 * no digit (escaping only ever puts a backslash before other characters).
 */
function startsPlain(nodes: readonly InlineNode[]): boolean {
	for (let i = 0; i < nodes.length; i++) {
		const n = nodes[i];
		if (n.type !== "text") return true;
		if (n.text.length === 0) continue;
		const c = n.text.charCodeAt(0);
		return !(c === 35 || c === 62 || c === 61 || c === 45 || c === 43 || (c >= 48 && c <= 57));
	}
	return true;
}

/**
 * Set by {@link inlineMarkdown} when what it wrote holds a line end (a break, or one inside a text, a
 * code span or a destination), so a one-line block needs no search for one. Module state is safe: the
 * writer is synchronous and reads it right after the call that set it.
 */
let wroteNewline = false;

/** Inline nodes as markdown. */
export function inlineMarkdown(nodes: readonly InlineNode[]): string {
	wroteNewline = false;
	return appendInline("", nodes);
}

/** `s` followed by the nodes' markdown. */
function appendInline(s: string, nodes: readonly InlineNode[]): string {
	for (let i = 0; i < nodes.length; i++) {
		const n = nodes[i];
		switch (n.type) {
			case "text":
				// A `!` right before a link would make it an image when read back: it is escaped.
				if (i + 1 < nodes.length && nodes[i + 1].type === "link" && n.text.charCodeAt(n.text.length - 1) === 33) s += escapeText(n.text).slice(0, -1) + "\\!";
				else s += escapeText(n.text);
				break;
			case "break":
				s += "\\\n";
				wroteNewline = true;
				break;
			// A wrapper's short content and markers make one small flat string before it joins the rope
			// (V8 copies strings under 13 characters instead of making a rope node): fewer pieces.
			case "strong":
				s += "**" + appendInline("", n.children) + "**";
				break;
			case "em":
				s += "*" + appendInline("", n.children) + "*";
				break;
			case "link": {
				const outer = inBrackets;
				inBrackets = true;
				const text = appendInline("", n.children);
				inBrackets = outer;
				s += "[" + text + "](" + destination(n.href) + ")";
				break;
			}
			case "code":
				if (n.text.indexOf("\n") !== -1) wroteNewline = true;
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
	if (!/[\s()<>]/.test(href)) return href;
	if (href.indexOf("\n") !== -1) wroteNewline = true;
	return "<" + href.replace(/[<>]/g, encodeURIComponent) + ">";
}

/** One character class: the characters {@link escapeText} looks at, and the line end it notes. */
const MAY_NEED_ESCAPE = /[\\*`~_[<&\n]/;
/** The same inside a link's text or an image's alt, where a bracket is looked at too. */
const MAY_NEED_ESCAPE_BRACKETED = /[\\*`~_[\]<&\n]/;

/**
 * Whether {@link escapeText} is writing a link's text (module state, as {@link wroteNewline}): there every
 * `[` and `]` is escaped, since one left bare closes the text early (`[a ] b](u)`) or opens a link of
 * its own (`[p [ q](u)`); a balanced pair would be safe, but counting them is not worth a second pass.
 */
let inBrackets = false;

/** An image's alt text, escaped as a link's text is. */
function escapeBracketed(text: string): string {
	inBrackets = true;
	const out = escapeText(text);
	inBrackets = false;
	return out;
}

function isWordChar(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** Whether the `&` at `i` starts what markdown reads as an entity reference (`&amp;`, `&#38;`): written as text, it is escaped. */
function looksLikeEntity(text: string, i: number): boolean {
	let j = i + 1;
	if (text.charCodeAt(j) === 35) j++;
	const start = j;
	while (j < text.length && j - start <= 32 && isAsciiAlnum(text.charCodeAt(j))) j++;
	return j > start && text.charCodeAt(j) === 59;
}

function isAsciiAlnum(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Text escaped only where markdown would read markup: `\`, `*`, `` ` ``, `~`, `_` at a word's edge,
 * `[` that could open a link, `<` that could open a tag, `&` that could start an entity, and in a link's
 * text or alt `[` and `]`.
 * Plain prose stays as it was written.
 */
function escapeText(text: string): string {
	if (!(inBrackets ? MAY_NEED_ESCAPE_BRACKETED : MAY_NEED_ESCAPE).test(text)) return text;
	// A `[` can open a link only before the last `](` (one search, not one per bracket); in a link's text, anywhere.
	const linkClose = inBrackets ? text.length : text.lastIndexOf("](");
	let out = "";
	let last = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let esc = false;
		if (c === 92 || c === 42 || c === 96 || c === 126) esc = true;
		else if (c === 95) esc = !(i > 0 && isWordChar(text.charCodeAt(i - 1)) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1)));
		else if (c === 91) esc = i < linkClose;
		else if (c === 93) esc = inBrackets;
		else if (c === 60) {
			const d = text.charCodeAt(i + 1);
			esc = d === 47 || d === 33 || (d >= 65 && d <= 90) || (d >= 97 && d <= 122);
		} else if (c === 38) esc = looksLikeEntity(text, i);
		else if (c === 10) wroteNewline = true;
		if (esc) {
			out += text.slice(last === -1 ? 0 : last, i) + "\\";
			last = i;
		}
	}
	return last === -1 ? text : out + text.slice(last);
}

/**
 * A line that would start a block of its own (`#`, `>`, a list marker, `=`/`-` underline) gets a backslash;
 * every line but the first gets `rest` before it. One pass over the line starts; a block with nothing to
 * change (nearly all) comes back as it was, with no copy made.
 */
function escapeLineStarts(s: string, rest = ""): string {
	let out = "";
	let last = 0;
	let changed = false;
	let start = 0;
	for (;;) {
		const end = s.indexOf("\n", start);
		const lineEnd = end === -1 ? s.length : end;
		const at = escapeAt(s, start, lineEnd);
		if (at !== -1) {
			out += s.slice(last, at) + "\\";
			last = at;
			changed = true;
		}
		if (end === -1) break;
		start = end + 1;
		if (rest !== "") {
			out += s.slice(last, start) + rest;
			last = start;
			changed = true;
		}
	}
	return changed ? out + s.slice(last) : s;
}

/** Where the line `s[start, end)` needs a backslash so it does not open a block; -1 for nowhere. */
function escapeAt(s: string, start: number, end: number): number {
	const c = s.charCodeAt(start);
	if (c === 35 || c === 62 || c === 61) return start;
	if ((c === 45 || c === 43) && (end - start === 1 || s.charCodeAt(start + 1) === 32)) return start;
	if (c >= 48 && c <= 57) {
		let j = start + 1;
		while (j < end && j - start < 10 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
		const d = j < end ? s.charCodeAt(j) : NaN;
		if ((d === 46 || d === 41) && (j + 1 === end || s.charCodeAt(j + 1) === 32)) return j;
	}
	return -1;
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
	if (text.indexOf("`") === -1) return 0;
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
