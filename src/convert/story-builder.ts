/**
 * The block half of building the story model. The line pass (block-converter.ts) has resolved
 * Obsidian's syntax into plain markdown lines; this builder takes those lines one at a time, with the
 * root-note line each came from, and makes Medium's flat list of paragraphs, applying the block rules
 * of src/convert/rules/block-rules.ts as it goes. One pass, a few lines of state; paragraphs go through
 * the inline parser (inline-tree.ts) once, when they end.
 */

import type { ImageSource, InlineNode, StoryBlock } from "../story/story-model";
import { codeLanguage, HEADING_LEVELS_CODE, HEADING_LEVELS_MESSAGE, headingSizes, isEmbedLine, nestedItemPrefix, OBSIDIAN_ONLY_CODE, OBSIDIAN_ONLY_LANGUAGES, quotedListPrefix } from "./rules/block-rules";
import { RAW_HTML_CODE, STRIKETHROUGH_CODE } from "./rules/inline-rules";
import { BREAK, parseInline, type InlineImage, type InlinePiece, type InlineReport } from "./inline-tree";
import { closesFence, fenceOpen, listItem, parseHeading, splitQuote } from "./sections";
import { isBlank } from "./text-scan";

/** What the builder needs from the conversion around it. */
export interface BuilderHost {
	warn(code: string, message: string, line: number): void;
	/** Where an image's bytes come from, or null (with a warning) when Medium could not show it. */
	imageSource(src: string, line: number): ImageSource | null;
	/** Strict line breaks: a single newline inside a paragraph is a space (else a line break). */
	strictLineBreaks: boolean;
}

const enum Para {
	Plain,
	Quote,
	Item,
}

interface Fence {
	char: string;
	len: number;
	indent: number;
	quoted: boolean;
	language: string | null;
	lines: string[];
	line: number;
}

interface OpenItem {
	/** Column where the item's text starts: deeper lines belong to it. */
	contentIndent: number;
}

/** Warning codes raised at most once per story (a rule that applies everywhere says so once). */
const ONCE = new Set([STRIKETHROUGH_CODE, RAW_HTML_CODE]);

export class StoryBuilder {
	readonly blocks: StoryBlock[] = [];
	private readonly headings: Array<{ block: StoryBlock & { type: "heading" }; level: number }> = [];
	private readonly warnedOnce = new Set<string>();
	private readonly report: InlineReport;
	private reportLine = 1;

	private para: string[] = [];
	private paraKind = Para.Plain;
	private paraLine = 0;
	private itemPrefix = "";
	private fence: Fence | null = null;
	private indented: { lines: string[]; line: number } | null = null;
	private prevBlank = true;
	private quoteGroup = -1;
	private quoteCount = 0;
	private listId = -1;
	private listOrdered = false;
	/** The list the open item belongs to: the top list, or a nested list of its own (see startItem). */
	private itemList = -1;
	private itemOrdered = false;
	private subList = -1;
	private subOrdered = false;
	private subDepth = 0;
	/** The open item paragraph is a later paragraph of the last item: it joins that item. */
	private continuing = false;
	private lastItem: (StoryBlock & { type: "list-item" }) | null = null;
	private listCount = 0;
	private readonly items: OpenItem[] = [];

	constructor(private readonly host: BuilderHost) {
		this.report = {
			softBreaks: !host.strictLineBreaks,
			warn: (code, message) => this.warn(code, message, this.reportLine),
		};
	}

	warn(code: string, message: string, line: number): void {
		if (ONCE.has(code)) {
			if (this.warnedOnce.has(code)) return;
			this.warnedOnce.add(code);
		}
		this.host.warn(code, message, line);
	}

	/** Takes the next markdown line, which came from root-note line `line`. */
	push(text: string, line: number): void {
		if (this.fence) {
			if (this.fenceLine(this.fence, text)) return;
		}
		if (this.indented) {
			if (isBlank(text) || indentOf(text) >= 4) {
				this.indented.lines.push(isBlank(text) ? "" : stripIndent(text, 4));
				return;
			}
			this.closeIndented();
		}
		const c0 = text.charCodeAt(0);
		const quote = c0 === 62 || c0 === 32 ? splitQuote(text) : null;
		if (quote !== null && quote.depth > 0) {
			this.quoted(quote.content, line);
			this.prevBlank = false;
			return;
		}
		if (this.quoteGroup >= 0) {
			// A line without `>` right after quoted text continues it (CommonMark's laziness).
			if (!isBlank(text) && this.para.length > 0 && this.paraKind === Para.Quote && !startsBlock(text)) {
				this.para.push(text);
				return;
			}
			this.flush();
			this.quoteGroup = -1;
		}
		if (isBlank(text)) {
			this.flush();
			this.prevBlank = true;
			return;
		}
		const wasBlank = this.prevBlank;
		this.prevBlank = false;
		const indent = indentOf(text);
		if (this.items.length > 0) {
			const item = listItem(text);
			if (item && !isRule(text)) {
				this.startItem(text, item, line);
				return;
			}
			const top = this.items[this.items.length - 1];
			if (indent >= Math.min(top.contentIndent, 4) || (!wasBlank && this.paraKind === Para.Item && this.para.length > 0 && !startsBlock(text))) {
				this.itemContinuation(text, indent, wasBlank, line);
				return;
			}
			this.flush();
			this.endList();
		}
		if (indent < 4) {
			const h = text.charCodeAt(indent) === 35 ? parseHeading(text) : null;
			if (h) {
				this.flush();
				this.heading(h.level, h.text, line);
				return;
			}
			const setext = this.para.length > 0 && this.paraKind === Para.Plain ? setextLevel(text) : 0;
			if (setext > 0) {
				const paraLine = this.paraLine;
				const content = this.para.join("\n");
				this.para = [];
				this.heading(setext, content, paraLine);
				return;
			}
			if (isRule(text)) {
				this.flush();
				this.blocks.push({ type: "rule", line });
				return;
			}
			const fence = fenceOpen(text.trimStart());
			if (fence) {
				this.flush();
				this.openFence(fence, indent, false, line);
				return;
			}
			const item = listItem(text);
			if (item && (this.para.length === 0 || !isBlank(text.slice(item.contentStart)))) {
				this.startItem(text, item, line);
				return;
			}
		} else if (this.para.length === 0) {
			this.indented = { lines: [stripIndent(text, 4)], line };
			return;
		}
		this.addLine(Para.Plain, text, line);
	}

	/** A line inside a block quote (any depth: Medium's quotes are flat). */
	private quoted(content: string, line: number): void {
		if (this.quoteGroup < 0) {
			this.flush();
			this.endList();
			this.quoteGroup = ++this.quoteCount;
		}
		if (isBlank(content)) {
			this.flush();
			return;
		}
		const trimmed = content.trimStart();
		const fence = fenceOpen(trimmed);
		if (fence) {
			this.flush();
			this.openFence(fence, content.length - trimmed.length, true, line);
			return;
		}
		const h = trimmed.charCodeAt(0) === 35 ? parseHeading(trimmed) : null;
		if (h) {
			// A heading inside a quote: Medium's quotes hold paragraphs only, so it is a bold one.
			this.flush();
			this.addLine(Para.Quote, `**${h.text}**`, line);
			this.flush();
			return;
		}
		if (isRule(trimmed)) {
			this.flush();
			return;
		}
		const item = listItem(trimmed);
		if (item && !isBlank(trimmed.slice(item.contentStart))) {
			this.flush();
			this.addLine(Para.Quote, trimmed.slice(item.contentStart), line);
			this.itemPrefix = quotedListPrefix(trimmed.slice(item.indent, item.contentStart).trim());
			return;
		}
		this.addLine(Para.Quote, content, line);
	}

	private addLine(kind: Para, text: string, line: number): void {
		if (this.para.length > 0 && this.paraKind !== kind) this.flush();
		if (this.para.length === 0) {
			this.paraKind = kind;
			this.paraLine = line;
			if (kind !== Para.Item) this.itemPrefix = "";
		}
		this.para.push(text);
	}

	/** A list item: flat on Medium, a nested one after its parent with a prefix that shows its level. */
	private startItem(text: string, item: { indent: number; contentStart: number }, line: number): void {
		this.flush();
		const marker = text.slice(item.indent, item.contentStart).trim();
		const ordered = marker.charCodeAt(0) >= 48 && marker.charCodeAt(0) <= 57;
		const rest = text.slice(item.contentStart);
		const contentIndent = isBlank(rest) ? item.indent + marker.length + 1 : item.contentStart + indentOf(rest);
		while (this.items.length > 0 && item.indent < this.items[this.items.length - 1].contentIndent) this.items.pop();
		if (this.items.length === 0 && (this.listId < 0 || this.listOrdered !== ordered)) {
			this.listId = ++this.listCount;
			this.listOrdered = ordered;
		}
		const depth = this.items.length;
		this.items.push({ contentIndent });
		let list = this.listId;
		let listOrdered = this.listOrdered;
		let prefix = "";
		if (depth === 0) this.subList = -1;
		else if (!this.listOrdered && !ordered) prefix = nestedItemPrefix(depth, ordered, marker);
		else {
			// Nested under a numbered list, or numbered itself: a list of its own, so Medium's numbers stay right.
			if (this.subList < 0 || this.subOrdered !== ordered || this.subDepth !== depth) {
				this.subList = ++this.listCount;
				this.subOrdered = ordered;
				this.subDepth = depth;
			}
			list = this.subList;
			listOrdered = ordered;
			if (!ordered) prefix = nestedItemPrefix(depth, ordered, marker);
		}
		this.itemList = list;
		this.itemOrdered = listOrdered;
		this.continuing = false;
		const trimmed = rest.trimStart();
		const fence = fenceOpen(trimmed);
		if (fence) {
			// An item that opens with a code block: the code follows the (empty) item.
			this.openFence(fence, contentIndent, false, line);
			return;
		}
		this.paraKind = Para.Item;
		this.paraLine = line;
		this.itemPrefix = prefix;
		this.para.push(trimmed);
	}

	/** A line indented under a list item: more of its text, or a code block that moves out of it. */
	private itemContinuation(text: string, indent: number, wasBlank: boolean, line: number): void {
		const trimmed = text.trimStart();
		const fence = fenceOpen(trimmed);
		if (fence) {
			this.flush();
			this.openFence(fence, indent, false, line);
			return;
		}
		if (this.para.length > 0 && this.paraKind === Para.Item && !wasBlank) {
			this.para.push(trimmed);
			return;
		}
		// A later paragraph of the item: it joins the item, after a line break.
		this.flush();
		this.paraKind = Para.Item;
		this.paraLine = line;
		this.itemPrefix = "";
		this.continuing = true;
		this.para.push(trimmed);
	}

	private endList(): void {
		if (this.items.length > 0) this.items.length = 0;
		this.listId = this.itemList = this.subList = -1;
		this.lastItem = null;
	}

	private heading(level: number, text: string, line: number): void {
		this.endList();
		const pieces = this.inline(text, line);
		let content: InlineNode[] = [];
		let k = 0;
		if (pieces.length > 0 && Array.isArray(pieces[0])) content = pieces[k++] as InlineNode[];
		if (content.length > 0) {
			const block: StoryBlock & { type: "heading" } = { type: "heading", size: "large", content, line };
			this.blocks.push(block);
			this.headings.push({ block, level });
		}
		for (; k < pieces.length; k++) this.piece(pieces[k], line, (c) => ({ type: "paragraph", content: c, line }));
	}

	private openFence(fence: { char: string; len: number; info: string }, indent: number, quoted: boolean, line: number): void {
		this.fence = { char: fence.char, len: fence.len, indent, quoted, language: codeLanguage(fence.info), lines: [], line };
		if (this.fence.language !== null && OBSIDIAN_ONLY_LANGUAGES.has(this.fence.language.toLowerCase())) {
			this.warn(OBSIDIAN_ONLY_CODE, `A ${this.fence.language} block only renders in Obsidian; it stays a code block on Medium.`, line);
		}
	}

	/** A line while a fence is open; false when the line ends a quoted fence and must be read again. */
	private fenceLine(fence: Fence, text: string): boolean {
		let content = text;
		if (fence.quoted) {
			const q = splitQuote(text);
			if (q.depth === 0) {
				this.closeFence();
				return false;
			}
			content = q.content;
		}
		if (closesFence(content, fence)) {
			this.closeFence();
			return true;
		}
		fence.lines.push(stripIndent(content, fence.indent));
		return true;
	}

	private closeFence(): void {
		const f = this.fence as Fence;
		this.fence = null;
		this.blocks.push({ type: "code", language: f.language, text: f.lines.join("\n"), line: f.line });
	}

	private closeIndented(): void {
		const c = this.indented as { lines: string[]; line: number };
		this.indented = null;
		while (c.lines.length > 0 && c.lines[c.lines.length - 1] === "") c.lines.pop();
		this.blocks.push({ type: "code", language: null, text: c.lines.join("\n"), line: c.line });
	}

	private inline(text: string, line: number): InlinePiece[] {
		this.reportLine = line;
		return parseInline(text, this.report);
	}

	/** Ends the open paragraph, if any, as Medium's blocks. */
	private flush(): void {
		if (this.para.length === 0) return;
		const lines = this.para;
		const line = this.paraLine;
		this.para = [];
		const kind = this.paraKind;
		if (kind === Para.Plain && lines.length === 1 && isEmbedLine(lines[0])) {
			this.blocks.push({ type: "embed", url: lines[0].trim(), line });
			return;
		}
		const pieces = this.inline(lines.length === 1 ? lines[0] : lines.join("\n"), line);
		if (kind === Para.Plain) {
			for (const p of pieces) this.piece(p, line, (content) => ({ type: "paragraph", content, line }));
		} else if (kind === Para.Quote) {
			const group = this.quoteGroup;
			const prefix = this.itemPrefix;
			this.itemPrefix = "";
			let first = true;
			for (const p of pieces) {
				this.piece(p, line, (content) => ({ type: "quote", group, content: first && prefix ? withPrefix(prefix, content) : content, line }));
				if (Array.isArray(p)) first = false;
			}
		} else {
			const prefix = this.itemPrefix;
			let first = true;
			const list = this.itemList < 0 ? (this.itemList = this.listId = ++this.listCount) : this.itemList;
			const ordered = this.itemOrdered;
			const last = this.lastItem;
			const joins = this.continuing && last !== null && this.blocks[this.blocks.length - 1] === last;
			this.continuing = false;
			for (const p of pieces) {
				if (first && joins && Array.isArray(p)) {
					last.content = [...last.content, BREAK, ...p];
					first = false;
					continue;
				}
				this.piece(p, line, (content) => {
					const block: StoryBlock & { type: "list-item" } = { type: "list-item", ordered, list, content: first && prefix ? withPrefix(prefix, content) : content, line };
					this.lastItem = block;
					return block;
				});
				if (Array.isArray(p)) first = false;
			}
		}
	}

	/** One piece of a paragraph: inline content as `make` builds it, or an image block of its own. */
	private piece(p: InlinePiece, line: number, make: (content: InlineNode[]) => StoryBlock): void {
		if (Array.isArray(p)) this.blocks.push(make(p));
		else this.image(p, line);
	}

	private image(img: InlineImage, line: number): void {
		const source = this.host.imageSource(img.src, line);
		if (source === null) return;
		const caption = img.title !== null && img.title.trim() !== "" ? [{ type: "text" as const, text: img.title.trim() }] : null;
		this.blocks.push({ type: "image", source, alt: img.alt, caption, line });
	}

	/** Adds a block made elsewhere (the notes section), after every block still open. */
	add(block: StoryBlock): void {
		this.close();
		this.blocks.push(block);
	}

	private close(): void {
		if (this.fence) this.closeFence();
		if (this.indented) this.closeIndented();
		this.flush();
		this.quoteGroup = -1;
		this.endList();
	}

	/** Parses inline markdown as one paragraph's content (images left out), for blocks made elsewhere. */
	inlineContent(text: string, line: number): InlineNode[] {
		const out: InlineNode[] = [];
		for (const p of this.inline(text, line)) if (Array.isArray(p)) out.push(...p);
		return out;
	}

	/** Ends every open block and sizes the headings; returns the blocks. */
	finish(): StoryBlock[] {
		this.close();
		const levels = this.headings.map((h) => h.level);
		const { sizes, extraLevelAt } = headingSizes(levels);
		for (let k = 0; k < this.headings.length; k++) this.headings[k].block.size = sizes[k];
		if (extraLevelAt !== -1) this.warn(HEADING_LEVELS_CODE, HEADING_LEVELS_MESSAGE, this.headings[extraLevelAt].block.line);
		return this.blocks;
	}
}

function withPrefix(prefix: string, content: InlineNode[]): InlineNode[] {
	const first = content[0];
	if (first !== undefined && first.type === "text") return [{ type: "text", text: prefix + first.text }, ...content.slice(1)];
	return [{ type: "text", text: prefix }, ...content];
}

/** Leading white space in columns (a tab counts to the next multiple of 4). */
function indentOf(text: string): number {
	let col = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 32) col++;
		else if (c === 9) col += 4 - (col % 4);
		else break;
	}
	return col;
}

/** Removes up to `cols` columns of leading white space. */
function stripIndent(text: string, cols: number): string {
	let col = 0;
	let i = 0;
	while (i < text.length && col < cols) {
		const c = text.charCodeAt(i);
		if (c === 32) col++;
		else if (c === 9) col += 4 - (col % 4);
		else break;
		i++;
	}
	return i === 0 ? text : text.slice(i);
}

/** A thematic break: three or more `-`, `*` or `_` (spaces between allowed), nothing else. */
function isRule(text: string): boolean {
	let ch = 0;
	let count = 0;
	let i = 0;
	while (i < text.length && i < 3 && text.charCodeAt(i) === 32) i++;
	for (; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 32 || c === 9) continue;
		if (c !== 45 && c !== 42 && c !== 95) return false;
		if (ch === 0) ch = c;
		else if (c !== ch) return false;
		count++;
	}
	return count >= 3;
}

/** `===` under a paragraph makes it a level-1 heading, `---` a level-2 one; 0 otherwise. */
function setextLevel(text: string): number {
	const t = text.trim();
	if (t.length === 0) return 0;
	const c = t.charCodeAt(0);
	if (c !== 61 && c !== 45) return 0;
	for (let i = 1; i < t.length; i++) if (t.charCodeAt(i) !== c) return 0;
	return c === 61 ? 1 : 2;
}

/** Whether a line starts a block of its own (so it cannot continue a paragraph lazily). */
function startsBlock(text: string): boolean {
	const t = text.trimStart();
	if (t.length === 0) return true;
	const c = t.charCodeAt(0);
	if (c === 35 && parseHeading(t)) return true;
	if ((c === 96 || c === 126) && fenceOpen(t)) return true;
	if (c === 62) return true;
	if (isRule(text)) return true;
	return listItem(t) !== null;
}
