/**
 * The line-by-line pass over a note (or the part of it an embed asks for). Block decisions happen per
 * line with a small state (fence, math block, comment, indented code, list); the rest of each line goes
 * through the inline pass. Embedded notes are converted by a nested BlockConverter.
 */

import { componentTags, esmBlockEnd, esmImageImports, isEsmLine, isMdxCommentLine, mayStartComponentAt, mayStartJsxHtmlAt, type JsxTag } from "./jsx-lines";
import { embeddedLineTag, newScope, rebaseScope, resolveCached, warn, type ConvertContext, type FootnoteDefinition, type LoadedNote } from "./convert-context";
import { convertInlineInto, convertInlineText, inlineEnv, isTagOnlyLine, type InlineEnv, type InlineResult } from "./inline";
import { closesFence, columnOf, fenceOpen, fencedLines, leftOfItem, rawHtmlClose, rawHtmlEnd, findBlock, findHeadingSection, itemFence, listItem, parseHeading, quoteContentStart, splitQuote, splitQuoteUpTo, trailingBlockId, type LineRange } from "./sections";
import { linkReferencesOf } from "./link-references";
import { NoteLines } from "./note-lines";
import { mayHoldMarkup, parseInlineFlat, plainText, type InlineReport } from "./inline-tree";
import { isRule, setextLevel, startsBlock, stripIndent } from "./story-builder";
import { codeSpan, indentOf, isAttributeList, isBlank, isEscaped, isSpace, joinsWithoutSpace, longestRun } from "./text-scan";
import { withoutMacroDefinitions } from "./math-macros";
import { decodeEntities } from "./entities";
import { embedQuoteUrl, htmlTagEnd, isEmbedQuote, isEmbedScript } from "./html-media";
import { ALIGNED_TEXT_CODE, ALIGNED_TEXT_MESSAGE, RAW_HTML_CODE, RAW_HTML_MESSAGE, SITE_TAG_CODE } from "./rules/inline-rules";
import { isRowCandidate, parseDelimiterRow, renderTextTable, splitRow, type Align } from "./text-table";
import { closesPairedTag, closesSiteCode, gistScriptUrl, isRawTag, isRawTagLine, joinTagLines, mayBeSiteTag, siteCodeEnd, siteCodeOf, siteCodeOpen, type SiteCodeOpen, siteQuoteOf, type SiteTag, siteTagOf, tagLinesEnd } from "./site-tags";
import { noteCrossrefs, tableCaption } from "./quarto-crossrefs";
import { cellHiddenBy, codeTitle, componentCallout, HIDDEN_CELL_CODE, isCellOption, codeFileLines, codeFilePath, isLinkCardInfo, isTabsInfo, linkCardLines, yamlField, tabLabel, multiColumnMarker, MULTI_COLUMN_BLOCKS, componentEmbed, componentImage, componentLabel, componentLink, containerCloseColons, containerOpen, eleventyImage, isTabComponent, MATH_MACROS_CODE, MATH_MACROS_MESSAGE, MDX_COMPONENT_CODE, mdxComponentMessage, mkdocsOpen, shownCodeLine, withoutHeadingId, zolaShortcode } from "./rules/block-rules";
import { offSiteFlag, offSiteText } from "./site-visibility";

/**
 * An open blog container: a `:::note` … `:::` block (Docusaurus, VuePress, VitePress) or an MDX
 * component (`<Tabs>` … `</Tabs>`). Its lines are read as markdown, as the blog does.
 */
interface BlogContainer {
	/** A `:::` block: how many colons opened it; 0 for a component. */
	colons: number;
	/** A component's name (its closing tag closes it). */
	name: string;
	/** Whether it is a callout (its lines are a quote's). */
	quote: boolean;
	/** How much indent its lines lose (MDX reads a component's indented children as markdown); -1 until its first line sets it. */
	strip: number;
	/** An MkDocs block (admonition, tab): a line indented less than `strip` ends it. */
	dedent?: boolean;
	/** A line the quote ends with (Hexo's blockquote: its author and source), shown after a dash. */
	footer?: string | null;
}

/** Where this conversion sits: the root note, or an embed at some depth. */
export interface ConversionFrame {
	depth: number;
	/** Keys (`path#subpath`) of the notes being embedded, root first, to stop cycles. */
	stack: string[];
	/** For the root: the line index of the H1 that became the title (dropped from the body), or -1. */
	titleLine: number;
	/** The title's last line: the `===` under a setext H1 (dropped with it), else titleLine. */
	titleEnd?: number;
	/** For embeds: the root line that embedded them, used for all their warnings. */
	warnLine: number | null;
}

/** The footnote definition at the start of a line: its label and where its text starts. */
export function footnoteDefinition(line: string): { label: string; textStart: number } | null {
	if (!line.startsWith("[^")) return null;
	const close = line.indexOf("]:", 2);
	if (close <= 2) return null;
	// Spaces inside it are the label's (`[^Idea One]`), as a reference reads them; a blank label is none.
	const label = line.slice(2, close).trim();
	if (label === "" || label.indexOf("]") !== -1) return null;
	return { label: label.toLowerCase(), textStart: close + 2 };
}

/**
 * Where a footnote's next paragraph starts when line `blank` (blank) and any blank lines after it are
 * followed by an indented line, or -1 (then the blank line ends the definition).
 */
function footnoteParagraphAfter(lines: NoteLines, blank: number): number {
	let j = blank + 1;
	while (j < lines.count && isBlank(lines.line(j))) j++;
	return j < lines.count && isIndentedCode(lines.line(j)) ? j : -1;
}

/**
 * Whether a non-blank line right under a footnote definition's text continues it: an indented line, or
 * (CommonMark's lazy continuation) an unindented one that starts no block of its own, nor a new
 * definition or a math block. Only lines inside a definition are asked.
 */
function continuesFootnote(line: string): boolean {
	if (isIndentedCode(line)) return true;
	const t = line.trimStart();
	return !startsBlock(line) && !t.startsWith("$$") && footnoteDefinition(t) === null;
}

/** A line's parts with its text joined in front (one space where an embed was) and its block parts after. */
function textFirst(parts: Array<string | string[]>): Array<string | string[]> {
	let text = "";
	const blocks: Array<string | string[]> = [];
	for (const part of parts) {
		if (typeof part !== "string") blocks.push(part);
		else if (text === "") text = part.trimEnd();
		else if (part.trim() !== "") text = text.trimEnd() + " " + part.trimStart();
	}
	return text === "" ? blocks : [text, ...blocks];
}

/** Whether a line starts with a tab or four spaces (read as char codes: startsWith is a call each). */
function isIndentedCode(line: string): boolean {
	const c = line.charCodeAt(0);
	return c === 9 || (c === 32 && line.charCodeAt(1) === 32 && line.charCodeAt(2) === 32 && line.charCodeAt(3) === 32);
}

/** A callout's header (`[!type]± Title`, past its `>`) → its title as written (else the type's name); null when it is not one. */
function calloutTitle(trimmed: string): string | null {
	const close = trimmed.indexOf("]");
	if (close < 3) return null;
	const type = trimmed.slice(2, close).trim();
	if (type.length === 0 || type.includes("[")) return null;
	let rest = trimmed.slice(close + 1);
	if (rest.startsWith("+") || rest.startsWith("-")) rest = rest.slice(1);
	if (rest.length > 0 && rest[0] !== " " && rest[0] !== "\t") return null;
	// Without a title, the type's name is the title; its metadata (`[!note|wide]`, for the theme) is not.
	const bar = type.indexOf("|");
	const name = bar === -1 ? type : type.slice(0, bar).trim();
	return rest.trim() || name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
}

/**
 * A footnote's text, one line at a time. On Medium a note is a numbered item, which holds no block:
 * a quote inside it is its text without the `>`, a bullet is led by a dash (as under a numbered item in
 * the body), and a code block's lines are code each on a line of its own, its fences gone; each starts a
 * line. A line of the same paragraph is a line break, as Obsidian shows one (a space with Strict line breaks).
 */
class FootnoteText {
	/** The open code fence inside the note, or null. */
	private fence: { char: string; len: number; indent: number } | null = null;
	/** Whether the last line was a quote's: the next quoted line goes on its paragraph. */
	private quoted = false;
	text = "";
	constructor(private readonly strict: boolean) {}

	/** Whether the text ends in a line of code (a block id there is code too). */
	private endsInCode = false;

	/** Adds a line of the note (its first, after the label, too); `paragraph`: it starts a paragraph (blank lines before it). */
	add(line: string, paragraph: boolean): void {
		let t = line.trim();
		if (this.fence !== null) {
			if (closesFence(t, this.fence)) this.fence = null;
			else if (t !== "") {
				this.text += (this.text === "" ? "" : "\\\n") + lineAsCode(t);
				this.endsInCode = true;
			}
			return;
		}
		if (paragraph) this.endParagraph();
		const c = t.charCodeAt(0);
		let block = paragraph;
		if (c === 96 || c === 126) {
			const open = fenceOpen(t);
			if (open !== null) {
				this.fence = { char: open.char, len: open.len, indent: 0 };
				return;
			}
		}
		const quoted = c === 62;
		if (quoted) {
			t = splitQuote(t).content.trim();
			if (t === "") return; // a `>` line alone parts the quote's paragraphs: the next line starts one
			block ||= !this.quoted;
			// A callout's header opening the quote: its title in bold, as a callout's title shows in the body.
			const title = !this.quoted && t.startsWith("[!") ? calloutTitle(t) : null;
			if (title !== null) t = `**${title}**`;
		} else if (c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57)) {
			const item = listItem(t);
			if (item !== null) {
				block = true;
				if (c < 48) t = "– " + t.slice(item.contentStart).trimStart();
			}
		}
		this.quoted = quoted;
		this.endsInCode = false;
		if (this.text === "") this.text = t;
		else this.text += (block || !this.strict ? "\\\n" : joinsWithoutSpace(this.text, this.text.length, t, 0) ? "" : " ") + t;
	}

	/** The note's text, its last paragraph ended. */
	finish(): string {
		this.endParagraph();
		return this.text;
	}

	/** A block id (` ^id`) ending a paragraph of the note is hidden, as Obsidian hides one at any block's end. */
	private endParagraph(): void {
		if (this.endsInCode) return;
		const at = trailingBlockId(this.text);
		if (at !== -1) this.text = this.text.slice(0, at);
	}
}

/** Whether a quoted line (`depth` `>`, then `content`) goes on the paragraph of a footnote defined in a quote `want` deep. */
function continuesQuotedFootnote(depth: number, content: string, want: number): boolean {
	return depth === want && !isBlank(content) && !startsBlock(content) && footnoteDefinition(content.trimStart()) === null;
}

/** A line of code inside text: a code span, or its text escaped when two backticks in a row would open a fence at a line's start. */
function lineAsCode(text: string): string {
	return text.indexOf("``") === -1 ? codeSpan(text) : text.replace(/[\\`*_[\]<>$=~%^#|]/g, "\\$&");
}

/**
 * Line `i`, indented, as a footnote definition's text from its `[^`, or null: up to 3 spaces in, or more
 * under a line of text (a list item's, whose text it is indented to); after a blank line 4 columns in, it is code.
 */
function indentedDefinition(lines: NoteLines, i: number): string | null {
	const line = lines.line(i);
	const at = indentWidth(line);
	if (line.charCodeAt(at) !== 91 || line.charCodeAt(at + 1) !== 94) return null;
	return isIndentedCode(line) && (i === 0 || isBlank(lines.line(i - 1))) ? null : line.slice(at);
}

/** Collects a note's footnote definitions once, so references anywhere can be numbered in one pass. */
export function collectFootnotes(ctx: ConvertContext, note: LoadedNote, scanned: Set<string>): void {
	if (scanned.has(note.path)) return;
	scanned.add(note.path);
	const lines = note.lines;
	const fenced = fencedOf(note);
	let defs = ctx.footnoteDefs.get(note.path);
	for (let i = note.bodyStart; i < lines.count; i++) {
		if (fenced[i] || lines.firstSignificant(i) !== 91) continue;
		// One in a quote or callout (`> [^a]: text`) is a note too, with its paragraph's later lines there.
		const quoted = lines.startsWith(i, ">");
		const indented = !quoted && !lines.startsWith(i, "[");
		const inQuote = quoted ? splitQuote(lines.line(i)) : null;
		const line = inQuote !== null ? inQuote.content.trimStart() : indented ? indentedDefinition(lines, i) : lines.line(i);
		if (line === null) continue;
		const def = footnoteDefinition(line);
		if (!def) continue;
		const defLine = i + 1;
		const shown = new FootnoteText(ctx.strictLineBreaks);
		shown.add(line.slice(def.textStart), false);
		while (inQuote !== null && i + 1 < lines.count) {
			const next = splitQuote(lines.line(i + 1));
			if (!continuesQuotedFootnote(next.depth, next.content, inQuote.depth)) break;
			shown.add(next.content, false);
			i++;
		}
		for (; !quoted; ) {
			const next = i + 1 < lines.count ? lines.line(i + 1) : "";
			if (!isBlank(next) && continuesFootnote(next)) {
				shown.add(next, false);
				i++;
				continue;
			}
			// Blank lines then an indented one: a later paragraph of the note, after a (hard) line break.
			const after = isBlank(next) && i + 1 < lines.count ? footnoteParagraphAfter(lines, i + 1) : -1;
			if (after === -1) break;
			shown.add(lines.line(after), true);
			i = after;
		}
		const text = shown.finish();
		if (!defs) ctx.footnoteDefs.set(note.path, (defs = new Map<string, FootnoteDefinition>()));
		if (!defs.has(def.label)) defs.set(def.label, { notePath: note.path, text, line: defLine, number: 0 });
	}
}

/** The fenced-lines table of a note, computed once. */
export function fencedOf(note: LoadedNote): Uint8Array {
	if (!note.fenced) note.fenced = fencedLines(note.lines);
	return note.fenced;
}

/**
 * Where the root's output lines go, one markdown line and its root line number at a time (the story
 * builder). An object rather than a callback: a closure made per conversion is a new call target each
 * time, and V8 threw away the optimized line loop at the first line of every conversion.
 */
export interface LineSink {
	/** `scope`: the embed scope the line came in by (0: the root note's own line; see ctx.scopeParents). */
	push(line: string, lineNumber: number, scope: number): void;
}

export class BlockConverter {
	/** The output lines so far: the first {@link n} entries count (stale ones past it are overwritten). */
	private readonly out: string[] = [];
	/**
	 * For each output line, where it came from. The root: the 1-based root-note line, or for a line of an
	 * embedded note a tag ({@link embeddedLineTag}) that also names that note's own line. An embed's own
	 * converter: the line's index in `ctx.lineOrigins`, which the root turns into a tag.
	 */
	private readonly lineNumbers: number[] = [];
	/** For each output line, the embed scope it came in by (0: this note's own line; see ctx.scopeParents). */
	private readonly lineScopes: number[] = [];
	private n = 0;
	/** An open code fence; `depth` is how many `>` its opener had (its lines keep any deeper ones). */
	/** An open code block; `site` when a highlight tag inside a quote opened it (its closing tag ends it). */
	/** An open code block; `itemCol`: the column of the text of the list item whose line opened it, which it ends with. */
	private fence: { char: string; len: number; depth: number; indent: number; site?: SiteCodeOpen; itemCol?: number; cell?: boolean } | null = null;
	/**
	 * An open Admonition block (```` ```ad-note ````): its lines are read as a callout's, up to its closing fence.
	 * Under a list item, `lead` is its fence's indent, kept before the callout's `>` so the callout is the
	 * item's; `strip` the fence's columns, which its lines lose; `itemCol` the item's text, a line left of which ends it.
	 */
	private admonition: { char: string; len: number; indent: number; depth: number; lead: string; strip: number; itemCol: number; tabs?: boolean; parent: BlockConverter["admonition"] } | null = null;
	/** The open blog containers, innermost last (null when none). */
	private containers: BlogContainer[] | null = null;
	/** How many of them are MkDocs blocks, which a dedented line closes. */
	private dedentContainers = 0;
	/** Whether a Liquid `{% comment %}` was found with no `{% endcomment %}` after it. */
	private liquidCommentUnclosed = false;
	/** For paired site tags (`{{< notice >}}`): the line of the closing tag last found after an opener, by name (-1: none). */
	private pairedCloses: Map<string, number> | null = null;
	/** The images the post's ESM lines import by name (`import cover from './cover.png'`), for `<Image src={cover} />`. */
	private esmImages: Map<string, string> | null = null;
	/** Whether a note that is not an .mdx file was warned that its import/export lines were left out. */
	private esmWarned = false;
	/** The MDX components already warned about (one warning per name). */
	private componentsWarned: Set<string> | null = null;
	/** An open `$$` block: the quote prefix of its lines, and the indent of its `$$` (a list item's), kept on its fences. */
	/** An open display-math block: its quote prefix, its indent, whether an item holds it, and the lines its `$$` is on (root, own). */
	private mathBlock: { prefix: string; lead: string; item?: boolean; line: number; ownLine: number } | null = null;
	private commentClose: "%%" | "-->" | null = null;
	/**
	 * The open comment started after text on its line, the last output line: the text after its close
	 * goes on that line (Obsidian hides the comment inside it; the line ends inside the comment are gone).
	 */
	private commentJoin = false;
	private indentedCode = false;
	/** An open raw HTML block (CommonMark's kinds 6 and 7), which a blank line ends: its markdown is text. */
	private htmlBlock = false;
	/** The indent of the open raw HTML block's lines when a list item holds it ("" at the top level). */
	private htmlLead = "";
	/** The quote depth of a raw HTML block open inside a quote (0 for none), which a blank quote line ends. */
	private quoteHtml = 0;
	/** How the block's next line joins the text line before it (see htmlBlockLine). */
	private htmlJoin = HtmlJoin.None;
	/** The text so far of a `<summary>` whose `</summary>` is on a later line, with the prefix and lead of its first line. */
	private summaryOpen: { text: string; prefix: string; lead: string } | null = null;
	/** How many `<blockquote>` are open in the raw HTML block: its text is a quote's, as Obsidian shows it. */
	private htmlQuote = 0;
	/** A raw HTML block's line (or lines) ending inside a tag, read with the next (see htmlLine). */
	private htmlCarry: { text: string; prefix: string; lead: string; lines: number } | null = null;
	/** An HTML heading whose closing tag is on a later line: its level, its text so far, its block's prefix, its lines. */
	private htmlHeading: { level: number; text: string; prefix: string; lines: number } | null = null;
	/** A `<video>` or `<audio>` whose closing tag is on a later line: its lines so far. */
	private htmlPlayer: { name: string; text: string; prefix: string; lead: string; lines: number } | null = null;
	/** The HTML lists open in the raw HTML block, innermost last: 0 for a `<ul>`, an `<ol>`'s next number. */
	private htmlLists: number[] | null = null;
	/** The marker (`- `, `2. `) of an `<li>` whose text has not come yet. */
	private htmlItem: string | null = null;
	/** A pasted post's `<blockquote class="twitter-tweet">` whose `</blockquote>` is on a later line: its tag and lines so far. */
	private embedQuote: { text: string; parts: string[]; prefix: string; lead: string } | null = null;
	private prevBlank = true;
	/** Kinds of highlight block (1 Hugo's, 2 Liquid's; 4 and 8 read in quoted lines) found to have no closing tag in the range after some line (see siteCode). */
	private siteCodeUnclosed = 0;
	/** For Hugo's and Liquid's highlight tags in quoted lines: the last closing tag found, and the longest run of backticks up to it. */
	private readonly quotedSiteClose = [
		{ at: -1, longest: 0 },
		{ at: -1, longest: 0 },
	];
	private listActive = false;
	/** The column where the last list item's text starts (a quote less than 4 columns past it is the item's). */
	private itemText = 0;
	/** The same for the last list item inside a quote, and that quote's depth. */
	private quoteItemText = 0;
	private quoteItemDepth = 0;
	private footnoteLines = false;
	/** The depth of the quote a footnote was just defined in (its later quoted lines are the note's), or 0. */
	private quotedFootnote = 0;
	/** Whether the line before was a callout's title (a lazy line after it is the callout's body). */
	private calloutTitle = false;
	/** How many `>` the last quoted line had (0 after a line outside quotes). */
	private quoteDepth = 0;
	/** The root-note line the current output belongs to (an embed's lines all carry the embedding line). */
	private line = 0;
	/** The current line in this converter's own note, for warnings from an embedded note. */
	private ownLine = 0;
	/** An embed's converter: the own line last registered in `ctx.lineOrigins`, and its index there. */
	private originLine = 0;
	private origin = 0;

	constructor(
		private readonly ctx: ConvertContext,
		private readonly note: LoadedNote,
		private readonly range: LineRange,
		private readonly frame: ConversionFrame,
		private readonly footnotesScanned: Set<string>,
	) {}

	/**
	 * Converts the range; returns the output lines (no trailing blank lines), each a markdown line the
	 * story builder reads, with its root-note line in {@link lineNumbers}.
	 */
	run(sink?: LineSink): string[] {
		collectFootnotes(this.ctx, this.note, this.footnotesScanned);
		this.convertRange(sink);
		this.endHtmlBlock();
		if (this.fence) this.emitRaw((this.fence.depth > 0 ? "> " : "") + this.fence.char.repeat(this.fence.len));
		if (this.mathBlock) this.unclosedMath(this.mathBlock);
		if (this.mathBlock && !this.mathBlock.item) this.emitRaw(this.mathBlock.prefix + this.mathBlock.lead + "```");
		while (this.n > 0 && isBlankish(this.out[this.n - 1])) this.n--;
		if (sink) {
			for (let k = 0; k < this.n; k++) sink.push(this.out[k], this.lineNumbers[k], this.lineScopes[k]);
			this.n = 0;
		}
		this.out.length = this.lineNumbers.length = this.lineScopes.length = this.n;
		return this.out;
	}

	/**
	 * The line loop, a method of its own: inside run(), V8 compiled it on stack (OSR) before the code after
	 * it had ever run, and threw that code away at the loop's end on every conversion.
	 */
	private convertRange(sink: LineSink | undefined): void {
		const lines = this.note.lines;
		for (let i = this.range.start; i < this.range.end; i++) {
			this.at(i + 1);
			i = this.convertLine(lines, i);
			if (sink && this.n >= SINK_BATCH) this.flushTo(sink);
		}
	}

	/**
	 * Hands every output line but the last (which the blank-line rules may still replace) to the sink,
	 * so lines die young instead of surviving, and being copied by the collector, until the end. The
	 * arrays keep their size (only {@link n} drops): shrinking them made every batch grow them anew.
	 */
	private flushTo(sink: LineSink): void {
		const last = this.n - 1;
		for (let k = 0; k < last; k++) sink.push(this.out[k], this.lineNumbers[k], this.lineScopes[k]);
		this.out[0] = this.out[last];
		this.lineNumbers[0] = this.lineNumbers[last];
		this.lineScopes[0] = this.lineScopes[last];
		this.n = 1;
	}

	/**
	 * What the last output line was: text, blank, or a lone `>`. Kept here rather than read back from
	 * the output, since reading a freshly built line would make V8 copy it once more.
	 */
	private lastKind: LineKind = LineKind.Blank;

	private emitRaw(line: string): void {
		this.put(line);
		this.lastKind = kindOf(line);
	}

	/** Emits a line known to hold text. */
	private emitText(line: string): void {
		this.put(line);
		this.lastKind = LineKind.Text;
	}

	private put(line: string): void {
		this.out[this.n] = line;
		this.lineNumbers[this.n] = this.frame.depth === 0 ? this.line : this.ownOrigin();
		this.lineScopes[this.n] = 0;
		this.n++;
	}

	/** An embed's converter: the current own line's index in `ctx.lineOrigins`, registered once. */
	private ownOrigin(): number {
		if (this.originLine !== this.ownLine) {
			this.originLine = this.ownLine;
			this.origin = this.ctx.lineOrigins.push({ path: this.note.path, line: this.ownLine }) - 1;
		}
		return this.origin;
	}

	/**
	 * Emits a line an embed brought in, keeping where it was written (`origin`, see {@link lineNumbers})
	 * and the embed scope it came in by (`scope`, see {@link lineScopes}).
	 */
	private emitEmbedded(line: string, origin: number, scope: number): void {
		this.out[this.n] = line;
		this.lineNumbers[this.n] = this.frame.depth === 0 ? embeddedLineTag(origin, this.line) : origin;
		this.lineScopes[this.n] = scope;
		this.n++;
		this.lastKind = kindOf(line);
	}

	/** Emits a line outside code; runs of blank lines collapse to one. */
	private emit(line: string): void {
		const kind = kindOf(line);
		if (kind !== LineKind.Text) {
			const prev = this.lastKind;
			if (prev === LineKind.Blank || (prev === LineKind.Quote && kind === LineKind.Quote)) return;
			// A blank line after a lone `>` ends the quote: the `>` separator is no longer needed.
			if (kind === LineKind.Blank && prev === LineKind.Quote) {
				this.out[this.n - 1] = "";
				this.lastKind = LineKind.Blank;
				return;
			}
		}
		this.put(line);
		this.lastKind = kind;
	}

	/** Moves to 1-based line `n` of this converter's note. */
	private at(n: number): void {
		this.ownLine = n;
		this.line = this.frame.warnLine ?? n;
	}

	/** A warning names where it comes from: the root note's line, or an embedded note's path and own line. */
	private warn(code: string, message: string): void {
		if (this.frame.depth > 0) warn(this.ctx, code, message, this.ownLine, this.note.path, this.line);
		else warn(this.ctx, code, message, this.line);
	}

	private envs: [InlineEnv, InlineEnv] | null = null;
	/** Every line's inline result, one object per converter (an embed's converter has its own). */
	private readonly inlineResult: InlineResult = { text: "", parts: null, removed: false, openComment: null };

	/** The inline environment for the current line (two objects reused for the whole note). */
	private env(plain: boolean): InlineEnv {
		const envs = (this.envs ??= this.makeEnvs());
		const env = envs[plain ? 1 : 0];
		env.line = this.line;
		env.ownLine = this.ownLine;
		return env;
	}

	/**
	 * The two environments, made once. Apart from {@link env} because a function that makes closures
	 * allocates their context on every call, taken or not: env() did, once a line.
	 */
	private makeEnvs(): [InlineEnv, InlineEnv] {
		const embedNote = (path: string, subpath: string, written: string) => this.embed(path, subpath, written);
		const warnPath = this.frame.depth > 0 ? this.note.path : undefined;
		return [inlineEnv(this.ctx, this.note.path, 0, false, embedNote, warnPath, true), inlineEnv(this.ctx, this.note.path, 0, true, embedNote, warnPath, true)];
	}

	/** Converts line `i` (and any lines it consumes); returns the index of the last line consumed. */
	private convertLine(lines: NoteLines, i: number, rewritten?: string): number {
		let raw = rewritten ?? lines.line(i);
		if (this.admonition !== null && rewritten === undefined) {
			const ad = this.admonition;
			const body = this.admonitionBody(raw);
			if (body === null || closesFence(body, ad)) {
				// A code block left open inside ends with it (Obsidian reads the block as one fence, ```c and all).
				if (this.fence !== null) {
					this.emitRaw((this.fence.depth > 0 ? "> " : "") + this.fence.char.repeat(this.fence.len));
					this.fence = null;
				}
				// The callout ends with the block: the next line is not a lazy line of its last paragraph
				// (inside a quote, the quote goes on).
				// A block with no body closes right under its title: the next line is not the title's lazy line either.
				this.admonition = ad.parent;
				this.calloutTitle = false;
				this.emit(ad.depth === 0 ? "" : "> ".repeat(ad.depth - 1) + ">");
				this.prevBlank = ad.depth === 0;
				this.quoteDepth = ad.depth;
				// The quote around the block ended on this line: it is read as any other.
				if (body !== null) return i;
				// An inner block ends where the outer one does: the line is the outer one's.
				if (ad.parent !== null) return this.convertLine(lines, i);
			} else {
				// A tab's name: a bold paragraph of its own above the tab's content.
				const label = ad.tabs === true && this.fence === null ? tabLabel(body) : null;
				if (label !== null) {
					const quote = "> ".repeat(ad.depth);
					this.emit(quote.trimEnd());
					if (label !== "") this.convertLine(lines, i, ad.lead + quote + boldLabel(label));
					this.emit(quote.trimEnd());
					this.prevBlank = ad.depth === 0;
					return i;
				}
				raw = this.adLine(body);
			}
		} else if (rewritten === undefined) {
			if (this.dedentContainers > 0 && this.fence === null && this.mathBlock === null && this.commentClose === null && !isBlank(raw)) this.closeDedented(raw);
			if (this.containers !== null) {
				const inside = this.containerLine(lines, i, raw);
				if (typeof inside === "number") return inside;
				raw = inside;
			} else if (this.fence === null && this.mathBlock === null && this.commentClose === null && !this.indentedCode && mayOpenBlogBlock(raw.charCodeAt(0))) {
				const last = this.blogLine(lines, i, raw);
				if (last !== -1) return last;
			}
		}
		const afterTitle = this.calloutTitle;
		this.calloutTitle = false;
		if (this.commentClose) {
			const end = raw.indexOf(this.commentClose);
			if (end === -1) return i;
			raw = raw.slice(end + this.commentClose.length).trimStart();
			this.commentClose = null;
			const join = this.commentJoin;
			this.commentJoin = false;
			if (isBlank(raw)) return i;
			if (join) {
				this.prevBlank = false;
				this.emitInline("", raw, "", false, true);
				return i;
			}
		}
		if (this.fence) {
			const quoted = this.fence.depth > 0;
			const { depth, content } = quoted ? splitQuoteUpTo(raw, this.fence.depth) : { depth: 0, content: raw };
			if (depth < this.fence.depth) {
				// A line with fewer `>` than the opener ends the quote, and the code block with it.
				this.emitRaw("> " + this.fence.char.repeat(this.fence.len));
				this.fence = null;
			} else if (this.fence.itemCol !== undefined && leftOfItem(content, this.fence.itemCol)) {
				// A line left of the item's text ends the item, and the code block it opened: closed where the item's text is.
				this.emitRaw((quoted ? "> " : "") + " ".repeat(this.fence.itemCol) + this.fence.char.repeat(this.fence.len));
				this.fence = null;
			} else if (this.fence.site !== undefined && closesSiteCode(content.trim(), this.fence.site)) {
				this.emitRaw("> " + this.fence.char.repeat(this.fence.len));
				this.fence = null;
				return i;
			} else {
				// Liquid's `{% raw %}` alone on its line shows nothing on the blog, in code too.
				if (content.charCodeAt(0) === 123 && this.note.siteSyntax && isRawTagLine(content)) return i;
				if (this.fence.site === undefined && closesFence(content, this.fence)) {
					this.emitRaw(quoted ? "> " + content : content);
					this.fence = null;
					return i;
				}
				// A cell's options lead its code.
				if (this.fence.cell === true) {
					if (isCellOption(content)) return i;
					this.fence.cell = false;
				}
				// What the blog hides in code: Docusaurus's magic comment lines, a trailing `// [!code ++]`.
				const shown = shownCodeLine(content);
				if (shown === null) return i;
				this.emitRaw(quoted ? (shown === "" ? ">" : "> " + shown) : shown);
				return i;
			}
		}
		if (this.mathBlock) {
			const content = this.mathBlock.prefix ? splitQuote(raw).content : raw;
			const end = content.indexOf("$$");
			const block = this.mathBlock;
			if (block.item) {
				this.itemMathLine(end === -1 ? content : content.slice(0, end), block.prefix + block.lead);
				if (end === -1) return i;
				this.mathBlock = null;
				const after = content.slice(end + 2).trim();
				if (after) this.emitInline(block.lead, after, block.prefix);
				return i;
			}
			if (end === -1) {
				this.emitRaw(this.mathBlock.prefix + content);
				return i;
			}
			const prefix = this.mathBlock.prefix;
			if (content.slice(0, end).trim() !== "") this.emitRaw(prefix + content.slice(0, end).trimEnd());
			this.emitRaw(prefix + this.mathBlock.lead + "```");
			this.mathBlock = null;
			const after = content.slice(end + 2).trim();
			if (after) this.emitInline("", after, prefix);
			return i;
		}
		if (this.indentedCode) {
			if (isBlank(raw) || isIndentedCode(raw)) {
				this.emitRaw(raw);
				return i;
			}
			this.indentedCode = false;
		}
		if (this.htmlBlock) {
			// One under a list item goes on over the lines inside the item.
			if (!isBlank(raw) && (this.htmlLead === "" || indentOf(raw) >= this.itemText)) {
				if (i === this.frame.titleLine) return i; // the story's title (an HTML `<h1>` line)
				// A `<pre>` inside the block (a `<div>` around it) keeps its lines, as the browser does.
				const pre = this.htmlLead === "" && this.embedQuote === null ? preStart(raw) : -1;
				if (pre !== -1) return this.preInBlock(lines, i, pre);
				this.htmlLine(raw, "", this.htmlLead);
				return i;
			}
			this.htmlBlock = false;
			this.endHtmlBlock();
		}
		if (this.footnoteLines) {
			if (!isBlank(raw) && continuesFootnote(raw)) return i;
			// A later paragraph of the note (collectFootnotes took it): skip the blank lines up to it.
			const after = isBlank(raw) ? footnoteParagraphAfter(lines, i) : -1;
			if (after !== -1) return after - 1;
			this.footnoteLines = false;
		}
		if (i === this.frame.titleLine && this.frame.titleEnd !== undefined && this.frame.titleEnd > i) {
			this.prevBlank = true;
			return this.frame.titleEnd; // a setext title: its text and its underline
		}
		const r0 = raw.charCodeAt(0); // NaN for an empty line
		if (!(r0 > 32) && isBlank(raw)) {
			this.blankLine();
			return i;
		}
		// Multi-Column Markdown's markers: its columns follow one another, each column's blocks apart (a marker parts blocks as a blank line does).
		if ((r0 === 45 || r0 === 61 || r0 === 96) && raw.indexOf("column") !== -1) {
			const last = this.multiColumnLines(lines, i, raw);
			if (last !== -1) {
				this.blankLine();
				return last;
			}
		}
		if (this.prevBlank && !this.listActive && isIndentedCode(raw) && raw.trimStart()[0] !== ">") {
			this.indentedCode = true;
			this.emitRaw(raw);
			return i;
		}
		const wasBlank = this.prevBlank;
		if (r0 === 60) {
			const close = rawHtmlClose(raw);
			if (close !== null) return this.rawHtml(lines, i, close);
		}
		// A raw HTML block: Obsidian shows its lines as HTML, so markdown in them is text (its tags are read as in a paragraph).
		if (r0 === 60 && isHtmlBlockStart(raw, wasBlank || this.lastKind !== LineKind.Text)) {
			const tableEnd = /^<table\b/i.test(raw) ? this.htmlTable(lines, i) : -1;
			if (tableEnd !== -1) return tableEnd;
			this.htmlBlock = true;
			this.htmlLead = "";
			this.htmlJoin = HtmlJoin.None;
			this.prevBlank = false;
			this.listActive = false;
			if (i === this.frame.titleLine) return i; // the story's title (an HTML `<h1>` line)
			const pre = preStart(raw);
			if (pre !== -1) return this.preInBlock(lines, i, pre);
			this.htmlLine(raw);
			return i;
		}
		// Under a list item (its tag less than 4 columns past the item's text), the item holds the block.
		if ((r0 === 32 || r0 === 9) && this.listActive) {
			const at = indentWidth(raw);
			if (raw.charCodeAt(at) === 60 && indentOf(raw) < this.itemText + 4 && isHtmlBlockStart(raw.slice(at), wasBlank || this.lastKind !== LineKind.Text)) {
				this.htmlBlock = true;
				this.htmlLead = raw.slice(0, at);
				this.htmlJoin = HtmlJoin.None;
				this.prevBlank = false;
				this.htmlLine(raw, "", this.htmlLead);
				return i;
			}
		}
		// A tag written over several lines (`{{< figure` … `>}}`) is read as one line.
		// In an Obsidian note a Liquid tag (`{%`) is text: Obsidian shows it as written.
		const siteTag = (r0 === 123 || r0 === 32) && (this.note.siteSyntax || !startsLiquid(raw));
		const tagLast = siteTag && rewritten === undefined ? tagLinesEnd(lines, i, this.range.end) : -1;
		const tagText = tagLast === -1 ? raw : joinTagLines(lines, i, tagLast);
		const tag = siteTag && mayBeSiteTag(tagText) ? siteTagOf(tagText) : null;
		if (tag !== null) {
			// Jekyll's `{% raw %}` / `{% endraw %}` show nothing; the lines between are read as any others.
			if (isRawTag(tag)) return Math.max(i, tagLast);
			const open = siteCodeOf(tag);
			const code = open !== null ? this.siteCode(lines, Math.max(i, tagLast), open) : -1;
			if (code !== -1) return code;
		}
		if (tagLast !== -1) {
			// Any other: the inline pass reads it as a tag alone on its line (a figure's image, or left out with a warning).
			this.prevBlank = false;
			this.emitInline("", tagText, "");
			return tagLast;
		}
		this.prevBlank = false;
		// Only a line starting with `>` or a space can be quoted: the others make no split object.
		// A quote 1 to 3 spaces in, as far in as a list item's text, is the item's (read below, as a tab-indented one).
		const quote = r0 === 62 || (r0 === 32 && !(this.listActive && this.itemText > 0 && indentOf(raw) >= this.itemText)) ? splitQuote(raw) : null;
		let depth = quote === null ? 0 : quote.depth;
		// A quote under a nested list item (4 columns and more in, or after tabs) is the item's quote when it
		// starts less than 4 columns past the item's text (the story builder moves it out of the item).
		const itemQuote = depth === 0 && this.listActive && (r0 === 32 || r0 === 9) ? this.itemQuoteLine(raw) : 0;
		if (itemQuote < 0) return i;
		let content = quote === null ? raw : quote.content;
		// Inside a quote, the same for a quote under a list item of the quote's (`>         > [!note] T` under
		// `>     - b`): its `>` add to the line's, so a callout there is one, as outside a quote.
		if (depth > 0 && depth === this.quoteItemDepth && this.listActive && (content.charCodeAt(0) === 32 || content.charCodeAt(0) === 9)) {
			const at = indentWidth(content);
			if (content.charCodeAt(at) === 62 && indentOf(content) < this.quoteItemText + 4) {
				const inner = splitQuote(content.slice(at));
				depth += inner.depth;
				content = inner.content;
			}
		}
		// A line without `>` right under a callout's title is a lazy line of its body (the title's paragraph
		// goes on), unless it starts a block; later lazy lines the story builder reads as CommonMark does.
		if (this.quotedFootnote > 0) {
			if (continuesQuotedFootnote(depth, content, this.quotedFootnote)) return i;
			this.quotedFootnote = 0;
		}
		const prefix = depth > 0 || (afterTitle && !startsBlock(content)) ? "> " : "";
		// Most lines start with a printable ASCII character, which is not white space: for them the
		// trimmed line starts where the content does, so its first character decides which of the
		// checks below can apply, and the line is trimmed only for the few that read the trimmed text.
		const c0 = content.charCodeAt(0);
		const plainStart = c0 > 32 && c0 < 127;
		const trimmed = plainStart && c0 !== 36 && c0 !== 94 && c0 !== 91 ? null : content.trim(); // `$`, `^`, `[`
		if (depth > 0 && trimmed === "") {
			this.endHtmlBlock();
			this.emit(">"); // a paragraph break inside a quote
			this.quoteHtml = 0;
			// A deeper quote ends at it (`>` under `>> x`): the next `>> [!tip]` opens a new one, a callout.
			if (depth < this.quoteDepth) this.quoteDepth = depth;
			return i;
		}
		const quotedBefore = this.quoteDepth;
		if (depth > 0) {
			// A deeper `>` opens a nested quote, which ends the paragraph before it (a shallower one is a
			// lazy line of the same paragraph). Medium's quotes are flat: the nested text is a paragraph apart.
			if (depth > this.quoteDepth && this.quoteDepth > 0 && this.lastKind === LineKind.Text) this.emit(">");
			this.quoteDepth = depth;
		} else this.quoteDepth = itemQuote;
		// A raw HTML block inside a quote (a callout holding a `<div>`): its lines are HTML, as outside one, up to a blank quote line.
		if (this.quoteHtml > 0) {
			if (depth === this.quoteHtml) {
				this.htmlLine(content, prefix);
				return i;
			}
			this.quoteHtml = 0;
			this.endHtmlBlock();
		}
		if (depth > 0 && c0 === 60 && isHtmlBlockStart(content, this.lastKind !== LineKind.Text)) {
			this.quoteHtml = depth;
			this.htmlJoin = HtmlJoin.None;
			this.htmlLine(content, prefix);
			return i;
		}

		// A highlight tag inside a quote or a `:::` container opens a code block, as outside one.
		if (depth > 0 && (c0 === 123 || c0 === 32) && this.quotedSiteCode(lines, i, content, depth)) return i;
		const fence = plainStart ? (c0 === 96 || c0 === 126 ? fenceOpen(content) : null) : fenceOpen(content.trimStart());
		if (fence) {
			// In a quote or callout too (not in a blog's container, which reads its lines itself).
			if ((depth === 0 || this.containers === null) && plainStart && (fence.info.startsWith("ad-") || isTabsInfo(fence.info)) && rewritten === undefined) return this.admonitionOpen(lines, i, fence, depth);
			// Under a list item (less than 4 columns past its text), a callout of the item's, as `- > [!note]` is.
			if (depth === 0 && !plainStart && this.listActive && this.containers === null && rewritten === undefined && fence.info.startsWith("ad-") && indentOf(content) < this.itemText + 4) {
				return this.admonitionOpen(lines, i, fence, 0, content.slice(0, content.length - content.trimStart().length));
			}
			// A link card (Auto Card Link's ```cardlink, Link Embed's ```embed): what the card shows, its title linked.
			if (rewritten === undefined && this.containers === null && fence.info.length > 4 && isLinkCardInfo(fence.info)) {
				const end = this.linkCard(lines, i, fence, depth, content);
				if (end !== -1) return end;
			}
			if (rewritten === undefined && this.containers === null && fence.info.startsWith("embed-")) {
				const end = this.codeFile(lines, i, fence, depth, content);
				if (end !== -1) return end;
			}
			// A Quarto (knitr, Jupyter) code cell, ```{python}: its `#|` options are not shown, a hidden cell not at all.
			const cell = fence.info.charCodeAt(0) === 123 && /^\{[A-Za-z]/.test(fence.info);
			if (cell && depth === 0) {
				const hidden = this.hiddenCell(lines, i, fence);
				if (hidden !== -1) return hidden;
			}
			// The label the blog shows above the code (a code group's tab, a file name): a bold paragraph.
			const title = fence.info === "" ? null : codeTitle(fence.info);
			if (title !== null) {
				if (this.lastKind === LineKind.Text) this.emit(prefix === "" ? "" : ">");
				this.emitText(prefix + boldLabel(title));
			}
			this.fence = { char: fence.char, len: fence.len, depth, indent: plainStart ? 0 : content.length - content.trimStart().length, cell };
			this.emitRaw(prefix + content);
			return i;
		}
		if (trimmed !== null) {
			if (trimmed.startsWith("$$")) {
				const lead = content.slice(0, content.length - content.trimStart().length);
				// In a quote or a list item, the math stays there, a line of code each (see itemMath).
				if (prefix !== "") return this.itemMath(trimmed, i, prefix, "");
				if (quotedBefore === 0 && this.inListItem(lead)) return this.itemMath(trimmed, i, "", " ".repeat(this.itemText));
				return this.displayMath(trimmed, prefix, lead, i);
			}
			if ((c0 === 91 && footnoteDefinition(depth === 0 ? content : trimmed)) || ((c0 === 32 || c0 === 9) && trimmed.charCodeAt(0) === 91 && (depth > 0 || indentedDefinition(lines, i) !== null) && footnoteDefinition(trimmed))) {
				this.footnoteLines = depth === 0;
				this.quotedFootnote = depth;
				return i;
			}
			// A link reference definition (`[label]: url`, in a quote too) shows nothing; its links use it.
			if (trimmed.charCodeAt(0) === 91 && linkReferencesOf(this.note).lines.has(i)) return i;
			// A blog's table-of-contents marker (`[[toc]]` markdown-it/VitePress, `[TOC]` Python-Markdown, `${toc}`): Medium has no table of contents.
			if (trimmed.length <= 7 && isTocMarker(trimmed) && (trimmed.charCodeAt(1) !== 91 || resolveCached(this.ctx, "toc", this.note.path) === null)) return i;
			if (trimmed.startsWith("^") && trailingBlockId(trimmed) === 0) return i;
			// Only the first line of a quote (at its depth) can make it a callout: later ones are text.
			if (depth > quotedBefore && trimmed.startsWith("[!")) {
				const header = this.callout(trimmed);
				if (header !== null) {
					// The title is a paragraph of its own, apart from the body and from any callout before it.
					this.emit(">");
					if (header !== "") this.emit("> " + header);
					this.emit(">");
					this.calloutTitle = true;
					return i;
				}
			}
		}
		// A heading starts with `#` after at most three spaces.
		const h = c0 === 35 || c0 === 32 ? parseHeading(content) : null;
		if (h) {
			if (depth === 0 && i === this.frame.titleLine) return i;
			// remark-toc's heading (`## Table of contents`) with no text under it: the blog fills it with its table of contents, Medium has none.
			if (depth === 0 && this.note.siteSyntax && h.text.length < 18 && /^(?:(?:table[ -]of[ -])?contents?|toc)$/i.test(h.text.trim()) && this.sectionEmpty(lines, i)) return i;
			// Indented under a list item it may be the item's (the story builder decides by the indent): it keeps the indent.
			const indent = this.listActive && c0 === 32 ? content.slice(0, content.length - content.trimStart().length) : "";
			if (indent === "") this.listActive = false;
			this.emitInline(indent + HEADING_LEADS[h.level], withoutHeadingId(this.stripBlockId(h.text)), prefix, true);
			return i;
		}
		if (i + 1 < this.range.end && isRowCandidate(content) && mayBeDelimiterRow(this.lineAt(lines, i + 1))) {
			const next = splitQuote(this.lineAt(lines, i + 1));
			const aligns = next.depth === depth ? parseDelimiterRow(next.content) : null;
			// A table opening a list item (`- | a | b |`): the marker is not a cell.
			const item = aligns && (c0 === 45 || c0 === 42 || c0 === 43 || (c0 >= 48 && c0 <= 57) || !plainStart) ? listItem(content) : null;
			const header = aligns ? splitRow(item ? content.slice(item.contentStart) : content) : null;
			// GFM: the header row has as many cells as the delimiter row, or there is no table.
			if (aligns && header && header.length === aligns.length) return this.table(lines, i, header, depth, prefix, aligns);
		}
		// A tag starts with `#`; the root note's tags are the story's when no property names any.
		if ((c0 === 35 || !plainStart) && isTagOnlyLine(content, this.note.path === this.ctx.rootPath ? this.ctx : undefined)) return i;
		// A setext `===` underline is a heading's mark, not text: read inline, its `==` pairs were highlights.
		if ((c0 === 61 || !plainStart) && setextLevel(content) === 1) {
			this.emitText(prefix + content.trimEnd());
			return i;
		}

		// A block id ends its block (Obsidian): ` ^a` at the end of a line its paragraph goes on after is text.
		const idAt = trailingBlockId(content);
		let text = idAt === -1 || this.textGoesOn(lines, i, depth) ? content : content.slice(0, idAt);
		// A list marker: `-`, `*`, `+` or a digit, after white space.
		const item = !plainStart || c0 === 45 || c0 === 42 || c0 === 43 || (c0 >= 48 && c0 <= 57) ? listItem(text) : null;
		if (item) {
			this.listActive = true;
			if (depth === 0) this.itemText = indentOf(text) + item.contentStart - item.indent;
			else {
				this.quoteItemText = indentOf(text) + item.contentStart - item.indent;
				this.quoteItemDepth = depth;
			}
			const itemCode = itemFence(text);
			if (itemCode) {
				// The item's text opens a fence: its lines are code, up to the closing fence.
				this.fence = { char: itemCode.char, len: itemCode.len, depth, indent: itemCode.indent, itemCol: columnOf(text, itemCode.indent) };
				this.emitRaw(prefix + text);
				return i;
			}
			// The item's text opens a `$$` block (a Logseq outline's math): its lines are the item's code
			// block, up to the closing `$$`, as with a fence; `$$…$$` on the line stays inline math.
			if (text.charCodeAt(item.contentStart) === 36 && text.startsWith("$$", item.contentStart) && text.indexOf("$$", item.contentStart + 2) === -1) {
				const lead = text.slice(0, item.indent) + " ".repeat(item.contentStart - item.indent);
				return this.displayMath(text.slice(item.contentStart), prefix, lead, i, text.slice(0, item.contentStart));
			}
			// A callout opening the item (`- > [!tip] Title`): its title is a bold paragraph of its own, as
			// for a callout on its own line (the story builder moves the quote out of the item).
			if (depth === 0 && text.charCodeAt(item.contentStart) === 62) {
				const at = quoteContentStart(text.slice(item.contentStart));
				const quoted = at === -1 ? "" : text.slice(item.contentStart + at).trim();
				const header = quoted.startsWith("[!") ? this.callout(quoted) : null;
				if (header !== null) {
					const marker = text.slice(0, item.contentStart);
					this.emit(header !== "" ? marker + "> " + header : marker + ">");
					this.emit(">");
					this.calloutTitle = true;
					return i;
				}
			}
			text = taskItem(withoutInnerBullet(text, item.contentStart), item.contentStart);
		} else if (wasBlank && !isIndentedCode(raw) && depth === 0) {
			this.listActive = false;
		}
		// Inline math the line opens and a later line of its paragraph closes (`$a +` / `b$`): Obsidian's
		// MathJax reads it across the line break, so the lines are read as one (the break is inside the math).
		let last = i;
		if (text.indexOf("$") !== -1 && openInlineMath(text)) {
			let joined = text;
			for (let k = i + 1; k < this.range.end && k - i <= 8; k++) {
				const next = this.mathContinuation(lines.line(k), depth);
				if (next === null) break;
				joined = joined.trimEnd() + " " + next;
				if (!closesInlineMath(next)) continue;
				text = joined;
				last = k;
				if (!openInlineMath(joined)) break;
			}
		}
		this.emitInline("", text, prefix, item !== null);
		return last;
	}

	/** A later line's text when it goes on this paragraph (the same quote depth, not blank, starting no block), else null. */
	private mathContinuation(raw: string, depth: number): string | null {
		let content = raw;
		if (depth > 0) {
			const q = splitQuote(raw);
			if (q.depth !== depth) return null;
			content = q.content;
		} else if (raw.trimStart().startsWith(">")) return null;
		const t = content.trim();
		return t === "" || t.startsWith("$$") || startsBlock(content) || t.startsWith("[^") || t.startsWith("|") ? null : t;
	}

	/**
	 * A line indented under a list item that may be a quote of the item's (`\t\t> [!note] Title` under
	 * `\t- b`): how many `>` it has (0 when it is no such quote), or -1 when it is a callout's title, which
	 * this emits, as for a callout on its own line, the line's indent kept so it stays under the item.
	 */
	private itemQuoteLine(raw: string): number {
		let at = 0;
		while (raw.charCodeAt(at) === 32 || raw.charCodeAt(at) === 9) at++;
		if (raw.charCodeAt(at) !== 62 || indentOf(raw) >= this.itemText + 4) return 0;
		const q = splitQuote(raw.slice(at));
		const title = q.depth > this.quoteDepth ? q.content.trim() : "";
		const header = title.startsWith("[!") ? this.callout(title) : null;
		if (header === null) return q.depth;
		const lead = raw.slice(0, at);
		this.emit(lead + ">");
		if (header !== "") this.emit(lead + "> " + header);
		this.emit(lead + ">");
		this.calloutTitle = true;
		this.quoteDepth = q.depth;
		return -1;
	}

	/**
	 * Whether the line after line `i` goes on with the same paragraph's text (a lazy or indented line, not a
	 * block of its own), in a quote `depth` deep: a line of the same quote, or a lazy one without `>`.
	 */
	private textGoesOn(lines: NoteLines, i: number, depth: number): boolean {
		if (i + 1 >= this.range.end) return false;
		let next = this.lineAt(lines, i + 1);
		if (depth > 0 && (next.charCodeAt(0) === 62 || next.charCodeAt(0) === 32)) {
			const q = splitQuote(next);
			if (q.depth !== 0) {
				if (q.depth !== depth) return false;
				next = q.content;
			}
		}
		return !isBlank(next) && isLazyRow(next);
	}

	/** A blank line (or what parts blocks as one): whatever was open ends, and a paragraph break follows. */
	private blankLine(): void {
		this.endHtmlBlock();
		this.emit("");
		this.prevBlank = true;
		this.quoteDepth = this.quoteHtml = this.quotedFootnote = 0;
	}

	private stripBlockId(text: string): string {
		const at = trailingBlockId(text);
		return at === -1 ? text : text.slice(0, at);
	}

	/**
	 * ```` ```ad-note ```` (the Admonition plugin's block, in many vaults from before callouts): shown as a
	 * callout, so it becomes one, `> [!note] Title`, its body read as markdown. Its `title:`, `collapse:`,
	 * `icon:` and `color:` lines come first; returns the last of them.
	 */
	private admonitionOpen(lines: NoteLines, i: number, fence: { char: string; len: number; info: string }, depth: number, lead = ""): number {
		const type = fence.info.slice(3).split(/\s/, 1)[0];
		let title: string | null = null;
		let last = i;
		this.admonition = { char: fence.char, len: fence.len, indent: 0, depth, lead, strip: indentOf(lead), itemCol: lead === "" ? -1 : this.itemText, parent: this.admonition };
		// A tabs block: its tabs' content is read as markdown, each tab's name a bold paragraph (see convertLine);
		// a column's settings (`flexGrow=1` lines over `===`) are left out.
		if (!fence.info.startsWith("ad-")) {
			this.admonition.tabs = true;
			this.emit("> ".repeat(depth).trimEnd());
			while (last + 1 < this.range.end && /^\s*[\w-]+\s*=/.test(this.admonitionBody(lines.line(last + 1)) ?? "")) last++;
			return last > i && this.admonitionBody(lines.line(last + 1))?.trim() === "===" ? last + 1 : i;
		}
		while (last + 1 < this.range.end) {
			const m = /^(title|collapse|icon|color):(.*)$/.exec(this.admonitionBody(lines.line(last + 1)) ?? "");
			if (m === null) break;
			if (m[1] === "title") title = m[2].trim();
			last++;
		}
		// Inside a quote, a nested callout: a paragraph break before it keeps the quote.
		if (depth > 0) this.emit("> ".repeat(depth - 1) + ">");
		else if (!this.prevBlank && lead === "") this.emit("");
		// A blank `title:` shows no title: the body alone is quoted.
		if (title !== "") this.convertLine(lines, i, lead + "> ".repeat(depth) + `> [!${type}] ${title ?? ""}`);
		return last;
	}

	/**
	 * The text of a plugin's block opening at line `i` (its fence `content`, after `depth` quote markers),
	 * quote markers left out, and its closing fence's line; null when nothing closes it.
	 */
	private fencedBody(lines: NoteLines, i: number, fence: { char: string; len: number }, depth: number, content: string): { body: string; end: number } | null {
		const indent = content.length - content.trimStart().length;
		let body = "";
		for (let k = i + 1; k < this.range.end; k++) {
			let line = this.lineAt(lines, k);
			if (depth > 0) {
				const q = splitQuoteUpTo(line, depth);
				if (q.depth < depth) return null;
				line = q.content;
			}
			if (closesFence(line, { char: fence.char, len: fence.len, indent })) return { body, end: k };
			body += line + "\n";
		}
		return null;
	}

	/**
	 * A link card's block opening at line `i`: its title linked and its description, a paragraph of their
	 * own where the block stood (linkCardLines). Returns its closing fence's line; -1 when nothing closes
	 * it or it holds no web address (then code).
	 */
	private linkCard(lines: NoteLines, i: number, fence: { char: string; len: number }, depth: number, content: string): number {
		const block = this.fencedBody(lines, i, fence, depth, content);
		const shown = block === null ? null : linkCardLines(block.body);
		if (block === null || shown === null) return -1;
		const indent = content.length - content.trimStart().length;
		const lead = content.slice(0, indent) + "> ".repeat(depth);
		if (depth > 0) this.emit("> ".repeat(depth - 1) + ">");
		else if (!this.prevBlank && indent === 0) this.emit("");
		for (const md of shown) this.convertLine(lines, i, lead + md);
		this.emit(depth === 0 ? "" : "> ".repeat(depth - 1) + ">");
		this.prevBlank = depth === 0;
		return block.end;
	}

	/**
	 * Embed Code File's block (```` ```embed-go ```` with `PATH: "vault://a.go"`) opening at line `i`: the
	 * vault file's code (its `LINES` only) as a code block in the block's language, its `TITLE` (else its
	 * path) in bold above it, as the plugin shows it. -1 when the file is not in the vault (then code).
	 */
	private codeFile(lines: NoteLines, i: number, fence: { char: string; len: number; info: string }, depth: number, content: string): number {
		const block = content.startsWith(fence.char) ? this.fencedBody(lines, i, fence, depth, content) : null;
		const path = block === null ? null : codeFilePath(block.body);
		const text = path === null ? undefined : this.ctx.codeFiles?.get(path);
		if (block === null || path === null || typeof text !== "string") return -1;
		const code = codeFileLines(text, block.body);
		const prefix = depth > 0 ? "> " : "";
		if (this.lastKind === LineKind.Text) this.emit(prefix.trimEnd());
		this.emitText(prefix + boldLabel(yamlField(block.body, "TITLE") || path));
		const f = "`".repeat(Math.max(3, longestRun(code.join("\n"), "`") + 1));
		this.emitRaw(prefix + f + fence.info.slice(6).split(/\s/, 1)[0]);
		for (const line of code) this.emitRaw(prefix === "" ? line : line === "" ? ">" : "> " + line);
		this.emitRaw(prefix + f);
		return block.end;
	}

	/**
	 * A Multi-Column Markdown marker at line `i` (multiColumnMarker), with the settings block right after a
	 * region's start, or the region's start as a block (```` ```start-multi-column ````): the last line it
	 * takes, or -1 for any other line.
	 */
	private multiColumnLines(lines: NoteLines, i: number, raw: string): number {
		const fence = raw.charCodeAt(0) === 96 ? fenceOpen(raw) : null;
		const marker = fence === null ? multiColumnMarker(raw.trimEnd()) : fence.info === "start-multi-column" || fence.info === "multi-column-start" ? 1 : 0;
		if (marker === 0) return -1;
		let at = i;
		let block = fence;
		if (fence === null && marker === 1) {
			at = i + 1;
			while (at < this.range.end && isBlank(lines.line(at))) at++;
			block = at < this.range.end ? fenceOpen(lines.line(at)) : null;
			if (block === null || !MULTI_COLUMN_BLOCKS.has(block.info)) return i;
		}
		if (block === null) return i;
		// The block up to its closing fence (one left open: just its first line, the rest is the note's).
		for (let k = at + 1; k < this.range.end; k++) if (closesFence(lines.line(k), { char: block.char, len: block.len, indent: 0 })) return k;
		return at;
	}

	/** A line of the open Admonition block without the quote or item indent it sits in; null when that quote or item ended. */
	private admonitionBody(raw: string, ad = this.admonition): string | null {
		if (ad === null) return raw;
		// Inside another block, the line as that one reads it first: null when it ends there.
		if (ad.parent !== null) {
			const outer = this.admonitionBody(raw, ad.parent);
			if (outer === null || closesFence(outer, ad.parent)) return null;
			raw = this.adLine(outer, ad.parent);
		}
		if (ad.itemCol !== -1) return leftOfItem(raw, ad.itemCol) ? null : stripIndent(raw, ad.strip);
		const depth = ad.depth;
		if (depth === 0) return raw;
		const q = splitQuoteUpTo(raw, depth);
		return q.depth < depth ? null : q.content;
	}

	/**
	 * A line inside blog containers: its component indent removed, then read as a blog line (a container's
	 * own tags or colons); else returned as markdown, quoted once per callout around it.
	 */
	private containerLine(lines: NoteLines, i: number, raw: string): string | number {
		const containers = this.containers as BlogContainer[];
		const top = containers[containers.length - 1];
		let line = raw;
		if (top.strip === -1 && !isBlank(raw)) top.strip = indentWidth(raw);
		if (top.strip > 0) {
			let k = 0;
			while (k < top.strip && (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9)) k++;
			line = line.slice(k);
		}
		if (this.fence === null && this.mathBlock === null && this.commentClose === null && !this.indentedCode && mayOpenBlogBlock(line.charCodeAt(0))) {
			const last = this.blogLine(lines, i, line);
			if (last !== -1) return last;
		}
		const quotes = this.quotedContainers();
		if (quotes === 0) return line;
		return isBlank(line) ? "> ".repeat(quotes - 1) + ">" : "> ".repeat(quotes) + line;
	}

	/** How many of the open containers are callouts. */
	private quotedContainers(): number {
		let q = 0;
		if (this.containers !== null) for (const c of this.containers) if (c.quote) q++;
		return q;
	}

	/**
	 * A line of a blog engine's own syntax, which only the blog renders (block-rules.ts): MDX's
	 * `import`/`export` lines (up to a blank line, as MDX reads them) and `{/* comments *\/}`, lines of JSX
	 * component tags, `:::` containers. Returns the last line it took, or -1 when the line is none of these.
	 */
	private blogLine(lines: NoteLines, i: number, line: string): number {
		let s = 0;
		while (line.charCodeAt(s) === 32 || line.charCodeAt(s) === 9) s++;
		// Four columns in after a blank line, outside a component, it is indented code (JSX shown as code).
		if (s >= 4 && this.containers === null && this.prevBlank && !this.listActive) return -1;
		const c = line.charCodeAt(s);
		if (c === 60) {
			const html = this.markdownHtmlLine(lines, i, line.slice(s).trimEnd());
			if (html !== -1) return html;
			return mayStartComponentAt(line, s) || (mayStartJsxHtmlAt(line, s) && /\.mdx$/i.test(this.note.path)) ? this.componentLines(lines, i, line) : -1;
		}
		if (c === 58 && s <= 3) return this.colonContainer(lines, i, line.slice(s));
		// `!!!`, `???`, `===`: three alike (an image's `![` is not), read before any slicing.
		if ((c === 33 || c === 63 || c === 61) && line.charCodeAt(s + 1) === c && line.charCodeAt(s + 2) === c && (s <= 3 || this.listActive)) return this.mkdocsBlock(lines, i, line, s);
		if (c === 123) return this.braceLine(lines, i, line.trim());
		if (s === 0 && this.containers === null && this.prevBlank && !this.listActive && isEsmLine(line)) {
			const end = esmBlockEnd(lines, i, this.range.end);
			// In an .mdx post these lines are code the blog runs; in a note Obsidian would show them as text, so say so (once).
			if (!this.esmWarned && !/\.mdx$/i.test(this.note.path)) {
				this.esmWarned = true;
				this.warn(MDX_COMPONENT_CODE, "Lines of MDX import/export statements were left out (only a blog that reads MDX runs them); put them in a code block to publish them as code.");
			}
			esmImageImports(lines, i, end, (this.esmImages ??= new Map<string, string>()));
			return end;
		}
		return -1;
	}

	/** A line of only an MDX comment (dropped), Eleventy's image shortcode (the image) or a Zola shortcode (its video's embed, else dropped with a warning); -1 for others. */
	private braceLine(lines: NoteLines, i: number, trimmed: string): number {
		if (isMdxCommentLine(trimmed)) return i;
		const second = trimmed.charCodeAt(1);
		// kramdown's attributes (`{: .notice}`, `{:.no_toc}`, `{::options … /}`) style the block on the blog: nothing to show.
		// Python-Markdown's attribute list alone on its line (`{ style="display: inline" }`, `{ .center }`) too.
		if ((second === 32 || second === 35 || second === 46) && isAttributeList(trimmed)) return i;
		if (second === 58 && isKramdownAttributes(trimmed)) {
			if (/^\{:[ \t]*toc[ \t]*\}$/.test(trimmed)) this.dropTocItem();
			return i;
		}
		if (second === 37 || (second === 123 && (trimmed.charCodeAt(2) === 60 || trimmed.charCodeAt(2) === 37))) {
			const quote = this.siteQuote(lines, i, trimmed);
			if (quote !== -1) return quote;
		}
		const image = second === 37 /* % */ ? eleventyImage(trimmed) : null;
		if (image !== null) {
			this.containerBreak();
			this.convertLine(lines, i, this.quotePrefix() + image);
			this.containerBreak();
			return i;
		}
		const zola = second === 123 ? zolaShortcode(trimmed) : null;
		if (zola === null) return -1;
		if (zola !== "") {
			this.containerBreak();
			this.convertLine(lines, i, this.quotePrefix() + zola);
			this.containerBreak();
		} else this.warn(SITE_TAG_CODE, `Zola shortcode ${trimmed.length > 60 ? trimmed.slice(0, 57) + "…" : trimmed} only renders on the blog; it was left out.`);
		return i;
	}

	/**
	 * A Hugo callout shortcode or Hexo's blockquote alone on its line, with its closing tag on a later
	 * line: opens a quote (a callout, its title first); the closing tag closes it (a blockquote's source
	 * last). -1 for another line, or an opening tag that nothing closes (left out with a warning, as before).
	 */
	private siteQuote(lines: NoteLines, i: number, trimmed: string): number {
		const tag = siteTagOf(trimmed);
		if (tag === null || (!tag.hugo && !this.note.siteSyntax)) return -1;
		// Liquid's `{% comment %}` … `{% endcomment %}`: the blog shows nothing of it.
		if (!tag.hugo && tag.name === "comment") {
			if (this.liquidCommentUnclosed) return -1;
			for (let k = i + 1; k < this.range.end; k++) {
				const line = lines.line(k);
				if (line.indexOf("endcomment") === -1) continue;
				const close = siteTagOf(line.trim());
				if (close !== null && !close.hugo && close.name === "endcomment") return k;
			}
			this.liquidCommentUnclosed = true; // none after this one: none after a later one either
			return -1;
		}
		const containers = this.containers;
		if (containers !== null && (tag.hugo ? tag.name.charCodeAt(0) === 47 : tag.name.startsWith("end"))) {
			const key = (tag.hugo ? "{{" : "{%") + tag.name.slice(tag.hugo ? 1 : 3);
			const at = lastContainer(containers, (c) => c.colons === 0 && c.name === key);
			if (at === -1) return -1;
			const footer = containers[at].footer;
			if (footer != null) {
				this.containerBreak();
				this.convertLine(lines, i, this.quotePrefix() + "— " + footer);
			}
			this.closeContainers(at);
			return i;
		}
		const quote = siteQuoteOf(tag);
		if (quote === null || !this.pairedTagCloses(lines, i, tag)) return -1;
		const strip = containers === null ? 0 : Math.max(0, containers[containers.length - 1].strip);
		this.openContainer({ colons: 0, name: (tag.hugo ? "{{" : "{%") + tag.name, quote: true, strip, footer: quote.footer }, lines, i, quote.callout);
		return i;
	}

	/** Whether a line after `i` closes the paired tag `tag` opens (one look a name: a later opener before that close reuses it). */
	private pairedTagCloses(lines: NoteLines, i: number, tag: SiteTag): boolean {
		const key = (tag.hugo ? "{{" : "{%") + tag.name;
		const known = (this.pairedCloses ??= new Map<string, number>()).get(key);
		if (known !== undefined && (known === -1 || known > i)) return known > i;
		const needle = tag.hugo ? "/" + tag.name : "end" + tag.name;
		let found = -1;
		for (let k = i + 1; k < this.range.end && found === -1; k++) {
			const line = lines.line(k);
			if (line.indexOf(needle) === -1) continue;
			const close = siteTagOf(line.trim().replace(/^(?:>[ \t]?)+/, ""));
			if (close !== null && closesPairedTag(close, tag.hugo, tag.name)) found = k;
		}
		this.pairedCloses.set(key, found);
		return found !== -1;
	}

	/**
	 * An HTML tag alone on its line that asks for markdown inside (`<div class="notice" markdown="1">`,
	 * `<div markdown>`: kramdown, Python-Markdown): left out, its content read as markdown up to the
	 * closing tag (`</div>` alone on its line), which is left out too. -1 for another line.
	 */
	private markdownHtmlLine(lines: NoteLines, i: number, text: string): number {
		if (text.charCodeAt(1) === 47) {
			if (this.containers === null) return -1;
			const close = /^<\/([A-Za-z][A-Za-z0-9]*)[ \t]*>$/.exec(text);
			const at = close === null ? -1 : lastContainer(this.containers, (c) => c.colons === 0 && c.name === "</" + close[1].toLowerCase());
			if (at === -1) return -1;
			this.htmlBlock = false;
			this.closeContainers(at);
			return i;
		}
		if (text.indexOf("markdown") === -1) return -1;
		const name = markdownHtmlOpen(text);
		if (name === null) return -1;
		const top = this.containers === null ? null : this.containers[this.containers.length - 1];
		this.openContainer({ colons: 0, name: "</" + name, quote: false, strip: top === null ? 0 : Math.max(0, top.strip) }, lines, i, null);
		return i;
	}

	/** `* TOC` over `{:toc}`: the item the blog replaces with its table of contents, which Medium has no place for. */
	private dropTocItem(): void {
		if (!this.listActive || this.n === 0 || !/^[ \t]*(?:[-*+]|\d+[.)])[ \t]/.test(this.out[this.n - 1])) return;
		this.n--;
		this.out.length = this.n;
		this.lineNumbers.length = this.n;
		this.lineScopes.length = this.n;
		this.listActive = false;
		this.prevBlank = true;
		this.lastKind = this.n === 0 ? LineKind.Blank : kindOf(this.out[this.n - 1]);
	}

	/**
	 * A Quarto code cell the blog hides (`#| echo: false`, `#| include: false`, knitr's `{r, echo=FALSE}`):
	 * the line that closes it, all left out; -1 for a cell the blog shows (or one never closed).
	 */
	private hiddenCell(lines: NoteLines, i: number, fence: { char: string; len: number; info: string }): number {
		let by = cellHiddenBy(fence.info);
		let k = i + 1;
		for (; k < this.range.end && isCellOption(lines.line(k)); k++) by ??= cellHiddenBy(lines.line(k));
		if (by === null) return -1;
		const open = { char: fence.char, len: fence.len, indent: 0 };
		while (k < this.range.end && !closesFence(lines.line(k), open)) k++;
		if (k === this.range.end) return -1;
		// What it shows (a figure, a table) is made when the blog is built; only its code is in the note.
		if (by === "echo") this.warn(HIDDEN_CELL_CODE, "A code cell the blog hides (echo: false) was left out; what it outputs (a figure, a table) is made when the blog is built, so it is not on Medium either.");
		return k;
	}

	/** `:::type Title` opens a container (a callout, or a layout one shown as its content); a line of colons closes one. */
	private colonContainer(lines: NoteLines, i: number, text: string): number {
		// Quarto's labelled table caption, `: Sales {#tbl-sales}`: the numbered caption the blog shows.
		const caption = text.charCodeAt(1) === 32 ? tableCaption(text, noteCrossrefs(this.ctx, this.note.path)) : null;
		if (caption !== null) return this.convertLine(lines, i, this.quotePrefix() + caption);
		const closing = containerCloseColons(text.trimEnd());
		if (closing > 0) {
			const at = this.containers === null ? -1 : lastContainer(this.containers, (c) => c.colons > 0 && c.colons <= closing);
			if (at === -1) return -1;
			this.closeContainers(at);
			return i;
		}
		const open = containerOpen(text);
		if (open === null) return -1;
		let callout = open.callout;
		let last = i;
		if (open.headingTitle === true && callout !== null) {
			// Quarto titles a callout with no title attribute by the heading first in its body.
			let k = i + 1;
			while (k < this.range.end && isBlank(lines.line(k))) k++;
			const heading = k < this.range.end ? parseHeading(lines.line(k).trimStart()) : null;
			if (heading !== null && heading.text !== "") {
				callout = { type: callout.type, title: heading.text };
				last = k;
			}
		}
		this.openContainer({ colons: open.colons, name: "", quote: callout !== null, strip: this.containers?.[this.containers.length - 1].strip ?? 0 }, lines, i, callout);
		return last;
	}

	/**
	 * `!!! note "Title"`, `??? tip`, `=== "Tab"` (MkDocs): an admonition opens a callout, a tab a container
	 * whose label is a bold paragraph; their body is the lines indented four more than the opener. An
	 * opener whose next line is not so indented is text, as Obsidian shows it.
	 */
	private mkdocsBlock(lines: NoteLines, i: number, line: string, s: number): number {
		const open = mkdocsOpen(line.slice(s).trimEnd());
		if (open === null) return -1;
		const outer = this.containers === null ? 0 : Math.max(0, this.containers[this.containers.length - 1].strip);
		const strip = outer + s + 4;
		let k = i + 1;
		while (k < this.range.end && isBlank(lines.line(k))) k++;
		if (k === this.range.end || indentWidth(lines.line(k)) < strip) return -1;
		this.openContainer({ colons: 0, name: "", quote: open.quote, strip, dedent: true }, lines, i, open.callout);
		this.dedentContainers++;
		if (open.label !== null && open.label !== "") {
			this.convertLine(lines, i, this.quotePrefix() + "**" + open.label + "**");
			this.containerBreak();
		}
		return i;
	}

	/** Closes the MkDocs blocks (and what they hold) whose body a line indented as `raw` is not in. */
	private closeDedented(raw: string): void {
		const containers = this.containers as BlogContainer[];
		const width = indentWidth(raw);
		for (let k = 0; k < containers.length; k++) {
			if (containers[k].dedent === true && containers[k].strip > width) {
				this.indentedCode = false;
				this.closeContainers(k);
				return;
			}
		}
	}

	/**
	 * Docusaurus's `<CodeBlock language="jsx" title="a.js">{`…`}</CodeBlock>`, its code a template literal
	 * up to the closing tag's line: a code block; -1 for another shape.
	 */
	private mdxCodeBlock(lines: NoteLines, i: number): number {
		let last = i;
		while (lines.line(last).indexOf("</CodeBlock>") === -1) if (++last >= this.range.end || last - i > 500) return -1;
		const text = lines.text.slice(lines.lineStart(i), lines.lineStart(last + 1) - 1);
		const open = text.indexOf("{`");
		const close = text.lastIndexOf("`}");
		const end = text.lastIndexOf("</CodeBlock>");
		if (open === -1 || close < open + 2 || close > end || !isBlank(text.slice(close + 2, end) + text.slice(end + 12))) return -1;
		const tags = componentTags(text.slice(0, open));
		if (tags === null || tags === "open" || tags.length !== 1 || tags[0].closing || tags[0].selfClosing) return -1;
		this.componentCode(tags[0], text.slice(open + 2, close).replace(/\\([`$\\])/g, "$1"));
		return last;
	}

	/** A code component's code (a CodeBlock's, or a `code` attribute's) as a code block: its language, its title a bold paragraph above it. */
	private componentCode(tag: JsxTag, code: string): void {
		const prefix = this.quotePrefix();
		const title = tag.attrs.get("title") ?? tag.attrs.get("filename");
		const body = code.replace(/^[ \t]*\n/, "").trimEnd().split("\n");
		let longest = 0;
		for (const l of body) longest = Math.max(longest, longestRun(l, "`"));
		const fence = "`".repeat(Math.max(3, longest + 1));
		this.containerBreak();
		if (title) {
			this.emitText(prefix + boldLabel(title));
			this.containerBreak();
		}
		this.emitRaw(prefix + fence + (tag.attrs.get("language") ?? tag.attrs.get("lang") ?? ""));
		for (const l of body) this.emitRaw(prefix + l);
		this.emitRaw(prefix + fence);
		this.containerBreak();
	}

	/** Whether the heading at line `i` has no text under it: the next line that is not blank is a heading, or there is none. */
	private sectionEmpty(lines: NoteLines, i: number): boolean {
		for (let k = i + 1; k < this.range.end; k++) {
			const at = lines.firstNonBlank(k);
			if (at !== -1) return lines.text.charCodeAt(at) === 35 && parseHeading(lines.line(k)) !== null;
		}
		return true;
	}

	/** A line (or, for a tag whose attributes go on, lines) of only MDX component tags; -1 when it holds anything else. */
	private componentLines(lines: NoteLines, i: number, line: string): number {
		if (line.trimStart().startsWith("<CodeBlock")) {
			const code = this.mdxCodeBlock(lines, i);
			if (code !== -1) return code;
		}
		let text = line;
		let last = i;
		let tags = componentTags(text);
		while (tags === "open" && last + 1 < this.range.end && last - i < 100) {
			last++;
			text += "\n" + lines.line(last);
			tags = componentTags(text);
		}
		if (tags === null || tags === "open") return -1;
		this.htmlBlock = false;
		for (const tag of tags) this.componentTag(tag, lines, i);
		// An HTML element's style that centred its text (`style={{textAlign: 'center'}}`): Medium shows it left-aligned.
		if (text.indexOf("textAlign") !== -1) this.warn(ALIGNED_TEXT_CODE, ALIGNED_TEXT_MESSAGE);
		return last;
	}

	private componentTag(tag: JsxTag, lines: NoteLines, i: number): void {
		// An HTML element (`<div style={…}>`) is closed by its `</div>` line as a `markdown="1"` one is.
		const html = tag.name.charCodeAt(0) >= 97;
		if (tag.closing) {
			const name = html ? "</" + tag.name : tag.name;
			const at = this.containers === null ? -1 : lastContainer(this.containers, (c) => c.colons === 0 && c.name === name);
			if (at !== -1) this.closeContainers(at);
			return;
		}
		const image = componentImage(tag, this.esmImages) ?? componentEmbed(tag) ?? componentLink(tag);
		if (image !== null) {
			this.containerBreak();
			this.convertLine(lines, i, this.quotePrefix() + image);
			this.containerBreak();
			return;
		}
		const code = tag.selfClosing ? tag.attrs.get("code") : undefined;
		if (code !== undefined && /^Code(?:Block)?$/.test(tag.name)) return this.componentCode(tag, code);
		if (html) {
			if (!tag.selfClosing && tag.name !== "img" && tag.name !== "br" && tag.name !== "hr") this.openContainer({ colons: 0, name: "</" + tag.name, quote: false, strip: -1 }, lines, i, null);
			return;
		}
		const callout = tag.selfClosing ? null : componentCallout(tag);
		if (callout === null && !isTabComponent(tag.name)) this.warnComponent(tag.name);
		if (tag.selfClosing) return;
		this.openContainer({ colons: 0, name: tag.name, quote: callout !== null, strip: -1 }, lines, i, callout);
		const label = callout === null ? componentLabel(tag) : "";
		if (label !== "") {
			this.convertLine(lines, i, this.quotePrefix() + boldLabel(label));
			this.containerBreak();
		}
	}

	private warnComponent(name: string): void {
		const warned = (this.componentsWarned ??= new Set<string>());
		if (warned.has(name)) return;
		warned.add(name);
		this.warn(MDX_COMPONENT_CODE, mdxComponentMessage(name));
	}

	/** Opens a container; a callout's title becomes the callout's first line (`> [!type] Title`), as an Obsidian callout's. */
	private openContainer(container: BlogContainer, lines: NoteLines, i: number, callout: { type: string; title: string } | null): void {
		this.containerBreak();
		const outer = this.quotePrefix();
		(this.containers ??= []).push(container);
		if (callout !== null) this.convertLine(lines, i, `${outer}> [!${callout.type}] ${callout.title}`);
	}

	/** Closes the container at `at` and those inside it; what follows is a paragraph of its own. */
	private closeContainers(at: number): void {
		const containers = this.containers as BlogContainer[];
		for (let k = at; k < containers.length; k++) if (containers[k].dedent === true) this.dedentContainers--;
		containers.length = at;
		if (at === 0) this.containers = null;
		this.calloutTitle = false;
		this.containerBreak();
	}

	/** The `> ` before a line inside the open callouts. */
	private quotePrefix(): string {
		return "> ".repeat(this.quotedContainers());
	}

	/** Ends the paragraph at a container's edge: a blank line, or a paragraph break inside the callouts around it. */
	private containerBreak(): void {
		const quotes = this.quotedContainers();
		if (quotes === 0) {
			this.emit("");
			this.prevBlank = true;
			this.listActive = false;
		} else this.emit(">");
		this.quoteDepth = quotes;
	}

	/**
	 * A line of a raw HTML block: its markdown kept as text; a whole `<h1>`…`<h6>` line is the heading
	 * Obsidian shows (its text read as the block's, its tags as inline HTML).
	 */
	/**
	 * A whole line of a raw HTML block. A tag it leaves open (`<img src="a.png"` with `alt="A">` on the
	 * next line, as READMEs wrap them) is read with the lines that end it, as the browser reads it (up to 8 lines).
	 */
	private htmlLine(raw: string, prefix = "", lead = ""): void {
		const carry = this.htmlCarry;
		let line = raw;
		if (carry !== null) {
			line = carry.text + " " + raw.trim();
			this.htmlCarry = null;
		}
		const lt = line.lastIndexOf("<");
		if (lt !== -1 && isTagNameChar(line.charCodeAt(lt + 1), true) && htmlTagEnd(line, lt) === -1 && line.indexOf(">", lt) === -1 && (carry?.lines ?? 0) < 8) {
			this.htmlCarry = { text: line, prefix: carry?.prefix ?? prefix, lead: carry?.lead ?? lead, lines: (carry?.lines ?? 0) + 1 };
			return;
		}
		prefix = carry?.prefix ?? prefix;
		lead = carry?.lead ?? lead;
		// A `<video>` or `<audio>` player over lines: read whole (see playerLine).
		const player = this.htmlPlayer;
		if (player !== null) {
			player.text += "\n" + line;
			if (line.toLowerCase().indexOf("</" + player.name) === -1 && ++player.lines < 16) return;
			this.htmlPlayer = null;
			this.htmlBlockLine(playerLine(player.text, player.name), player.prefix, player.lead);
			return;
		}
		const playerAt = line.indexOf("<") === -1 ? -1 : line.search(/<(?:video|audio)[\s>]/i);
		if (playerAt !== -1) {
			const name = (line.charCodeAt(playerAt + 1) | 32) === 118 ? "video" : "audio";
			if (line.toLowerCase().indexOf("</" + name, playerAt) === -1) {
				this.htmlPlayer = { name, text: line, prefix, lead, lines: 1 };
				return;
			}
			line = playerLine(line, name);
		}
		// An `<h1>`…`</h1>` over lines (a README's centred title with its logo): the heading Obsidian shows.
		const heading = this.htmlHeading;
		if (heading !== null) {
			const close = line.toLowerCase().indexOf(`</h${heading.level}>`);
			heading.text += " " + (close === -1 ? line : line.slice(0, close)).trim();
			if (close === -1 && ++heading.lines < 8) return;
			this.endHtmlHeading();
			if (close !== -1 && line.slice(close + 5).trim() !== "") this.htmlBlockLine(line.slice(close + 5), prefix, lead);
			return;
		}
		const open = line.charCodeAt(0) === 60 && (line.charCodeAt(1) | 32) === 104 ? /^<h([1-6])(?:\s[^<>]*)?>/i.exec(line) : null;
		if (open !== null && line.toLowerCase().indexOf("</h" + open[1]) === -1 && lead === "") {
			this.htmlHeading = { level: Number(open[1]), text: line.slice(open[0].length), prefix, lines: 1 };
			return;
		}
		this.htmlBlockLine(line, prefix, lead);
	}

	/** Shows the heading read over lines (its `</h1>` met, or its block ended without one); its line breaks are spaces. */
	private endHtmlHeading(): void {
		const heading = this.htmlHeading;
		if (heading === null) return;
		this.htmlHeading = null;
		this.emitInline(HEADING_LEADS[heading.level], markdownAsText(heading.text.replace(/<br\s*\/?>/gi, " ")), heading.prefix, true);
		this.htmlJoin = HtmlJoin.None;
	}

	private htmlBlockLine(raw: string, prefix = "", lead = "", quoteTags = true): void {
		const open = this.summaryOpen;
		if (open !== null) {
			// Inside a `<summary>` opened on a line before: its text goes on up to `</summary>`.
			const close = raw.search(/<\/summary>/i);
			open.text += " " + (close === -1 ? raw : raw.slice(0, close)).trim();
			if (close === -1) return;
			this.flushSummary();
			const after = raw.slice(close + 10);
			if (after.trim() !== "") this.htmlBlockLine(after, prefix, lead);
			return;
		}
		if (this.embedQuote !== null) {
			this.embedQuoteLine(raw);
			return;
		}
		// Most lines of a block hold no tag: the checks below all need a `<`, so one search skips them.
		const tagged = raw.indexOf("<") !== -1;
		const quoteTag = tagged && quoteTags ? nextQuoteTag(raw, 0) : -1;
		if (quoteTag !== -1 && lead === "") {
			this.quoteTagLine(raw, quoteTag, prefix);
			return;
		}
		if (tagged && isEmbedScript(raw)) return;
		if (this.htmlQuote > 0) prefix = "> ";
		// The first text of an `<li>`: its item's marker goes before it.
		if (this.htmlItem !== null && lead === "" && raw.trim() !== "") {
			lead = this.htmlItem;
			this.htmlItem = null;
		}
		const summary = tagged ? summaryOf(raw) : null;
		if (summary !== null) {
			if (summary.closeStart === -1) {
				// `<summary>` with its `</summary>` on a later line: the title is the text up to it.
				const before = raw.slice(0, summary.openStart);
				if (before.trim() !== "") this.htmlBlockLine(before, prefix, lead);
				this.summaryOpen = { text: raw.slice(summary.openEnd).trim(), prefix, lead };
			} else this.summaryLine(raw, summary, prefix, lead);
			return;
		}
		const h = tagged ? htmlHeadingLine(raw) : null;
		if (h !== null) {
			this.emitInline(lead + HEADING_LEADS[h.level], markdownAsText(h.text), prefix, true);
			this.htmlJoin = HtmlJoin.None;
			return;
		}
		// A `<hr>` alone on its line: the rule Obsidian draws, Medium's section break (a story's scene break).
		if (tagged && prefix === "" && lead === "" && isHrLine(raw)) {
			this.containerBreak();
			this.emit("***");
			this.containerBreak();
			this.htmlJoin = HtmlJoin.None;
			return;
		}
		// A `<p>` inside the line (`<p>a</p><p>b</p>`) parts paragraphs, as at a line's edge (below).
		const cuts = tagged && lead === "" && this.commentClose === null ? paragraphCuts(raw) : null;
		if (cuts !== null) {
			for (let k = 0; k + 1 < cuts.length; k++) this.htmlBlockLine(raw.slice(cuts[k], cuts[k + 1]), prefix, lead);
			return;
		}
		// The block's text is raw HTML: the browser joins its lines with a space, whatever the line-break
		// setting; a block tag between two lines (`<div>`, `<li>`) parts them, as a `<p>` does here, and a
		// paragraph's (`</p>`, `<p>`) makes the next a paragraph of its own, as Obsidian shows it (not in a
		// list item, whose one Medium paragraph holds its lines).
		const edge = tagged ? blockTagAt(raw, true) : BlockTag.None;
		const join =
			this.htmlJoin === HtmlJoin.None ? HtmlJoin.None : this.htmlJoin === HtmlJoin.Paragraph || edge === BlockTag.Paragraph ? (lead === "" ? HtmlJoin.Paragraph : HtmlJoin.Break) : this.htmlJoin === HtmlJoin.Break || edge !== BlockTag.None ? HtmlJoin.Break : HtmlJoin.Space;
		const before = this.n;
		this.emitInline(lead, markdownAsText(tagged ? withoutDetailsTags(raw) : raw), prefix);
		if (this.n === before) {
			// A line that shows nothing (a comment) leaves the next to join the line before it; a lone `</p>` ends its paragraph.
			const tag = this.htmlJoin !== HtmlJoin.None && this.commentClose === null && tagged ? blockTagAt(raw, false) : BlockTag.None;
			if (tag !== BlockTag.None) this.htmlJoin = tag === BlockTag.Paragraph ? HtmlJoin.Paragraph : HtmlJoin.Break;
			return;
		}
		if (this.n !== before + 1 || this.lastKind !== LineKind.Text) {
			// No line of text, or more than one (an image, an embed): the next line is not joined to it.
			this.htmlJoin = HtmlJoin.None;
			return;
		}
		if (join === HtmlJoin.Paragraph) {
			// The line is a paragraph apart: a blank line (a bare `>` in a quote) goes before it.
			const line = this.out[this.n - 1];
			this.n--;
			this.emit(prefix.trimEnd());
			this.emit(line);
		} else if (join !== HtmlJoin.None) {
			this.n--;
			this.out[this.n - 1] += (join === HtmlJoin.Break ? "<p>" : " ") + this.out[this.n].slice(prefix.length + lead.length);
		}
		// A comment the line opens goes on over the next lines (the text after its end joins this line).
		const end = this.commentClose === null && tagged ? blockTagAt(raw, false) : BlockTag.None;
		this.htmlJoin = end === BlockTag.Paragraph ? HtmlJoin.Paragraph : end === BlockTag.Other ? HtmlJoin.Break : HtmlJoin.Space;
	}

	/**
	 * A raw HTML line holding `<blockquote>`, `<ul>`, `<ol>`, `<li>` tags or their closing tags (the first at
	 * `at`): the text in a blockquote a quote's, a paragraph apart from the text outside (Medium's quotes are
	 * flat: one inside another, or inside a note's quote, is the same quote); a pasted post's quote the
	 * post's address instead; an `<li>`'s text a list item, numbered in an `<ol>` (Medium's lists are flat:
	 * a list inside an item goes on after it).
	 */
	private quoteTagLine(raw: string, at: number, prefix: string): void {
		let from = 0;
		let unread = false;
		for (; at !== -1; at = nextQuoteTag(raw, from)) {
			const closing = raw.charCodeAt(at + 1) === 47;
			const name = (raw.charCodeAt(at + (closing ? 2 : 1)) | 32) === 98 ? "blockquote" : raw.slice(at + (closing ? 2 : 1), at + (closing ? 4 : 3)).toLowerCase();
			const end = tagEnd(raw, at + (closing ? 2 : 1) + name.length);
			// No tag after all (`<blockquote` never closed): the rest is text, read without looking for one again.
			unread = end === -1;
			if (unread) break;
			if (raw.slice(from, at).trim() !== "") this.htmlBlockLine(raw.slice(from, at), prefix, "", false); // no quote tag before `at`
			from = end + 1;
			if (name !== "blockquote") {
				this.listTag(name, closing, raw.slice(at, from), prefix);
				continue;
			}
			if (!closing && isEmbedQuote(raw.slice(at, from))) {
				this.embedQuote = { text: raw.slice(at, from), parts: [], prefix, lead: "" };
				this.embedQuoteLine(raw.slice(from));
				return;
			}
			// The quote's edge parts paragraphs: a bare `>` while a quote goes on, a blank line after the last.
			this.htmlQuote = closing ? Math.max(0, this.htmlQuote - 1) : this.htmlQuote + 1;
			this.emit(this.htmlQuote > 0 || prefix !== "" ? ">" : "");
			this.htmlJoin = HtmlJoin.None;
		}
		if (raw.slice(from).trim() !== "") this.htmlBlockLine(raw.slice(from), prefix, "", !unread);
	}

	/** An HTML list's tag: `<ul>`/`<ol>` open a list (a paragraph apart from the text before it), `<li>` an item (its marker put before its first line of text). */
	private listTag(name: string, closing: boolean, tag: string, prefix: string): void {
		this.htmlJoin = HtmlJoin.None;
		if (name === "li") {
			const lists = this.htmlLists ?? [];
			const k = lists.length - 1;
			const top = k < 0 ? 0 : lists[k];
			this.htmlItem = closing ? null : top === 0 ? "- " : `${top}. `;
			if (!closing && top > 0) lists[k]++;
			return;
		}
		const lists = (this.htmlLists ??= []);
		this.htmlItem = null;
		if (closing) lists.pop();
		else lists.push(name === "ol" ? Number(/\bstart\s*=\s*["']?(\d{1,9})/i.exec(tag)?.[1] ?? 1) : 0);
		// The outermost list's edges part it from the text around it.
		if (lists.length === (closing ? 0 : 1)) this.emit(this.htmlQuote > 0 || prefix !== "" ? ">" : "");
	}

	/** A line of a pasted post's quote, read up to its `</blockquote>` (see endEmbedQuote); the line's rest is read as the block's. */
	private embedQuoteLine(raw: string): void {
		const open = this.embedQuote as { text: string; parts: string[]; prefix: string; lead: string };
		const close = raw.search(/<\/blockquote\s*>/i);
		open.text += "\n" + (close === -1 ? raw : raw.slice(0, close));
		open.parts.push(close === -1 ? raw : raw.slice(0, close));
		if (close === -1) return;
		this.endEmbedQuote();
		const rest = raw.slice(raw.indexOf(">", close) + 1);
		// The widget's script after it shows nothing: it only turns the quote into the post.
		if (rest.trim() !== "" && !isEmbedScript(rest)) this.htmlBlockLine(rest, open.prefix, open.lead);
	}

	/** A pasted post's quote ended: the post's address alone in its paragraph, else (none found) its text as a quote's. */
	private endEmbedQuote(): void {
		const open = this.embedQuote;
		if (open === null) return;
		this.embedQuote = null;
		const url = embedQuoteUrl(open.text);
		this.emit(open.prefix === "" ? "" : ">");
		if (url !== null) this.emitText(open.prefix + url);
		else {
			this.htmlQuote++;
			for (const part of open.parts) if (part.trim() !== "") this.htmlBlockLine(part, open.prefix, open.lead);
			this.htmlQuote--;
		}
		this.emit(open.prefix === "" ? "" : ">");
		this.htmlJoin = HtmlJoin.None;
	}

	/** The raw HTML block ended (a blank line): what it left open is shown, its quotes closed. */
	private endHtmlBlock(): void {
		const carry = this.htmlCarry;
		if (carry !== null) {
			this.htmlCarry = null;
			this.htmlBlockLine(carry.text, carry.prefix, carry.lead);
		}
		this.endHtmlHeading();
		const player = this.htmlPlayer;
		if (player !== null) {
			this.htmlPlayer = null;
			this.htmlBlockLine(playerLine(player.text, player.name), player.prefix, player.lead);
		}
		this.flushSummary();
		this.endEmbedQuote();
		this.htmlQuote = 0;
		this.htmlLists = null;
		this.htmlItem = null;
	}

	/**
	 * A raw HTML line holding `<summary>…</summary>`: Obsidian shows the summary as the `<details>`
	 * block's title, and Medium has no collapsible block, so the title is a bold paragraph of its own,
	 * apart from the text before it and from the body after it (which Medium shows open).
	 */
	private summaryLine(raw: string, summary: SummarySpan, prefix: string, lead: string): void {
		const before = raw.slice(0, summary.openStart);
		if (before.trim() !== "") this.htmlBlockLine(before, prefix, lead);
		this.summaryTitle(raw.slice(summary.openEnd, summary.closeStart), prefix, lead);
		const after = raw.slice(summary.closeEnd);
		if (after.trim() !== "") this.htmlBlockLine(after, prefix, lead);
	}

	/** A summary's title, a bold paragraph of its own (its raw text read as the block's). */
	private summaryTitle(raw: string, prefix: string, lead: string): void {
		const title = markdownAsText(raw.trim());
		for (const line of title === "" ? [] : ["", "**" + title + "**", ""]) {
			if (line === "") this.emit(prefix === "" ? "" : ">");
			else this.emitInline(lead, line, prefix);
		}
		this.htmlJoin = HtmlJoin.None;
	}

	/** Shows the `<summary>` whose text is being read (its `</summary>` found, or its block ended without one). */
	private flushSummary(): void {
		const open = this.summaryOpen;
		if (open === null) return;
		this.summaryOpen = null;
		this.summaryTitle(open.text, open.prefix, open.lead);
	}

	/**
	 * A `<pre>` at `pre` on line `i` of a raw HTML block (after the tags that open it, `<div class="highlight"><pre>`):
	 * a code block, read as one that opens a line; the block goes on after it (its `</div>` shows nothing).
	 */
	private preInBlock(lines: NoteLines, i: number, pre: number): number {
		this.containerBreak();
		const end = this.rawHtml(lines, i, "</pre>", pre);
		this.htmlBlock = true;
		this.htmlJoin = HtmlJoin.None;
		return end;
	}

	/**
	 * CommonMark's HTML block of kind 1, up to the line holding its closing tag (a fence or a blank line
	 * inside is its text): a `<pre>` (with `<code class="language-x">` or not) or `<textarea>` is a code
	 * block of its text, tags dropped and entities read; a `<script>` or `<style>` shows nothing on
	 * Medium and is dropped, with a warning. Returns the block's last line.
	 */
	private rawHtml(lines: NoteLines, i: number, close: string, from = 0): number {
		const end = rawHtmlEnd(lines, i, close, this.range.end);
		this.prevBlank = false;
		this.listActive = false;
		if (close === "</script>" || close === "</style>") {
			// A gist's embed script (Jekyll and Hugo posts paste it): the gist, which Medium embeds.
			const gist = end === i && close === "</script>" ? gistScriptUrl(lines.line(i)) : null;
			if (gist !== null) {
				this.containerBreak();
				this.convertLine(lines, i, this.quotePrefix() + gist);
				this.containerBreak();
			} else if (!(end === i && isEmbedScript(lines.line(i)))) this.warn(RAW_HTML_CODE, RAW_HTML_MESSAGE);
			return end;
		}
		let text = from === 0 ? lines.line(i) : lines.line(i).slice(from);
		for (let k = i + 1; k <= end; k++) text += "\n" + lines.line(k);
		const openEnd = tagEnd(text, 1);
		let body = openEnd === -1 ? "" : text.slice(openEnd + 1);
		const closeAt = body.toLowerCase().indexOf(close);
		if (closeAt !== -1) body = body.slice(0, closeAt);
		// The language a `<code class="language-x">` names, else the `<pre>` or the tags around it (Jekyll's `<div class="language-ruby highlighter-rouge">`, GitHub's `<pre lang="x">`).
		let language = openEnd === -1 ? null : codeLanguage(lines.line(i).slice(0, from) + text.slice(0, openEnd));
		const code = /^\s*<code\b([^>]*)>/i.exec(body);
		if (code !== null) {
			language = codeLanguage(code[1]) ?? language;
			body = body.slice(code[0].length);
			const lower = body.toLowerCase();
			const codeClose = lower.lastIndexOf("</code>");
			if (codeClose !== -1 && lower.slice(codeClose + 7).trim() === "") body = body.slice(0, codeClose);
		}
		body = decodeEntities(withoutTags(body));
		if (body.startsWith("\n")) body = body.slice(1); // HTML ignores a newline right after <pre>
		body = body.trimEnd();
		const fence = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
		this.emitRaw(fence + (language ?? ""));
		if (body !== "") for (const line of body.split("\n")) this.emitRaw(line);
		this.emitRaw(fence);
		return end;
	}

	/**
	 * A Hugo or Jekyll highlight block opening at line `i` (`{{< highlight go "linenos=table" >}}` …
	 * `{{< /highlight >}}`, `{% highlight ruby %}` … `{% endhighlight %}`): a code block with its language,
	 * its lines as written (the blank lines around them trimmed, as the blog does). Returns its last line,
	 * or -1 when no closing tag follows (then it is an unknown tag, as before).
	 */
	private siteCode(lines: NoteLines, i: number, open: SiteCodeOpen): number {
		const kind = open.hugo ? 1 : 2;
		if ((this.siteCodeUnclosed & kind) !== 0) return -1;
		const end = siteCodeEnd((k) => lines.line(k), i, this.range.end, open);
		if (end === -1) {
			this.siteCodeUnclosed |= kind;
			return -1;
		}
		let first = i + 1;
		let last = end - 1;
		// Blank lines and Liquid's lone `{% raw %}` / `{% endraw %}` lines around the code show nothing.
		while (first <= last && (isBlank(lines.line(first)) || isRawTagLine(lines.line(first)))) first++;
		while (last >= first && (isBlank(lines.line(last)) || isRawTagLine(lines.line(last)))) last--;
		let longest = 0;
		for (let k = first; k <= last; k++) longest = Math.max(longest, longestRun(lines.line(k), "`"));
		const fence = "`".repeat(Math.max(3, longest + 1));
		this.prevBlank = false;
		this.listActive = false;
		if (open.title !== null) {
			this.emitText(boldLabel(open.title));
			this.emit("");
		}
		this.emitRaw(fence + (open.language ?? ""));
		for (let k = first; k <= last; k++) {
			const line = lines.line(k);
			if (!isRawTagLine(line)) this.emitRaw(line);
		}
		this.emitRaw(fence);
		return end;
	}

	/**
	 * A quoted line (in a quote or a container) that is a highlight tag with its closing tag on a later
	 * line: opens a quoted code block its closing tag ends, and returns true. The lines after are read
	 * once for the closing tag; a kind found unclosed is not looked for again (see siteCode).
	 */
	private quotedSiteCode(lines: NoteLines, i: number, content: string, depth: number): boolean {
		const open = siteCodeOpen(content.trim());
		if (open === null || (!open.hugo && !this.note.siteSyntax)) return false;
		const kind = open.hugo ? 4 : 8; // apart from siteCode's kinds: this looks for the closing tag in quoted lines too
		if ((this.siteCodeUnclosed & kind) !== 0) return false;
		// A closing tag found past this line by an earlier look (its block ended with its quote) is this
		// one's too, none before it: not read again, so many such blocks stay one pass.
		const known = this.quotedSiteClose[kind >> 3];
		let longest = known.longest;
		const end = known.at > i ? known.at : siteCodeEnd(
			(k) => {
				const line = splitQuote(lines.line(k)).content;
				longest = Math.max(longest, longestRun(line, "`"));
				return line.trim();
			},
			i,
			this.range.end,
			open,
		);
		if (end === -1) {
			this.siteCodeUnclosed |= kind;
			return false;
		}
		known.at = end;
		known.longest = longest;
		this.fence = { char: "`", len: Math.max(3, longest + 1), depth, indent: 0, site: open };
		this.emitRaw("> " + "`".repeat(this.fence.len) + (open.language ?? ""));
		return true;
	}

	/** `> [!type]± Title` → the title (or the type's name) in bold; null when it is not a callout. */
	private callout(trimmed: string): string | null {
		const title = calloutTitle(trimmed);
		if (title === null) return null;
		const converted = convertInlineText(title, this.env(false)).trim();
		return converted.length > 0 ? `**${converted}**` : "";
	}

	/**
	 * Whether a `$$` line with this indent is the text of a list item: indented under it, or a lazy line
	 * right under its text. Obsidian shows the math inside the item, and the item and list go on. (The
	 * caller asks only after a line outside a quote: a quote ends the item.)
	 */
	private inListItem(lead: string): boolean {
		return this.listActive && (indentOf(lead) >= this.itemText || (lead === "" && this.lastKind === LineKind.Text));
	}

	/**
	 * Display math in a list item or a quote (a theorem's callout): its lines stay there, each as code on
	 * a line of its own (`prefix` the quote's, `lead` the item's indent). Moved out as a code block, it
	 * would split the list or the quote: the item's text after it became an item of its own (a bullet the
	 * note does not have), Medium (whose lists have no start number) numbered the items after it from 1
	 * again, and a callout's body fell apart around it; math is shown as code either way.
	 */
	private itemMath(trimmed: string, i: number, prefix: string, lead: string): number {
		const rest = trimmed.slice(2);
		const end = rest.indexOf("$$");
		const macros = this.macroMath(rest, end, prefix, lead, i);
		if (macros !== -1) return macros;
		this.warn("math-as-code", "Math is shown as code: Medium cannot render it.");
		this.itemMathLine(end === -1 ? rest : rest.slice(0, end), prefix + lead);
		if (end === -1) {
			this.mathBlock = { prefix, lead, item: true, line: this.line, ownLine: this.ownLine };
			return i;
		}
		const after = rest.slice(end + 2).trim();
		if (after) this.emitInline(lead, after, prefix);
		return i;
	}

	/**
	 * A `$$` nothing closes: Obsidian's MathJax reads the rest of the note as math, so the rest is code on
	 * Medium too; said at the `$$`, so the writer can close it where the math ends.
	 */
	private unclosedMath(block: { line: number; ownLine: number }): void {
		const line = this.line;
		const ownLine = this.ownLine;
		this.line = block.line;
		this.ownLine = block.ownLine;
		this.warn("math-unclosed", "This $$ opens math that no $$ closes: Obsidian shows the rest of the note as math, and Medium as code. Close it where the math ends.");
		this.line = line;
		this.ownLine = ownLine;
	}

	/** One line of an item's or a quote's display math: code after a hard break, after `lead` (a blank one shows nothing). */
	private itemMathLine(line: string, lead: string): void {
		const text = line.trim();
		if (text === "") return;
		const last = this.n - 1;
		// The line above ends in a hard break (two spaces), so the math starts a line of its own.
		if (last >= 0 && this.lastKind === LineKind.Text && !this.out[last].endsWith("  ") && !this.out[last].endsWith("\\")) this.out[last] = this.out[last].trimEnd() + "  ";
		// Two backticks in a row would make the code span's own backticks a fence at the line's start.
		this.emitText(lead + lineAsCode(text) + "  ");
	}

	/** `$$…$$` on one line, or the opening of a display-math block: a code block on Medium. */
	private displayMath(trimmed: string, prefix: string, lead: string, i: number, marker = lead): number {
		const rest = trimmed.slice(2);
		const end = rest.indexOf("$$");
		if (marker === lead) {
			const macros = this.macroMath(rest, end, prefix, lead, i);
			if (macros !== -1) return macros;
		}
		this.warn("math-as-code", "Math is shown as code: Medium cannot render it.");
		// The fences keep the `$$`'s indent: under a list item the code moves out of it like a fenced block.
		// A `$$` opening an item keeps the item's marker on its opening fence (`- $$` → `- ```).
		const fence = prefix + lead + "```";
		this.emitRaw(prefix + marker + "```");
		if (end !== -1) {
			const inner = rest.slice(0, end).trim();
			if (inner) this.emitRaw(prefix + lead + inner);
			this.emitRaw(fence);
			const after = rest.slice(end + 2).trim();
			if (after) this.emitInline("", after, prefix);
			return i;
		}
		if (rest.trim()) this.emitRaw(prefix + lead + rest.trim());
		this.mathBlock = { prefix, lead, line: this.line, ownLine: this.ownLine };
		return i;
	}

	/**
	 * A display-math block that defines macros (`\newcommand`, `\def`…): Obsidian's MathJax shows the
	 * definitions as nothing. Only the rest is a code block; a block of definitions alone is left out.
	 * Returns the block's last line, or -1 when it holds no definition (or is never closed).
	 */
	private macroMath(rest: string, end: number, prefix: string, lead: string, i: number): number {
		let tex = end !== -1 ? rest.slice(0, end) : rest;
		let last = i;
		let after = end !== -1 ? rest.slice(end + 2).trim() : "";
		if (end === -1) {
			const lines = this.note.lines;
			for (last = i + 1; last < this.range.end; last++) {
				const content = prefix ? splitQuote(lines.line(last)).content : lines.line(last);
				const at = content.indexOf("$$");
				tex += "\n" + (at === -1 ? content : content.slice(0, at));
				if (at !== -1) {
					after = content.slice(at + 2).trim();
					break;
				}
			}
			if (last >= this.range.end) return -1;
		}
		const shown = withoutMacroDefinitions(tex);
		if (shown === null) return -1;
		if (shown === "") this.warn(MATH_MACROS_CODE, MATH_MACROS_MESSAGE);
		else {
			this.warn("math-as-code", "Math is shown as code: Medium cannot render it.");
			this.emitRaw(prefix + lead + "```");
			for (const line of shown.split("\n")) this.emitRaw(prefix + lead + line.trim());
			this.emitRaw(prefix + lead + "```");
		}
		if (after) this.emitInline("", after, prefix);
		return last;
	}

	/**
	 * An HTML `<table>` block up to its `</table>` (a blank line first ends the block, CommonMark's kind 6:
	 * then it is read line by line), aligned text as a GFM table is; a first row all `<th>` is the header.
	 * A cell's tags are dropped, its entities read, its white space collapsed, as a browser shows it.
	 * Returns the block's last line, or -1.
	 */
	private htmlTable(lines: NoteLines, i: number): number {
		let text = "";
		for (let k = i; k < this.range.end && !isBlank(lines.line(k)); k++) {
			text += lines.line(k) + "\n";
			if (!/<\/table/i.test(lines.line(k))) continue;
			const rows: string[][] = [];
			let header = false;
			// An image in a cell (a README's screenshots side by side): the cell keeps its alt, the image follows the table, as a markdown table's.
			const plain = this.env(true);
			const images: string[] = (plain.cellImages = []);
			const cell = (html: string) => htmlCell(html.indexOf("<") === -1 ? html : html.replace(/<img\b[^<>]*>/gi, (img) => convertInlineText(img, plain)));
			for (const tr of text.split(/<tr\b/i).slice(1)) {
				// The name captured: [before, name, cell, name, cell, …].
				const parts = tr.split(/<(t[dh])\b[^>]*>/i);
				const row: string[] = [];
				for (let c = 2; c < parts.length; c += 2) row.push(cell(parts[c]));
				if (rows.length === 0) header = !/<td\b/i.test(tr);
				if (row.length > 0) rows.push(row);
			}
			plain.cellImages = null;
			if (rows.length === 0) return -1;
			this.warn(TABLE_AS_TEXT, TABLE_MESSAGE);
			this.textTable(header ? rows.shift() : undefined, [], rows, "");
			for (const image of images) {
				this.emitInline("", image, "");
				this.emit("");
			}
			return k;
		}
		return -1;
	}

	/**
	 * Line `j` as this converter reads it: inside an Admonition block, quoted as the block's callout lines
	 * are, and its closing fence blank, so a look-ahead (a table's rows) ends there.
	 */
	private lineAt(lines: NoteLines, j: number): string {
		const line = lines.line(j);
		const ad = this.admonition;
		if (ad === null) return line;
		const body = this.admonitionBody(line);
		return body === null || closesFence(body, ad) ? "" : this.adLine(body);
	}

	/** A line of the open Admonition block as this converter reads it: a line of its callout (of the quote around it, in a tabs block). */
	private adLine(body: string, ad = this.admonition as NonNullable<BlockConverter["admonition"]>): string {
		return ad.lead + "> ".repeat(ad.depth) + (ad.tabs === true ? body : body === "" ? ">" : "> " + body);
	}

	/** A GFM table: rows until a blank or pipe-less line, rendered as aligned text in a code block. */
	private table(lines: NoteLines, i: number, headerCells: string[], depth: number, prefix: string, aligns: Align[]): number {
		const plain = this.env(true);
		// A cell is shown as text in a code block: its markdown is read once more so emphasis, code ticks
		// and escapes go (the table's own warning says what was lost).
		// `\|` is a pipe wherever it stands in the cell, code spans included (GFM), once the row is split.
		const part = (c: string) => {
			const md = convertInlineText(c.indexOf("\\|") === -1 ? c : c.split("\\|").join("|"), plain);
			return (mayHoldMarkup(md) ? plainText(parseInlineFlat(md, QUIET)) : md).trim();
		};
		// A `<br>` or `<p>` in a cell (Notion's multi-line cells, GitHub's paragraphs) starts a line of the row, as Obsidian shows it.
		const cell = (c: string) => (c.indexOf("<") !== -1 && CELL_BREAK.test((c = cellItems(c))) ? c.split(CELL_BREAK).map(part).filter((p) => p !== "").join("\n") : part(c));
		// The header is the line as the converter sees it: a comment that ends on it is already cut off.
		// Images met in the cells follow the table, each with the line it was on.
		const images: string[] = (plain.cellImages = []);
		const imageLines: number[] = [];
		const header = headerCells.map(cell);
		while (imageLines.length < images.length) imageLines.push(i);
		this.warn(TABLE_AS_TEXT, TABLE_MESSAGE);
		const rows: string[][] = [];
		let j = i + 2;
		for (; j < this.range.end; j++) {
			const row = this.lineAt(lines, j);
			const r0 = row.charCodeAt(0);
			const q = r0 === 62 || r0 === 32 ? splitQuote(row) : null;
			const rowContent = q === null ? row : q.content;
			// GFM: a line with no pipe is a row too, unless it starts another block (or is blank, or of a kind of its own).
			if ((q === null ? 0 : q.depth) !== depth || (isRowCandidate(rowContent) ? endsTable(rowContent) : !isLazyRow(rowContent))) break;
			this.at(j + 1);
			this.env(true); // a cell's warning names its own row
			// Cells past the header's are not shown (GFM), so they are not read either.
			const cells = splitRow(this.stripBlockId(rowContent));
			rows.push((cells.length > header.length ? cells.slice(0, header.length) : cells).map(cell));
			while (imageLines.length < images.length) imageLines.push(j);
		}
		plain.cellImages = null;
		this.at(i + 1);
		this.textTable(header, aligns, rows, prefix);
		for (let k = 0; k < images.length; k++) {
			this.at(imageLines[k] + 1);
			this.emitInline("", images[k], prefix);
			this.emit("");
			this.prevBlank = true;
		}
		return j - 1;
	}

	private textTable(header: string[] | undefined, aligns: Align[], rows: string[][], prefix: string): void {
		this.emit("");
		for (const l of renderTextTable(header, aligns, rows)) this.emitRaw(prefix + l);
		this.emit("");
		this.prevBlank = true;
	}

	/**
	 * Converts inline text and emits it, splicing in block parts (embedded notes, web embeds). `join`: the
	 * text goes on at the end of the last output line (after a comment that opened there, see commentJoin).
	 */
	private emitInline(lead: string, text: string, prefix: string, whole = false, join = false): void {
		const r = convertInlineInto(text, this.env(false), this.inlineResult);
		if (r.parts === null) {
			if (join) {
				this.commentClose = r.openComment;
				this.commentJoin = true;
				const t = r.text.trim();
				if (t !== "") this.out[this.n - 1] = this.out[this.n - 1].trimEnd() + " " + t;
				return;
			}
			// Nothing removed from a line that ends in a non-space: the result ends the same way and is not
			// blank, so it is written as it is (not read back, which would copy the string once more).
			const t0 = text.charCodeAt(0);
			if (!r.removed && r.openComment === null && !isSpace(text.charCodeAt(text.length - 1)) && ((t0 > 32 && t0 !== 62) || !isBlankish(text))) {
				this.emitText(prefix + lead + r.text);
				return;
			}
			// Removing a comment or tag can leave a space at the end; a hard break (two spaces) stays.
			const s = text.endsWith("  ") ? r.text : r.text.trimEnd();
			const emits = s.trim() !== "" || lead.trim() !== "";
			if (emits) this.emit(prefix + lead + s);
			else if (prefix === "" && lead === "" && r.openComment === null && this.note.siteSyntax && !this.listActive && this.lastKind === LineKind.Text && text.startsWith("<!--")) {
				// A blog's markdown reads a comment line (Hexo's `<!-- more -->`) as an HTML block: it ends the paragraph.
				this.emit("");
				this.prevBlank = true;
			}
			this.commentClose = r.openComment;
			this.commentJoin = emits;
			return;
		}
		this.commentClose = r.openComment;
		this.commentJoin = false;
		let first = true;
		// A heading or list item stays one: its text first, whole, then what its embeds bring (the text
		// after an embed had become a paragraph of its own, which the next item could then join).
		const parts = whole ? textFirst(r.parts) : r.parts;
		for (let k = 0; k < parts.length; k++) {
			const part = parts[k];
			if (typeof part === "string") {
				let s = (first ? lead : "") + part;
				if (k + 1 < parts.length) s = s.trimEnd();
				if (k > 0) s = s.trimStart();
				if (s.trim() !== "" && !isBareListMarker(s)) this.emit(prefix + s);
				first = false;
				continue;
			}
			first = false;
			if (part.length === 0) continue;
			this.emit(prefix.trimEnd());
			const origins = this.ctx.embedOrigins.get(part);
			// An embedded note's lines come in by a scope of their own, made here, so its headings sit
			// under the heading this note has at this point (the story builder places them).
			const scopes = origins !== undefined ? this.ctx.embedScopes.get(part) : undefined;
			const base = scopes !== undefined ? newScope(this.ctx, 0) : 0;
			const memo = new Map<number, number>();
			for (let j = 0; j < part.length; j++) {
				const l = part[j];
				const origin = origins !== undefined ? origins[j] : 0;
				const scope = scopes !== undefined ? rebaseScope(this.ctx, scopes[j], base, memo) : 0;
				this.emitEmbedded(prefix ? (l.trim() === "" ? ">" : prefix + l) : l, origin, scope);
			}
			this.emit(prefix.trimEnd());
		}
	}

	/** The lines an embed brings in, or none (with a warning) for a cycle, depth, or missing part. */
	private embed(path: string, subpath: string, written: string): string[] {
		const ctx = this.ctx;
		const key = path + "#" + subpath.trim();
		if (this.frame.stack.includes(key)) {
			const stack = this.frame.stack;
			const loop = stack[stack.length - 1] === key ? "itself" : `${path}, which embeds this note: a loop`;
			this.warn("embed-cycle", `Embed ${written} would embed ${loop}; it was left out.`);
			return [];
		}
		if (this.frame.depth + 1 > ctx.maxEmbedDepth) {
			this.warn("embed-depth", `Embed ${written} is nested more than ${ctx.maxEmbedDepth} deep; it was left out.`);
			return [];
		}
		const note = ctx.notes.get(path);
		// A note its properties keep off its site (or off Medium) shows here as Obsidian shows it, and says so:
		// its text reaches Medium though its writer kept it back.
		const flag = note ? offSiteFlag(note.properties) : null;
		if (flag !== null) this.warn("off-site-embed", `Embed ${written}: that note is ${offSiteText(flag)}; its text is in the story all the same.`);
		const cached = ctx.embedCache.get(key);
		if (cached) return cached;
		if (!note) {
			this.warn("unresolved-embed", `Embed ${written} could not be read; it was left out.`);
			return [];
		}
		let range: LineRange | null = { start: note.bodyStart, end: note.lines.count };
		const sub = subpath.trim();
		if (sub.length > 0) {
			const fenced = fencedOf(note);
			const body = (note.bodyArray ??= note.lines.toArray(note.bodyStart));
			const within = sub.startsWith("^")
				? findBlock(body, sub.slice(1).trim(), fenced.subarray(note.bodyStart))
				: findHeadingSection(body, sub.split("#").map((s) => s.trim()).filter((s) => s.length > 0), fenced.subarray(note.bodyStart));
			range = within ? { start: within.start + note.bodyStart, end: within.end + note.bodyStart } : null;
		}
		if (!range) {
			this.warn("missing-section", `Embed ${written}: the note has no such ${sub.startsWith("^") ? "block" : "heading"}; it was left out.`);
			return [];
		}
		if (!ctx.embeddedSeen.has(path)) {
			ctx.embeddedSeen.add(path);
			ctx.embedded.push(path);
		}
		// An indented block (a nested list item, a paragraph under an item) reads as it does in its list, not
		// as indented code: its lines lose the indent its first line has.
		const source = sub.startsWith("^") ? dedented(note, range) : note;
		const nested = new BlockConverter(ctx, source, range, {
			depth: this.frame.depth + 1,
			stack: [...this.frame.stack, key],
			titleLine: -1,
			warnLine: this.line,
		}, this.footnotesScanned);
		const lines = nested.run();
		ctx.embedCache.set(key, lines);
		ctx.embedOrigins.set(lines, nested.lineNumbers);
		ctx.embedScopes.set(lines, nested.lineScopes);
		return lines;
	}
}

/**
 * The note with the lines of `range` moved left by the indent of its first line (each loses as much of
 * its own leading space as that), other lines as they are (line numbers stay); the note itself when
 * its first line is not indented.
 */
function dedented(note: LoadedNote, range: LineRange): LoadedNote {
	const first = note.lines.line(range.start);
	const cut = indentWidth(first);
	if (cut === 0 || cut === first.length) return note;
	const parts: string[] = [note.lines.text.slice(0, note.lines.lineStart(range.start))];
	for (let i = range.start; i < range.end; i++) {
		const line = note.lines.line(i);
		parts.push(line.slice(Math.min(cut, indentWidth(line))), "\n");
	}
	parts.push(note.lines.text.slice(note.lines.lineStart(range.end)));
	const text = parts.join("");
	return { ...note, text, lines: new NoteLines(text), bodyArray: undefined, fenced: undefined };
}

/** CommonMark's block tag names (an HTML block of kind 6 opens with one of them and ends at a blank line). */
const HTML_BLOCK_TAGS = new Set(
	("address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset " +
		"h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul").split(" "),
);

/**
 * Whether a line starting with `<` opens a raw HTML block that a blank line ends: a block tag (kind 6),
 * or, when no paragraph is open (`mayStart7`), a lone complete tag other than script, style, pre and
 * textarea (kind 7). One forward scan of the tag, no regex.
 */
function isHtmlBlockStart(line: string, mayStart7: boolean): boolean {
	let i = 1;
	const closing = line.charCodeAt(1) === 47;
	if (closing) i++;
	const start = i;
	while (i < line.length && isTagNameChar(line.charCodeAt(i), i === start)) i++;
	if (i === start) return false;
	const name = line.slice(start, i).toLowerCase();
	const c = line.charCodeAt(i);
	const ends = i === line.length || c === 32 || c === 9 || c === 62 || (c === 47 && line.charCodeAt(i + 1) === 62);
	if (!ends) return false;
	if (HTML_BLOCK_TAGS.has(name)) return true;
	if (!mayStart7 || name === "script" || name === "style" || name === "pre" || name === "textarea") return false;
	const close = tagEnd(line, i);
	return close !== -1 && isBlank(line.slice(close + 1));
}

/**
 * A whole `<h1>`…`<h6>` line (`<h2 id="x">Text</h2>`): its level and the text between its tags, or
 * null. The opening tag is read past its quoted attribute values (`title="a > b"`).
 */
export function htmlHeadingLine(raw: string): { level: number; text: string } | null {
	let line = raw.trim();
	// Wrapped in a tag that only centres or groups it (`<center><h2>…</h2></center>`): the heading inside.
	for (let k = 0; k < 3 && (line.charCodeAt(1) | 32) !== 104; k++) {
		const m = WRAPPED_LINE.exec(line);
		if (m === null) break;
		line = m[2].trim();
	}
	const level = line.charCodeAt(2) - 48;
	if (line.length < 9 || line.charCodeAt(0) !== 60 || (line.charCodeAt(1) | 32) !== 104 || level < 1 || level > 6) return null;
	const c = line.charCodeAt(3);
	if (c !== 62 && c !== 32 && c !== 9) return null;
	const open = c === 62 ? 3 : htmlTagEnd(line, 0);
	const close = line.length - 5;
	if (open === -1 || open >= close || line.slice(close).toLowerCase() !== `</h${level}>`) return null;
	return { level, text: line.slice(open + 1, close) };
}

/** A line wholly inside one `<center>`, `<div>`, `<p>` or `<span>` (the tag's name, what it holds); one backward search for the closing tag. */
const WRAPPED_LINE = /^<(center|div|p|span)\b[^<>]*>([\s\S]*)<\/\1\s*>$/i;

/** `<hr>`, `<hr/>`, `<HR class="scene-break" />` alone on the line (white space around). */
function isHrLine(raw: string): boolean {
	const line = raw.trim();
	if (line.length < 4 || line.charCodeAt(0) !== 60 || (line.charCodeAt(1) | 32) !== 104 || (line.charCodeAt(2) | 32) !== 114) return false;
	const c = line.charCodeAt(3);
	return (c === 62 || c === 47 || c === 32 || c === 9) && line.indexOf(">") === line.length - 1;
}

/** Where a `<summary>` tag, its text and its `</summary>` sit on a line. */
interface SummarySpan {
	openStart: number;
	openEnd: number;
	closeStart: number;
	closeEnd: number;
}

/**
 * The first `<summary …>…</summary>` on a raw HTML line, or null; `closeStart` is -1 when its
 * `</summary>` is on a later line. Two scans of the line by regexes of fixed text (no backtracking),
 * the tag read past its quoted values.
 */
function summaryOf(line: string): SummarySpan | null {
	const openStart = line.search(/<summary[\s>]/i);
	const gt = openStart < 0 ? -1 : tagEnd(line, openStart + 8);
	if (gt < 0) return null;
	const close = line.slice(gt).search(/<\/summary>/i);
	return close < 0 ? { openStart, openEnd: gt + 1, closeStart: -1, closeEnd: -1 } : { openStart, openEnd: gt + 1, closeStart: gt + close, closeEnd: gt + close + 10 };
}

/**
 * The line without its `<details …>` and `</details>` tags: the block is understood (its summary a bold
 * title, its body shown open), so they go without the dropped-tag warning. One forward scan.
 */
function withoutDetailsTags(line: string): string {
	let out = "";
	let from = 0;
	for (let lt = line.indexOf("<"); lt !== -1; lt = line.indexOf("<", lt + 1)) {
		const name = line.charCodeAt(lt + 1) === 47 ? lt + 2 : lt + 1;
		const c = line.charCodeAt(name + 7);
		if (line.slice(name, name + 7).toLowerCase() !== "details" || !(c === 62 || c === 32 || c === 9 || c === 47)) continue;
		const end = tagEnd(line, name + 7);
		if (end === -1) break;
		out += line.slice(from, lt);
		from = end + 1;
		lt = end;
	}
	return from === 0 ? line : out + line.slice(from);
}

/** The language an HTML tag's class (`language-x`, `lang-x`) or `lang` attribute names, or null. */
function codeLanguage(tags: string): string | null {
	return (/\blang(?:uage)?-([\w+#.-]+)/.exec(tags) ?? /\blang\s*=\s*["']?([\w+#.-]+)/i.exec(tags))?.[1] ?? null;
}

/**
 * Where a `<pre>` starts on a raw HTML line that holds nothing before it but opening tags of the kinds
 * that wrap one (`<div class="highlighter-rouge"><pre class="highlight">`), or -1. One forward scan.
 */
function preStart(raw: string): number {
	let i = 0;
	for (let k = 0; k < 4; k++) {
		while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
		if (raw.charCodeAt(i) !== 60) return -1;
		if (rawHtmlClose(raw.slice(i, i + 5)) === "</pre>") return i;
		const m = /^<(?:div|figure|section|center)\b/i.exec(raw.slice(i, i + 8));
		const end = m === null ? -1 : tagEnd(raw, i + m[0].length);
		if (end === -1) return -1;
		i = end + 1;
	}
	return -1;
}

/**
 * A `<video>` or `<audio>` player's text (`name` the tag's), its lines joined, with what it holds left
 * out but its first `<source>`: the browser plays that one, and shows none of the fallback text inside
 * ("Your browser does not support video"), which Medium would show.
 */
function playerLine(text: string, name: string): string {
	const line = text.indexOf("\n") === -1 ? text : text.split("\n").map((l) => l.trim()).join(" ");
	const open = line.search(name === "video" ? /<video[\s>]/i : /<audio[\s>]/i);
	const openEnd = open === -1 ? -1 : htmlTagEnd(line, open);
	const close = openEnd === -1 ? -1 : line.toLowerCase().indexOf(`</${name}`, openEnd);
	if (close === -1) return line;
	const source = /<source\b[^<>]*>/i.exec(line.slice(openEnd + 1, close));
	return line.slice(0, openEnd + 1) + (source?.[0] ?? "") + line.slice(close);
}

/** A `<blockquote …>`, `<ul>`, `<ol>`, `<li>` or closing tag's start (a regex of fixed text: no backtracking). */
const QUOTE_TAGS = /<\/?(?:blockquote|ul|ol|li)[\s/>]/gi;

/** The next blockquote tag in `raw` at or after `from`, or -1 (searched in place: a line of many stays linear). */
function nextQuoteTag(raw: string, from: number): number {
	QUOTE_TAGS.lastIndex = from;
	return QUOTE_TAGS.exec(raw)?.index ?? -1;
}

/** How a raw HTML block's line joins the text line before it: not at all, by a space, or by a line break. */
const TABLE_AS_TEXT = "table-as-text";
const TABLE_MESSAGE = "A table became aligned text in a code block: Medium has no tables.";

const enum HtmlJoin {
	None,
	Space,
	Break,
	/** A paragraph apart (after a `</p>`, before a `<p>`). */
	Paragraph,
}

const enum BlockTag {
	None,
	Other,
	/** `<p>`, `</p>`, `<p …>`, `<p/>`. */
	Paragraph,
}

/**
 * Whether the line starts (`atStart`) or ends with a block tag, open or closing (`<div>`, `</p>`), which
 * the browser shows apart from the text beside it, and whether it is a paragraph's. `<br>` needs no
 * check: it breaks the line itself.
 */
function blockTagAt(raw: string, atStart: boolean): BlockTag {
	const line = raw.trim();
	let i: number;
	if (atStart) {
		if (line.charCodeAt(0) !== 60) return BlockTag.None;
		i = 1;
	} else {
		if (line.charCodeAt(line.length - 1) !== 62) return BlockTag.None;
		i = line.lastIndexOf("<") + 1;
		if (i === 0) return BlockTag.None;
	}
	if (line.charCodeAt(i) === 47) i++;
	const start = i;
	while (i < line.length && isTagNameChar(line.charCodeAt(i), i === start)) i++;
	if (i === start) return BlockTag.None;
	const c = line.charCodeAt(i);
	if (!(c === 62 || c === 32 || c === 9 || c === 47)) return BlockTag.None;
	const name = line.slice(start, i).toLowerCase();
	return name === "p" ? BlockTag.Paragraph : HTML_BLOCK_TAGS.has(name) ? BlockTag.Other : BlockTag.None;
}

/**
 * Where a raw HTML line is cut into paragraphs: before each `<p>` (`<p …>`, `<p/>`) and after each
 * `</p>` that has text on both sides (`<p>a</p><p>b</p>`), as offsets from 0 to the line's length;
 * null when there is no such cut (most lines). A comment is skipped; none is looked for after one left open. One forward scan.
 */
function paragraphCuts(raw: string): number[] | null {
	let cuts: number[] | null = null;
	let last = 0;
	// Past the line's last non-space character: a cut before it has text after it (no slice per cut).
	let textEnd = raw.length;
	while (textEnd > 0 && isSpace(raw.charCodeAt(textEnd - 1))) textEnd--;
	for (let i = raw.indexOf("<"); i !== -1; i = raw.indexOf("<", i + 1)) {
		if (raw.startsWith("<!--", i)) {
			i = raw.indexOf("-->", i + 4);
			if (i === -1) break;
			continue;
		}
		const closing = raw.charCodeAt(i + 1) === 47;
		const n = i + (closing ? 2 : 1);
		if ((raw.charCodeAt(n) | 32) !== 112) continue;
		const c = raw.charCodeAt(n + 1);
		if (!(c === 62 || c === 32 || c === 9 || c === 47)) continue;
		const end = tagEnd(raw, n + 1);
		if (end === -1) continue;
		const at = closing ? end + 1 : i;
		if (at > last && at < textEnd && raw.slice(last, at).trim() !== "") {
			(cuts ??= [0]).push(at);
			last = at;
		}
		i = end;
	}
	if (cuts === null) return null;
	cuts.push(raw.length);
	return cuts;
}

function isTagNameChar(c: number, first: boolean): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (!first && ((c >= 48 && c <= 57) || c === 45));
}

/** Where the tag whose name ends at `from` closes (its `>`, quoted attribute values skipped), or -1. */
function tagEnd(line: string, from: number): number {
	let quote = 0;
	for (let i = from; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (quote !== 0) {
			if (c === quote) quote = 0;
		} else if (c === 34 || c === 39) quote = c;
		else if (c === 62) return i;
		else if (c === 60) return -1;
	}
	return -1;
}

/** Text with its HTML tags (`<b>`, `</span>`, `<!-- … -->` on one line) taken out: one forward scan. */
function withoutTags(text: string): string {
	if (text.indexOf("<") === -1) return text;
	let out = "";
	let last = 0;
	for (let i = text.indexOf("<"); i !== -1; i = text.indexOf("<", i + 1)) {
		const d = text.charCodeAt(i + 1);
		if (!(isTagNameChar(d, true) || d === 47 || d === 33)) continue;
		const close = tagEnd(text, i + 1);
		if (close === -1) continue;
		out += text.slice(last, i);
		last = close + 1;
		i = close;
	}
	return out + text.slice(last);
}

/** 1 for the characters markdown or Obsidian could read as markup in text: escaped in an HTML block's text. */
const MARKUP_CHARS = new Uint8Array(128);
for (const ch of "\\`*_[]~=$%^#!|") MARKUP_CHARS[ch.charCodeAt(0)] = 1;

/**
 * A line of a raw HTML block with its markdown made text: outside its tags every character markdown or
 * Obsidian reads as markup is escaped, and a start that would open a block (`- `, `1.`, `>`, four
 * spaces of indent) is not one. The tags stay as written, for the inline pass to read as in a paragraph.
 */
function markdownAsText(raw: string): string {
	const line = raw.trim();
	let out = "";
	let last = 0;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === 60) {
			const d = line.charCodeAt(i + 1);
			if (d === 33 && line.startsWith("<!--", i)) {
				// A comment shows nothing, its text included; one that goes on to a later line is the inline pass's to end.
				const end = line.indexOf("-->", i + 4);
				if (end === -1) break;
				i = end + 2;
				continue;
			}
			if (isTagNameChar(d, true) || d === 47 || d === 33) {
				const close = tagEnd(line, i + 1);
				if (close !== -1) i = close;
			}
			continue;
		}
		if ((c < 128 && MARKUP_CHARS[c] === 1) || (i === 0 && (c === 45 || c === 43 || c === 62)) || ((c === 46 || c === 41) && isItemNumber(line, i))) {
			out += line.slice(last, i) + "\\";
			last = i;
		}
	}
	return last === 0 ? line : out + line.slice(last);
}

/** Whether `line[0, dot)` is all digits (the number of an ordered list item that `line[dot]` would end). */
function isItemNumber(line: string, dot: number): boolean {
	if (dot === 0) return false;
	for (let k = 0; k < dot; k++) if (line.charCodeAt(k) < 48 || line.charCodeAt(k) > 57) return false;
	return true;
}

/**
 * An item whose text opens with a bullet of its own (`- - [ ] x`, `1. - [ ] x`: OneNote's to-dos, a list
 * nested on the item's line) as one item, the inner bullet gone: Medium's items hold no lists, and
 * `- [ ]` would show as text. A rule (`- - -`) and an empty inner item stay as they are.
 */
function withoutInnerBullet(text: string, contentStart: number): string {
	const c = text.charCodeAt(contentStart);
	if ((c !== 45 && c !== 42 && c !== 43) || !isSpace(text.charCodeAt(contentStart + 1)) || isRule(text)) return text;
	let k = contentStart + 1;
	while (k < text.length && isSpace(text.charCodeAt(k))) k++;
	return k === text.length ? text : text.slice(0, contentStart) + text.slice(k);
}

/**
 * A cell's HTML list (`Here's a list! <ul><li>One</li><li>Two</li></ul>`, the markdown guide's way to a
 * list in a cell) as lines, each item's marker (`- `, `1. `) first, as the browser shows it; one pass.
 */
function cellItems(cell: string): string {
	if (cell.indexOf("<") === -1 || !/<li\b/i.test(cell)) return cell;
	const lists: number[] = [];
	return cell.replace(/<(\/?)(ul|ol|li)\b[^<>]*>/gi, (_, closing: string, name: string) => {
		const tag = name.toLowerCase();
		if (tag !== "li") {
			if (closing === "") lists.push(tag === "ol" ? 1 : 0);
			else lists.pop();
			return closing === "" ? "" : "<br>";
		}
		if (closing !== "") return "";
		const k = lists.length - 1;
		return "<br>" + (k >= 0 && lists[k] > 0 ? `${lists[k]++}. ` : "- ");
	});
}

/** A tag that breaks a table cell's text: `<br>`, `<br/>`, `<p>`, `</p>`, `<p/>`, in any case. */
const CELL_BREAK = /<(?:br|\/?p)\s*\/?>/i;

/** An HTML table cell's text, white space as a browser shows it, a line per `<br>` or paragraph. */
function htmlCell(html: string): string {
	const lines: string[] = [];
	for (const part of cellItems(html).split(CELL_BREAK)) {
		const text = decodeEntities(withoutTags(part)).replace(/\s+/g, " ").trim();
		if (text !== "") lines.push(text);
	}
	return lines.join("\n");
}

/** `- [ ] x` (or a tab in the box) → `- ☐ x`; `- [x] x` (any other mark) → `- ☑ x`. The item's text may start up to 4 spaces after its marker. */
function taskItem(text: string, at: number): string {
	let contentStart = at;
	while (contentStart < at + 3 && text[contentStart] === " ") contentStart++;
	if (text[contentStart] !== "[" || text[contentStart + 2] !== "]") return text;
	const after = text[contentStart + 3];
	if (after !== undefined && after !== " " && after !== "\t") return text;
	// GFM: a white space character in the box (a tab too) is an open task.
	const mark = text[contentStart + 1];
	const box = mark === " " || mark === "\t" ? "☐" : "☑";
	return text.slice(0, contentStart) + box + (after === "\t" ? " " + text.slice(contentStart + 4) : text.slice(contentStart + 3));
}

/**
 * Whether a table row is rather a line of its own kind (a block id, a fence, a heading), which ends
 * the table. Only a line starting with one of their characters or white space needs the full tests.
 */
function endsTable(content: string): boolean {
	const c = content.charCodeAt(0);
	if (c > 32 && c < 127 && c !== 94 && c !== 96 && c !== 126 && c !== 35) return false; // not ^ ` ~ #
	return trailingBlockId(content.trim()) === 0 || fenceOpen(content.trimStart()) !== null || parseHeading(content) !== null;
}

/**
 * Whether a line with no pipe right under a table is a row of it (GFM): text, not another block, nor a
 * line Obsidian reads as one of its own kind (a block id, a comment, a footnote's definition, a tag or
 * math line, HTML), which a note puts under its table.
 */
function isLazyRow(content: string): boolean {
	const t = content.trimStart();
	const c = t.charCodeAt(0);
	const d = t.charCodeAt(1);
	if (c === 35 || c === 60 || (c === 37 && d === 37) || (c === 91 && d === 94) || (c === 36 && d === 36)) return false;
	return !startsBlock(content) && !endsTable(content);
}

/** A cheap test before parsing: a delimiter row holds only `|`, `:`, `-`, `>` and spaces, and a `-`. */
function mayBeDelimiterRow(line: string): boolean {
	let dash = false;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === 45) dash = true;
		else if (c !== 124 && c !== 58 && c !== 32 && c !== 9 && c !== 62) return false;
	}
	return dash;
}

/** Reports nothing: a table cell's markup is lost with the table's own warning. */
const QUIET: InlineReport = { softBreaks: false, warn: () => undefined };

/** What a heading of each level is written as. */
const HEADING_LEADS = ["", "# ", "## ", "### ", "#### ", "##### ", "###### "];

/** Output lines the root hands to its sink at a time (see BlockConverter.run). */
const SINK_BATCH = 256;

/** The kinds of output line that blank-line collapsing cares about. */
const enum LineKind {
	Text,
	Blank,
	Quote,
}

/** The tag name (lower case) of an HTML opening tag alone on its line whose `markdown` attribute asks for markdown inside (`markdown="1"`, `"block"`, bare `markdown`), else null. */
function markdownHtmlOpen(text: string): string | null {
	const m = /^<([A-Za-z][A-Za-z0-9]*)([ \t][^<>]*)?>$/.exec(text);
	if (m === null || m[2] === undefined || m[2].endsWith("/")) return null;
	const attr = /[ \t]markdown(?:[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?(?=[ \t]|$)/.exec(m[2]);
	if (attr === null) return null;
	const value = (attr[1] ?? attr[2] ?? attr[3] ?? "1").trim().toLowerCase();
	return value === "1" || value === "block" || value === "span" || value === "" ? m[1].toLowerCase() : null;
}

/** `[[toc]]`, `[toc]`, `[TOC]`, `${toc}`: a line the blog replaces with its table of contents. */
function isTocMarker(trimmed: string): boolean {
	const t = trimmed.toLowerCase();
	return t === "[[toc]]" || t === "[toc]" || t === "${toc}";
}

/** A line of only kramdown attributes or options: `{: .class}`, `{:toc}`, `{::options key="v" /}`. */
function isKramdownAttributes(trimmed: string): boolean {
	if (!trimmed.startsWith("{:") || !trimmed.endsWith("}")) return false;
	for (let k = 2; k < trimmed.length - 1; k++) {
		const c = trimmed.charCodeAt(k);
		if (c === 123 || c === 125) return false;
	}
	return true;
}

/** Whether a line is text, blank, or a lone `>`. */
function kindOf(line: string): LineKind {
	if (!isBlankish(line)) return LineKind.Text;
	return isBlank(line) ? LineKind.Blank : LineKind.Quote;
}

/** Whether a line starting with this character may be a blog engine's own line (`<`, `:`, `{`, `import`, `export`, an indent, MkDocs' `!!!`, `???`, `===`). */
function mayOpenBlogBlock(c: number): boolean {
	return c === 60 || c === 58 || c === 123 || c === 105 || c === 101 || c === 32 || c === 9 || c === 33 || c === 63 || c === 61;
}

/** The index of the innermost container that `match` accepts, or -1. */
function lastContainer(containers: readonly BlogContainer[], match: (c: BlogContainer) => boolean): number {
	for (let k = containers.length - 1; k >= 0; k--) if (match(containers[k])) return k;
	return -1;
}

/** The width of a line's leading spaces and tabs, in characters. */
function indentWidth(line: string): number {
	let k = 0;
	while (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9) k++;
	return k;
}

/** A label shown in bold above what it names (a tab's, a code block's, a callout's title): its own markdown characters escaped. */
function boldLabel(label: string): string {
	return "**" + label.replace(/[*_\\[\]<`]/g, "\\$&") + "**";
}

/** An empty line, or a quote line with nothing in it. */
function isBlankish(line: string): boolean {
	let gt = 0;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === 62 && gt === 0) gt++;
		else if (c > 32) return false;
	}
	return true;
}

/** A list marker with nothing after it (what is left when an embed took the whole item). */
function isBareListMarker(s: string): boolean {
	const item = listItem(s);
	return item !== null && s.slice(item.contentStart).trim() === "";
}

/** Whether a line starts with a Liquid tag (`{%`), past up to 3 spaces. */
function startsLiquid(line: string): boolean {
	const at = line.indexOf("{%");
	return at !== -1 && at < 4 && isBlank(line.slice(0, at));
}


/**
 * Whether a line leaves inline math open: a `$` with a non-space after it and no closing `$` (after a
 * non-space, no digit after it) on the line. A line with a code span or `$$` is left as it is.
 */
function openInlineMath(text: string): boolean {
	if (text.indexOf("`") !== -1 || text.indexOf("$$") !== -1) return false;
	let open = false;
	for (let i = text.indexOf("$"); i !== -1; i = text.indexOf("$", i + 1)) {
		if (isEscaped(text, i)) continue;
		if (!open) open = i + 1 < text.length && !isSpace(text.charCodeAt(i + 1));
		else if (!isSpace(text.charCodeAt(i - 1)) && !(text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) open = false;
	}
	return open;
}

/** Whether a line (the math's continuation) holds a `$` that closes it. */
function closesInlineMath(text: string): boolean {
	if (text.indexOf("`") !== -1 || text.indexOf("$$") !== -1) return false;
	for (let i = text.indexOf("$"); i !== -1; i = text.indexOf("$", i + 1)) {
		if (i > 0 && !isEscaped(text, i) && !isSpace(text.charCodeAt(i - 1)) && !(text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) return true;
	}
	return false;
}
