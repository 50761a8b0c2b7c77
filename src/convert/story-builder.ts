/**
 * The block half of building the story model. The line pass (block-converter.ts) has resolved
 * Obsidian's syntax into plain markdown lines; this builder takes those lines one at a time, with the
 * root-note line each came from, and makes Medium's flat list of paragraphs, applying the block rules
 * of src/convert/rules/block-rules.ts as it goes. One pass, a few lines of state; paragraphs go through
 * the inline parser (inline-tree.ts) once, when they end.
 */

import type { ImageSource, InlineNode, StoryBlock } from "../story/story-model";
import { codeLanguage, HEADING_LEVELS_CODE, IMAGE_IN_NOTE_CODE, HEADING_LEVELS_MESSAGE, headingSizes, DINKUS_MAX, isDinkus, isEmbedLine, EMPTY_LIST_ITEM_CODE, EMPTY_LIST_ITEM_MESSAGE, LIST_NUMBERING_CODE, LIST_NUMBERING_MESSAGE, nestedItemPrefix, OBSIDIAN_ONLY_CODE, obsidianOnly, quotedListPrefix } from "./rules/block-rules";
import { ALIGNED_TEXT_CODE, RAW_HTML_CODE, STRIKETHROUGH_CODE } from "./rules/inline-rules";
import { BREAK, mayHoldMarkup, mergeText, parseInline, parseParagraph, pieceAt, pieceCount, plainLinesRun, type InlineImage, type InlineReport, type ParsedParagraph } from "./inline-tree";
import { closesFence, fenceOpen, lastQuoteDepth, listItem, parseHeading, quoteContentStart, splitQuoteUpTo } from "./sections";
import { indentOf, isBlank, isTrimSpace } from "./text-scan";

/**
 * What the builder needs from the conversion around it. Every `line` here is the number the line pass
 * gave the line: a root-note line, or a tag that also names an embedded note's own line
 * (convert-context's embeddedLineTag), so a warning can point where the text was written.
 */
export interface BuilderHost {
	warn(code: string, message: string, line: number): void;
	/** Where an image's bytes come from, or null (with a warning) when Medium could not show it. */
	imageSource(src: string, line: number): ImageSource | null;
	/** Strict line breaks: a single newline inside a paragraph is a space (else a line break). */
	strictLineBreaks: boolean;
	/**
	 * The embed scope each embed of a note was made in (0: the root note; a line's own scope comes with it,
	 * see push): an embedded note's headings are placed under the embed. Absent: no embeds.
	 */
	scopeParent?(scope: number): number;
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
	/** How many `>` its opener had: its lines lose that many and keep any deeper ones as code. */
	depth: number;
	language: string | null;
	line: number;
	/** In a quote of a list item's indented 4 columns or more (`\t> ```js` under `- a`): that indent, which its lines lose first. */
	quoteIndent: number;
}

/**
 * Lines gathered for a block still open (a paragraph's, a code block's), in an array reused from one
 * block to the next: a new array per block, grown by push, was garbage the collector paid for.
 */
class LineBuffer {
	private lines: string[] = [];
	count = 0;

	add(text: string): void {
		this.lines[this.count++] = text;
	}

	at(k: number): string {
		return this.lines[k];
	}

	last(): string {
		return this.lines[this.count - 1];
	}

	removeLast(): void {
		this.count--;
	}

	/** The paragraph's inline content when no line holds markup (the common prose paragraph), else null. */
	takePlain(softBreaks: boolean): InlineNode[] | null {
		for (let k = 0; k < this.count; k++) if (mayHoldMarkup(this.lines[k])) return null;
		const run = plainLinesRun(this.lines, this.count, softBreaks);
		this.count = 0;
		return run;
	}

	/** The lines joined by `\n`; the buffer is empty afterwards. */
	take(): string {
		const n = this.count;
		this.count = 0;
		if (n <= 1) return n === 0 ? "" : this.lines[0];
		// Only shrinks (V8 keeps the room unless more than half of it is unused), so the join sees just these lines.
		if (this.lines.length !== n) this.lines.length = n;
		return this.lines.join("\n");
	}
}

/** Warning codes raised at most once per story (a rule that applies everywhere says so once). */
const ONCE = new Set([STRIKETHROUGH_CODE, RAW_HTML_CODE, ALIGNED_TEXT_CODE, LIST_NUMBERING_CODE]);

export class StoryBuilder {
	readonly blocks: StoryBlock[] = [];
	private readonly headings: Array<{ block: StoryBlock & { type: "heading" }; level: number; scope: number }> = [];
	/**
	 * Per embed scope met by a heading (0: the root note): the index of its last heading so far, and for an
	 * embed, the heading of the note around it that it sits under (-1: none before it).
	 */
	private readonly scopeLast = new Map<number, number>();
	private readonly scopeAnchor = new Map<number, number>();
	private readonly warnedOnce = new Set<string>();
	private readonly report: InlineReport;
	private reportLine = 1;

	private readonly para = new LineBuffer();
	private paraKind = Para.Plain;
	private paraLine = 0;
	/** The embed scope of the line being read, and of the open paragraph's first line (see push). */
	private lineScope = 0;
	private paraScope = 0;
	/** The open paragraph is a heading's text inside a quote or list item: it becomes one bold run (see boldWhole). */
	private paraHeading = false;
	private itemPrefix = "";
	/** The indents of the open list items of the quote numbered {@link quotedItemsGroup}. */
	private readonly quotedItemIndents: number[] = [];
	/** Beside each of those, its number as Obsidian shows it (0: a bullet) and its marker's last character. */
	private readonly quotedItemNumbers: number[] = [];
	private readonly quotedItemMarks: number[] = [];
	private quotedItemsGroup = -1;
	private fence: Fence | null = null;
	/** Whether an indented code block is open, and its first line. */
	private indented = false;
	private indentedLine = 0;
	/** The columns an indented code line starts with (4, or 4 past a list item's text). */
	private indentedCols = 4;
	/** The lines of the open code block (fenced or indented). */
	private readonly code = new LineBuffer();
	private prevBlank = true;
	private quoteGroup = -1;
	/** The columns of the list item a quote opened (`- > a`), which its later lines are indented by; 0 otherwise. */
	private quoteIndent = 0;
	private quoteCount = 0;
	private listId = -1;
	private listOrdered = false;
	/** The top list's bullet character or number delimiter (`.` or `)`). */
	private listMark = 0;
	/** The list the open item belongs to: the top list, or a nested list of its own (see startItem). */
	private itemList = -1;
	private itemOrdered = false;
	private subList = -1;
	private subOrdered = false;
	private subDepth = 0;
	/** The open item paragraph is a later paragraph of the last item: it joins that item. */
	private continuing = false;
	/** The open item's block (a paragraph when Medium would number it otherwise, see numbered) and its list. */
	private lastItem: (StoryBlock & { type: "list-item" | "paragraph" }) | null = null;
	private lastItemList = -1;
	/** The item whose content array is its own copy, so later paragraphs are added to it in place. */
	private lastItemOwned: StoryBlock | null = null;
	private listCount = 0;
	/** The numbered lists that have an item in the story (a later item apart from them is a split list). */
	private readonly numberedLists = new Set<number>();
	/** Per numbered list, its last item's number as Obsidian shows it: the list's start, then one more per item. */
	private readonly itemNumbers = new Map<number, number>();
	/** The numbered lists Medium would number otherwise (starting at another number than 1, or split). */
	private readonly offLists = new Set<number>();
	/** The open item's number in the note (see itemNumbers), and whether an empty item (left out) came right before it. */
	private itemNumber = 0;
	private itemAfterEmpty = false;
	/** Per nesting depth, the last numbered item's number there (0: none) and its marker's last character. */
	private readonly levelNumbers: number[] = [];
	private readonly levelMarks: number[] = [];
	/** A numbered item with no text yet (`1. ` alone), its list and line: left out unless text follows under it. */
	private emptyItem: { list: number; line: number } | null = null;
	/** Per open item, outermost first: the column where its text starts (deeper lines belong to it). */
	private readonly itemIndents: number[] = [];
	private itemDepth = 0;

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

	/**
	 * Takes the next markdown line, which came from line `line` (see {@link BuilderHost}), by embed scope
	 * `scope` (0: the root note's own line; see convert-context's scopeParents).
	 */
	push(text: string, line: number, scope = 0): void {
		this.lineScope = scope;
		if (this.fence) {
			if (this.fenceLine(this.fence, text)) return;
		}
		const blank = isBlank(text);
		if (this.indented) {
			if (blank || indentOf(text) >= this.indentedCols) {
				this.code.add(blank ? "" : stripIndent(text, this.indentedCols));
				return;
			}
			this.closeIndented();
		}
		let quoted = text;
		let quoteAt = quoteContentStart(text);
		// The later lines of a quote that opened a list item (`\t- > a` `\t  > b`) are indented to the
		// item's text: past that indent they are the quote's lines, not indented code.
		if (quoteAt === -1 && this.quoteIndent > 0 && this.quoteGroup >= 0 && indentOf(text) >= this.quoteIndent) {
			quoted = stripIndent(text, this.quoteIndent);
			quoteAt = quoteContentStart(quoted);
		}
		// A new quote as far in as the open list item's text (1 to 3 spaces) is the item's: read with the item's lines.
		if (quoteAt !== -1 && !(this.quoteGroup < 0 && this.itemDepth > 0 && quoted === text && text.charCodeAt(0) === 32 && indentOf(text) >= this.itemIndents[this.itemDepth - 1])) {
			this.quoted(quoted.slice(quoteAt), lastQuoteDepth(), line);
			this.prevBlank = false;
			return;
		}
		if (this.quoteGroup >= 0) {
			// A line without `>` right after quoted text continues it (CommonMark's laziness).
			if (!blank && this.para.count > 0 && this.paraKind === Para.Quote && !startsBlock(text)) {
				this.para.add(text);
				return;
			}
			this.flush();
			this.quoteGroup = -1;
			this.quoteIndent = 0;
		}
		if (blank) {
			this.flush();
			this.prevBlank = true;
			return;
		}
		const wasBlank = this.prevBlank;
		this.prevBlank = false;
		const indent = indentOf(text);
		if (this.itemDepth > 0) {
			const item = listItem(text);
			if (item && !isRule(text)) {
				this.startItem(text, item, line);
				return;
			}
			if (item && indent >= this.itemIndents[0] && indent < this.itemIndents[this.itemDepth - 1] + 4) {
				// A rule in an outline (Roam's `- ---` divider block): a section break after the item above, not its text.
				this.flush();
				this.blocks.push({ type: "rule", line });
				return;
			}
			// After a blank line, a line left of a nested list (which joined its numbered item) but under the
			// numbered item's text is that item's later paragraph: the list goes on, its next item numbered as in the note.
			if (wasBlank && this.itemDepth > 1 && this.listOrdered && this.lastItem !== null && this.lastItemList === this.listId) {
				while (this.itemDepth > 1 && indent < this.itemIndents[this.itemDepth - 1]) this.itemDepth--;
			}
			const top = this.itemIndents[this.itemDepth - 1];
			if (indent >= Math.min(top, 4) || (!wasBlank && this.paraKind === Para.Item && this.para.count > 0 && !startsBlock(text))) {
				this.itemContinuation(text, indent, wasBlank, line);
				return;
			}
			this.flush();
			this.endList();
		}
		if (indent < 4) {
			// Below 4 columns the indent is spaces only, so `indent` is also the index of the first other character.
			const first = text.charCodeAt(indent);
			if (mayStartBlock(first) && this.blockStart(text, indent, first, line)) return;
		} else if (this.para.count === 0) {
			this.indented = true;
			this.indentedLine = line;
			this.indentedCols = 4;
			this.code.add(stripIndent(text, 4));
			return;
		}
		this.addLine(Para.Plain, text, line);
	}

	/**
	 * A line under 4 columns that may start a block (a heading, a setext underline, a rule, a fence, a
	 * list item): starts it and returns true, or returns false (the line is paragraph text).
	 */
	private blockStart(text: string, indent: number, first: number, line: number): boolean {
		const h = first === 35 ? parseHeading(text) : null;
		if (h) {
			this.flush();
			this.heading(h.level, h.text, line, this.lineScope);
			return true;
		}
		const setext = this.para.count > 0 && this.paraKind === Para.Plain ? setextLevel(text) : 0;
		if (setext > 0) {
			const paraLine = this.paraLine;
			this.heading(setext, this.para.take(), paraLine, this.paraScope);
			return true;
		}
		if (isRule(text)) {
			this.flush();
			this.blocks.push({ type: "rule", line });
			return true;
		}
		const fence = fenceOpen(text.trimStart());
		if (fence) {
			this.flush();
			this.openFence(fence, indent, 0, line);
			return true;
		}
		const item = listItem(text);
		if (item && (this.para.count === 0 || (!isBlankFrom(text, item.contentStart) && MAY_INTERRUPT.test(text)))) {
			this.startItem(text, item, line);
			return true;
		}
		return false;
	}

	/**
	 * A line inside a block quote (any depth: Medium's quotes are flat). A quote under a list item
	 * (`underItem`) leaves the list open, as a code block under one does: the outline goes on after it.
	 */
	private quoted(content: string, depth: number, line: number, underItem = false): void {
		if (this.quoteGroup < 0) {
			this.flush();
			if (!underItem) this.endList();
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
			this.openFence(fence, content.length - trimmed.length, depth, line);
			return;
		}
		const h = trimmed.charCodeAt(0) === 35 ? parseHeading(trimmed) : null;
		if (h) {
			// A heading inside a quote: Medium's quotes hold paragraphs only, so it is a bold one.
			this.flush();
			this.addLine(Para.Quote, h.text, line);
			this.flushHeading();
			return;
		}
		// A setext underline under the quote's paragraph (`> Title` `> ---`) makes it a heading: a bold one here.
		// Not at a quoted item's marker column (an underline is never a lazy line): `> - ` is an empty item there, `> ---` a rule.
		const indent = content.length - trimmed.length;
		const items = this.quotedItemIndents;
		const atItemMargin = this.itemPrefix !== "" && this.quotedItemsGroup === this.quoteGroup && items.length > 0 && indent < items[items.length - 1] + 2;
		if (this.para.count > 0 && this.paraKind === Para.Quote && indent < 4 && !atItemMargin && setextLevel(trimmed) > 0) {
			this.flushHeading();
			return;
		}
		if (isRule(trimmed)) {
			// A rule in a quote (`> ---` after a blank quote line, or a quote of just it): Medium's quotes hold
			// paragraphs only, so it is a section break between the quote's paragraphs, as Obsidian shows a line there.
			this.flush();
			this.blocks.push({ type: "rule", line });
			this.quoteGroup = ++this.quoteCount;
			return;
		}
		// An item that cannot interrupt the quote's paragraph (`3. x` under its text, CommonMark's rule) is a line of it.
		const item = this.para.count > 0 && this.paraKind === Para.Quote && this.itemPrefix === "" && !MAY_INTERRUPT.test(trimmed) ? null : listItem(trimmed);
		if (item && isBlankFrom(trimmed, item.contentStart)) {
			// An empty item (`> - `): Medium keeps no empty paragraph, and it is not the text above's (it still counts).
			this.flush();
			this.quotedItem(trimmed.slice(item.indent, item.contentStart).trim(), indent);
			return;
		}
		if (item) {
			this.flush();
			const text = trimStartFrom(trimmed, item.contentStart);
			// A code block opening the item (`> - ```js`) is a code block of its lines, as in an item outside a quote.
			const c = text.charCodeAt(0);
			const itemFence = c === 96 || c === 126 ? fenceOpen(text) : null;
			if (itemFence) {
				this.openFence(itemFence, content.length - text.length, depth, line);
				return;
			}
			const ih = c === 35 ? parseHeading(text) : null;
			this.addLine(Para.Quote, ih ? ih.text : text, line);
			this.itemPrefix = this.quotedItem(trimmed.slice(item.indent, item.contentStart).trim(), indent);
			if (ih) this.flushHeading();
			return;
		}
		this.addLine(Para.Quote, content, line);
	}

	/**
	 * A list item in the quote, its marker `marker` at column `indent`: its prefix. Its level is how many
	 * open items of this quote sit left of it (their indents, innermost last); a numbered one's number is
	 * Obsidian's, one more than the item before it in its list, else its own.
	 */
	private quotedItem(marker: string, indent: number): string {
		const indents = this.quotedItemIndents;
		const numbers = this.quotedItemNumbers;
		const marks = this.quotedItemMarks;
		if (this.quotedItemsGroup !== this.quoteGroup) {
			indents.length = numbers.length = marks.length = 0;
			this.quotedItemsGroup = this.quoteGroup;
		}
		const mark = marker.charCodeAt(marker.length - 1);
		let before = 0;
		while (indents.length > 0 && indents[indents.length - 1] >= indent) {
			before = indents[indents.length - 1] === indent && marks[marks.length - 1] === mark ? numbers[numbers.length - 1] : 0;
			indents.pop();
			numbers.pop();
			marks.pop();
		}
		const n0 = marker.charCodeAt(0);
		const number = !(n0 >= 48 && n0 <= 57) ? 0 : before > 0 ? before + 1 : markerNumber(marker, 0, marker.length - 1);
		const prefix = quotedListPrefix(number > 0 ? `${number}.` : marker, indents.length);
		indents.push(indent);
		numbers.push(number);
		marks.push(mark);
		return prefix;
	}

	private addLine(kind: Para, text: string, line: number): void {
		if (this.para.count > 0 && this.paraKind !== kind) this.flush();
		if (this.para.count === 0) {
			this.paraKind = kind;
			this.paraLine = line;
			this.paraScope = this.lineScope;
			if (kind !== Para.Item) this.itemPrefix = "";
		}
		this.para.add(text);
	}

	/** A list item: flat on Medium, a nested one after its parent with a prefix that shows its level. */
	private startItem(text: string, item: { indent: number; contentStart: number }, line: number): void {
		this.flush();
		// The marker (`-`, `1.`) runs from the indent to the white space (or the end) before contentStart.
		const cs = item.contentStart;
		const markerEnd = cs > item.indent + 1 && isSpaceOrTab(text.charCodeAt(cs - 1)) ? cs - 1 : cs;
		const markerLength = markerEnd - item.indent;
		const m0 = text.charCodeAt(item.indent);
		const ordered = m0 >= 48 && m0 <= 57;
		// Columns, not characters: a tab (Obsidian indents lists with tabs by default) reaches the next multiple of 4.
		const col = item.indent === 0 ? 0 : indentOf(text);
		const contentIndent = isBlankFrom(text, cs) ? col + markerLength + 1 : col + (cs - item.indent) + indentOf(text, cs);
		while (this.itemDepth > 0 && col < this.itemIndents[this.itemDepth - 1]) this.itemDepth--;
		// Another bullet character, or `)` after `.`, starts a new list (CommonMark), numbered from its own start.
		const mark = text.charCodeAt(markerEnd - 1);
		if (this.itemDepth === 0 && (this.listId < 0 || this.listOrdered !== ordered || this.listMark !== mark)) {
			this.listId = ++this.listCount;
			this.listOrdered = ordered;
			this.listMark = mark;
		}
		const depth = this.itemDepth;
		this.itemIndents[this.itemDepth++] = contentIndent;
		// A nested numbered item's number as Obsidian shows it: its list's start, then one more per item.
		if (this.levelNumbers.length > depth + 1) this.levelNumbers.length = this.levelMarks.length = depth + 1;
		const sameList = ordered && this.levelMarks[depth] === mark && this.levelNumbers[depth] > 0;
		const number = !ordered ? 0 : sameList ? this.levelNumbers[depth] + 1 : markerNumber(text, item.indent, markerEnd - 1);
		this.levelNumbers[depth] = number;
		this.levelMarks[depth] = mark;
		// Under an empty numbered item (`2.` alone) too: its nested items are its text, so the numbers after it stay the note's.
		if (depth > 0 && this.listOrdered && (this.lastItem !== null ? this.lastItemList : this.emptyItem?.list) === this.listId) {
			this.joinNumberedItem(text, depth, ordered, ordered ? `${number}.` : text.slice(item.indent, markerEnd), cs, contentIndent, line);
			return;
		}
		let list = this.listId;
		let listOrdered = this.listOrdered;
		let prefix = "";
		if (depth === 0) this.subList = -1;
		else if (!this.listOrdered && !ordered) prefix = nestedItemPrefix(depth, ordered, text.slice(item.indent, markerEnd));
		else {
			// Nested under a numbered list, or numbered itself: a list of its own, so Medium's numbers stay right.
			if (this.subList < 0 || this.subOrdered !== ordered || this.subDepth !== depth) {
				this.subList = ++this.listCount;
				this.subOrdered = ordered;
				this.subDepth = depth;
			}
			list = this.subList;
			listOrdered = ordered;
			if (!ordered) prefix = nestedItemPrefix(depth, ordered, text.slice(item.indent, markerEnd));
		}
		this.itemList = list;
		this.itemOrdered = listOrdered;
		this.continuing = false;
		// An empty numbered item before this one (`1. ` alone) made no paragraph: Medium keeps none empty,
		// so this item and those after it are numbered one less than in the note. Say so, not that the list is split.
		const empty = this.emptyItem;
		this.emptyItem = null;
		const afterEmpty = empty !== null && empty.list === list && listOrdered;
		if (afterEmpty && !this.offLists.has(list)) this.warn(EMPTY_LIST_ITEM_CODE, EMPTY_LIST_ITEM_MESSAGE, empty.line);
		this.itemAfterEmpty = afterEmpty;
		if (listOrdered) {
			const before = this.itemNumbers.get(list);
			this.itemNumber = before === undefined ? markerNumber(text, item.indent, markerEnd - 1) : before + 1;
			this.itemNumbers.set(list, this.itemNumber);
			// A numbered list starting at another number than 1 (`3. x`): Medium's lists have no start number.
			if (before === undefined && this.itemNumber !== 1) {
				this.offLists.add(list);
				if (!afterEmpty) this.warn(LIST_NUMBERING_CODE, LIST_NUMBERING_MESSAGE, line);
			}
		}
		if (listOrdered && isBlankFrom(text, cs)) this.emptyItem = { list, line };
		// Only this item's own paragraphs join it (an empty one, like `- #`, leaves nothing to join).
		this.lastItem = null;
		this.itemText(text, cs, contentIndent, prefix, line);
	}

	/**
	 * An item's text, from `cs` on, as the open paragraph led by `prefix`: a code block that opens it
	 * moves out (it follows the item); a heading in it (`- ## x`, which Obsidian shows inside the bullet)
	 * is its text, and ends its line. A quote that opens it (`- > x`, a Logseq or Roam quote bullet) moves
	 * out too, as a quote under an item does: Medium's items hold no quotes, and a `>` must not show.
	 */
	private itemText(text: string, cs: number, contentIndent: number, prefix: string, line: number): void {
		const trimmed = trimStartFrom(text, cs);
		const fence = fenceOpen(trimmed);
		if (fence) {
			this.openFence(fence, contentIndent, 0, line);
			return;
		}
		const quoteAt = trimmed.charCodeAt(0) === 62 ? quoteContentStart(trimmed) : -1;
		if (quoteAt !== -1) {
			this.quoted(trimmed.slice(quoteAt), lastQuoteDepth(), line, true);
			this.quoteIndent = contentIndent;
			return;
		}
		this.paraKind = Para.Item;
		this.paraLine = line;
		this.itemPrefix = prefix;
		const h = trimmed.charCodeAt(0) === 35 ? parseHeading(trimmed) : null;
		this.para.add(h ? h.text : trimmed);
		if (h) this.flushHeading();
	}

	/**
	 * A nested item under a numbered one: Medium has no nested lists, and a list of its own would make
	 * Medium number the next item from 1 again (`1. a` `- x` `2. b` shown as 1, •, 1). So it joins the
	 * numbered item, after a line break, its marker (or a dash) before its text: the numbers stay the note's.
	 */
	private joinNumberedItem(text: string, depth: number, ordered: boolean, marker: string, cs: number, contentIndent: number, line: number): void {
		this.itemList = this.listId;
		this.itemOrdered = true;
		this.subList = -1;
		this.continuing = true;
		this.itemText(text, cs, contentIndent, nestedItemPrefix(depth, ordered, marker), line);
	}

	/** A line indented under a list item: more of its text, or a code block that moves out of it. */
	private itemContinuation(text: string, indent: number, wasBlank: boolean, line: number): void {
		const trimmed = text.trimStart();
		const fence = fenceOpen(trimmed);
		if (fence) {
			this.flush();
			this.openFence(fence, indent, 0, line);
			return;
		}
		const code = this.itemIndents[this.itemDepth - 1] + 4;
		// A quote under the item (at most 3 columns past its text) moves out of it, its `>` gone, however
		// deep the item is nested (a tab-indented outline puts it 4 columns and more from the margin).
		const quoteAt = trimmed.charCodeAt(0) === 62 && indent < code ? quoteContentStart(trimmed) : -1;
		if (quoteAt !== -1) {
			this.quoted(trimmed.slice(quoteAt), lastQuoteDepth(), line, true);
			this.quoteIndent = indent;
			return;
		}
		// A heading (at most 3 columns past the item's text) interrupts the item's paragraph and is a later one of its own.
		const h = trimmed.charCodeAt(0) === 35 && indent < code ? parseHeading(trimmed) : null;
		if (h) {
			this.flush();
			this.paraKind = Para.Item;
			this.paraLine = line;
			this.itemPrefix = "";
			this.continuing = true;
			this.para.add(h.text);
			this.flushHeading();
			return;
		}
		if (this.para.count > 0 && this.paraKind === Para.Item && !wasBlank) {
			// A setext underline in the item's text column (not a lazy line) makes its paragraph a heading: bold, as `- ## Head` is.
			if (indent >= this.itemIndents[this.itemDepth - 1] && indent < code && setextLevel(trimmed) > 0) this.flushHeading();
			else this.para.add(trimmed);
			return;
		}
		if (wasBlank && this.para.count === 0 && indent >= code) {
			// Four columns past the item's text, after a blank line: indented code, which moves out of the item.
			this.indented = true;
			this.indentedLine = line;
			this.indentedCols = code;
			this.code.add(stripIndent(text, code));
			return;
		}
		// A later paragraph of the item: it joins the item, after a line break.
		this.flush();
		this.paraKind = Para.Item;
		this.paraLine = line;
		this.itemPrefix = "";
		this.continuing = true;
		this.para.add(trimmed);
	}

	private endList(): void {
		this.itemDepth = 0;
		this.levelNumbers.length = this.levelMarks.length = 0;
		this.listId = this.itemList = this.subList = -1;
		this.lastItem = null;
	}

	private heading(level: number, text: string, line: number, scope: number): void {
		this.endList();
		// A lone `#` (an empty heading: Obsidian shows a gap) or a heading of a dinkus is the manuscript's scene break.
		if ((level === 1 && text.trim() === "") || isDinkus(text)) {
			this.blocks.push({ type: "rule", line });
			return;
		}
		const parsed = this.parse(text, line);
		const n = pieceCount(parsed);
		let k = 0;
		// An image before the heading's text (a README's logo in its title) goes before it: the text is still the heading.
		for (let p = pieceAt(parsed, 0); k < n - 1 && !Array.isArray(p); p = pieceAt(parsed, ++k)) this.image(p, line);
		if (n > 0 && Array.isArray(pieceAt(parsed, k))) {
			const content = pieceAt(parsed, k++) as InlineNode[];
			if (content.length > 0) {
				const block: StoryBlock & { type: "heading" } = { type: "heading", size: "large", content, line };
				this.blocks.push(block);
				if (scope !== 0) this.enterScope(scope);
				this.scopeLast.set(scope, this.headings.length);
				this.headings.push({ block, level, scope });
			}
		}
		for (; k < n; k++) {
			const p = pieceAt(parsed, k);
			if (Array.isArray(p)) this.blocks.push({ type: "paragraph", content: p, line });
			else this.image(p, line);
		}
	}

	private openFence(fence: { char: string; len: number; info: string }, indent: number, depth: number, line: number): void {
		this.fence = { char: fence.char, len: fence.len, indent, depth, language: codeLanguage(fence.info), line, quoteIndent: depth > 0 && this.quoteGroup >= 0 ? this.quoteIndent : 0 };
	}

	/** A line while a fence is open; false when the line ends a quoted fence and must be read again. */
	private fenceLine(fence: Fence, text: string): boolean {
		let content = text;
		if (fence.depth > 0) {
			const q = splitQuoteUpTo(fence.quoteIndent > 0 && indentOf(text) >= fence.quoteIndent ? stripIndent(text, fence.quoteIndent, false) : text, fence.depth);
			if (q.depth < fence.depth) {
				this.closeFence();
				return false;
			}
			content = q.content;
		}
		if (closesFence(content, fence)) {
			this.closeFence();
			return true;
		}
		// A quoted fence's indent counts characters after the `>` (the quote's own columns unknown here): nothing to line up.
		this.code.add(stripIndent(content, fence.indent, fence.depth === 0));
		return true;
	}

	private closeFence(): void {
		const f = this.fence as Fence;
		this.fence = null;
		const text = this.code.take();
		const lang = f.language;
		// An empty block shows nothing but an empty box on Medium: left out (a plugin's view, when it names one).
		const empty = text.trim() === "";
		const known = lang !== null && obsidianOnly(lang);
		// An empty block of a language not known to be a plugin's (```python, or a plugin unknown here) is not said to render in Obsidian.
		if (known || (lang !== null && empty)) this.warn(OBSIDIAN_ONLY_CODE, known ? `${/^[aeiou]/i.test(lang) ? "An" : "A"} ${lang} block only renders in Obsidian; ${empty ? "being empty, it was left out" : "it stays a code block on Medium"}.` : `The ${lang} block is empty, so it was left out (a plugin that draws it shows it in Obsidian only).`, f.line);
		if (!empty) this.blocks.push({ type: "code", language: lang, text, line: f.line });
	}

	private closeIndented(): void {
		this.indented = false;
		while (this.code.count > 0 && this.code.last() === "") this.code.removeLast();
		const text = this.code.take();
		if (text.trim() !== "") this.blocks.push({ type: "code", language: null, text, line: this.indentedLine });
	}

	private parse(text: string, line: number): ParsedParagraph {
		this.reportLine = line;
		return parseParagraph(text, this.report);
	}

	/** Ends the open paragraph, a heading's text, as one bold run (see boldWhole). */
	private flushHeading(): void {
		this.paraHeading = true;
		this.flush();
	}

	/** Ends the open paragraph, if any, as Medium's blocks. */
	private flush(): void {
		if (this.para.count === 0) return;
		const line = this.paraLine;
		const kind = this.paraKind;
		const heading = this.paraHeading;
		this.paraHeading = false;
		if (kind === Para.Plain && this.para.count === 1) {
			const only = this.para.at(0);
			if (isEmbedLine(only)) {
				this.blocks.push({ type: "embed", url: this.para.take().trim(), line });
				return;
			}
			// A dinkus alone (`⁂`, `§ § §`, a centred `#`): the writer's scene break, Medium's section break.
			if (only.length <= DINKUS_MAX && isDinkus(only)) {
				this.para.take();
				this.blocks.push({ type: "rule", line });
				return;
			}
		}
		// Lines with no markup become text and breaks as they are, without joining them first.
		const parsed: ParsedParagraph = (this.para.count > 1 ? this.para.takePlain(this.report.softBreaks) : null) ?? this.parse(this.para.take(), line);
		const n = pieceCount(parsed);
		if (kind === Para.Plain) {
			for (let k = 0; k < n; k++) {
				const p = pieceAt(parsed, k);
				if (Array.isArray(p)) this.blocks.push({ type: "paragraph", content: p, line });
				else {
					// A paragraph of an image and a wholly italic line under it: the writer's caption.
					const next = k === 0 && n === 2 && p.title === null ? pieceAt(parsed, 1) : null;
					const caption = Array.isArray(next) ? italicCaption(next) : null;
					if (caption === null) this.image(p, line);
					else if (this.image(p, line, caption)) k++;
				}
			}
		} else if (kind === Para.Quote) {
			const group = this.quoteGroup;
			const prefix = this.itemPrefix;
			this.itemPrefix = "";
			let first = true;
			for (let k = 0; k < n; k++) {
				const piece = pieceAt(parsed, k);
				if (!Array.isArray(piece)) {
					this.image(piece, line);
					continue;
				}
				const p = heading ? boldWhole(piece) : piece;
				this.blocks.push({ type: "quote", group, content: first && prefix ? withPrefix(prefix, p) : p, line });
				first = false;
			}
		} else {
			const prefix = this.itemPrefix;
			const list = this.itemList < 0 ? (this.itemList = this.listId = ++this.listCount) : this.itemList;
			const ordered = this.itemOrdered;
			const last = this.lastItem;
			const joins = this.continuing && last !== null && this.blocks[this.blocks.length - 1] === last;
			// More of an item's text after what moved out of it (a code block, a quote, a nested list): a
			// paragraph under it, as Obsidian shows it, not an item of its own the note does not have.
			if (this.continuing && !joins && last !== null) {
				this.continuing = false;
				this.itemPrefix = "";
				for (let k = 0; k < n; k++) {
					const p = pieceAt(parsed, k);
					if (Array.isArray(p)) this.blocks.push({ type: "paragraph", content: heading ? boldWhole(p) : p, line });
					else this.image(p, line);
				}
				return;
			}
			this.continuing = false;
			// One item, whatever images split its text: Medium refuses an image in a list item, so they follow it.
			let item = joins ? last : null;
			let images: InlineImage[] | null = null;
			let first = true;
			for (let k = 0; k < n; k++) {
				const piece = pieceAt(parsed, k);
				if (!Array.isArray(piece)) {
					(images ??= []).push(piece);
					continue;
				}
				const p = heading ? boldWhole(piece) : piece;
				if (item !== null) {
					// Added in place, to a copy the item owns (made once: its first array may be shared):
					// a copy per joined paragraph made an item of 50,000 lines quadratic.
					if (this.lastItemOwned !== item) {
						item.content = item.content.slice();
						this.lastItemOwned = item;
					}
					const added = first && prefix ? withPrefix(prefix, p) : p;
					const content = item.content;
					content.push(BREAK);
					for (let a = 0; a < added.length; a++) content.push(added[a]);
					first = false;
					continue;
				}
				first = false;
				const content = prefix ? withPrefix(prefix, p) : p;
				// One Medium would number otherwise: a paragraph led by the note's number, as Obsidian shows it.
				item = ordered && this.numbered(list, line) ? { type: "paragraph", content: withPrefix(`${this.itemNumber}. `, content), line } : { type: "list-item", ordered, list, content, line };
				this.lastItem = item;
				this.lastItemList = list;
				this.blocks.push(item);
			}
			if (images !== null) for (const img of images) this.image(img, line);
		}
	}

	/**
	 * A new item of numbered list `list`: whether Medium would number it otherwise than the note. When the
	 * list already has items but the block before is not one of them (a code block, an image or a nested
	 * list moved out between), Medium numbers it from 1 again: it and the list's later items are then
	 * paragraphs led by their numbers, as a list that starts at another number than 1 is.
	 */
	private numbered(list: number, line: number): boolean {
		this.emptyItem = null;
		const prev = this.blocks[this.blocks.length - 1];
		// The list's first item on Medium is not the note's first (that one was only an image or code, moved out).
		if (!this.numberedLists.has(list)) {
			this.numberedLists.add(list);
			if (this.itemNumber === 1 || this.itemAfterEmpty || this.offLists.has(list)) return this.offLists.has(list);
			this.offLists.add(list);
			this.warn(LIST_NUMBERING_CODE, LIST_NUMBERING_MESSAGE, line);
		} else if (!this.offLists.has(list) && (prev === undefined || prev.type !== "list-item" || prev.list !== list)) {
			this.offLists.add(list);
			this.warn(LIST_NUMBERING_CODE, LIST_NUMBERING_MESSAGE, line);
		}
		return this.offLists.has(list);
	}

	/** Adds the image (its title, else `caption`, the caption); false when it is no image Medium can show. */
	private image(img: InlineImage, line: number, caption: InlineNode[] | null = null): boolean {
		const source = this.host.imageSource(img.src, line);
		if (source === null) return false;
		const titled = img.title !== null && img.title.trim() !== "" ? [{ type: "text" as const, text: img.title.trim() }] : caption;
		this.blocks.push({ type: "image", source, alt: img.alt, caption: titled, line });
		return true;
	}

	/** Adds a block made elsewhere (the notes section), after every block still open. */
	add(block: StoryBlock): void {
		this.close();
		this.blocks.push(block);
	}

	/** The last block, once what is open is closed. */
	last(): StoryBlock | undefined {
		this.close();
		return this.blocks[this.blocks.length - 1];
	}

	/** Takes the last block away when it is a heading (a section with nothing left in it), else null. */
	takeLastHeading(): (StoryBlock & { type: "heading" }) | null {
		const block = this.last();
		if (block?.type !== "heading" || this.headings[this.headings.length - 1]?.block !== block) return null;
		this.headings.pop();
		this.blocks.pop();
		return block;
	}

	private close(): void {
		if (this.fence) this.closeFence();
		if (this.indented) this.closeIndented();
		this.flush();
		this.quoteGroup = -1;
		this.quoteIndent = 0;
		this.endList();
	}

	/**
	 * Parses inline markdown as one note's content (the notes section's numbered items, made elsewhere).
	 * An image cannot be shown there (a list item holds none, and moved out after the item it would make
	 * Medium number the later notes from 1): it is left out, with a warning.
	 */
	inlineContent(text: string, line: number): InlineNode[] {
		const out: InlineNode[] = [];
		this.reportLine = line;
		for (const p of parseInline(text, this.report)) {
			if (Array.isArray(p)) out.push(...p);
			else this.host.warn(IMAGE_IN_NOTE_CODE, `Image ${p.alt.trim() || p.src} in a footnote cannot be shown: Medium's notes are a numbered list, which holds no images; it was left out.`, line);
		}
		return out;
	}

	/**
	 * Notes the heading embed scope `scope` (and those around it) sits under, when first met: the last
	 * heading so far of the note around it. An embed's lines come all together, so that is the heading
	 * before the embed.
	 */
	private enterScope(scope: number): void {
		if (this.scopeAnchor.has(scope)) return;
		const parent = this.host.scopeParent?.(scope) ?? 0;
		if (parent !== 0) this.enterScope(parent);
		this.scopeAnchor.set(scope, this.scopeLast.get(parent) ?? -1);
	}

	/**
	 * Each heading's level in the story's outline. The root note's headings keep theirs. An embedded note's
	 * top level goes one below the heading its embed sits under, its deeper levels below that; an embed
	 * before any heading of the note around it starts at that note's top level (the root's: its highest).
	 */
	private outlineLevels(): number[] {
		const hs = this.headings;
		const levels = new Array<number>(hs.length);
		const minOf = new Map<number, number>();
		let nested = false;
		for (const h of hs) {
			if (h.scope !== 0) nested = true;
			const m = minOf.get(h.scope);
			if (m === undefined || h.level < m) minOf.set(h.scope, h.level);
		}
		if (!nested) {
			for (let k = 0; k < hs.length; k++) levels[k] = hs[k].level;
			return levels;
		}
		// The level just above a scope's top level; the root's is just above its highest heading (the title's, without one).
		const rootMin = minOf.get(0);
		const bases = new Map<number, number>([[0, rootMin === undefined ? 1 : rootMin - 1]]);
		const baseOf = (scope: number): number => {
			let b = bases.get(scope);
			if (b === undefined) {
				const anchor = this.scopeAnchor.get(scope) ?? -1;
				// The anchor is an earlier heading: its level is known.
				b = anchor >= 0 ? levels[anchor] : baseOf(this.host.scopeParent?.(scope) ?? 0);
				bases.set(scope, b);
			}
			return b;
		};
		for (let k = 0; k < hs.length; k++) {
			const h = hs[k];
			levels[k] = h.scope === 0 ? h.level : baseOf(h.scope) + 1 + h.level - (minOf.get(h.scope) as number);
		}
		return levels;
	}

	/** Ends every open block and sizes the headings; returns the blocks. */
	finish(): StoryBlock[] {
		this.close();
		const levels = this.outlineLevels();
		const { sizes, extraLevelAt } = headingSizes(levels);
		for (let k = 0; k < this.headings.length; k++) this.headings[k].block.size = sizes[k];
		if (extraLevelAt !== -1) this.warn(HEADING_LEVELS_CODE, HEADING_LEVELS_MESSAGE, this.headings[extraLevelAt].block.line);
		return this.blocks;
	}
}

/**
 * A heading's text inside a list item or a quote as one bold run: Medium's items and quotes hold no
 * headings, and bold keeps the heading's weight where a plain line would lose it. Bold inside the
 * heading is unwrapped into the run (bold within bold shows nothing more, and breaks markdown's `**`).
 */
function boldWhole(content: InlineNode[]): InlineNode[] {
	if (content.length === 0 || (content.length === 1 && content[0].type === "strong")) return content;
	const children: InlineNode[] = [];
	for (const n of content) {
		if (n.type === "strong") children.push(...n.children);
		else children.push(n);
	}
	return [{ type: "strong", children: mergeText(children) }];
}

/**
 * One italic run and nothing else (the line under an image, `![[lake.png]]` / `*The lake at dawn*`):
 * the run's content, the caption Medium shows under the image; null for anything else.
 */
function italicCaption(content: InlineNode[]): InlineNode[] | null {
	let em: InlineNode[] | null = null;
	for (const node of content) {
		if (node.type === "em" && em === null) em = node.children;
		else if (node.type !== "break" && (node.type !== "text" || node.text.trim() !== "")) return null;
	}
	return em;
}

/** The content with `prefix` before it, in a new array of its exact length. */
function withPrefix(prefix: string, content: InlineNode[]): InlineNode[] {
	const first = content[0];
	if (first !== undefined && first.type === "text") {
		const out = content.slice();
		out[0] = { type: "text", text: prefix + first.text };
		return out;
	}
	return [{ type: "text", text: prefix } as InlineNode].concat(content);
}

/**
 * 1 for the ASCII characters a block can start with (`#` heading, `=`/`-` setext underline, `-*_` rule,
 * `` ` ``/`~` fence, `-*+` or a digit list item): a line starting otherwise is paragraph text.
 */
const MAY_START_BLOCK = new Uint8Array(128);
for (const ch of "#=-*_`~+0123456789") MAY_START_BLOCK[ch.charCodeAt(0)] = 1;

/**
 * Whether a line (indented under 4 columns) whose first character after the indent is `first` may start
 * a block; when not, no block classifier can accept it (white space and non-ASCII are always tried:
 * `trim` knows more white space than the indent does).
 */
export function mayStartBlock(first: number): boolean {
	return first <= 32 || first >= 128 || MAY_START_BLOCK[first] === 1;
}

/** A list item that may interrupt a paragraph: a bullet, or a number that is 1 (CommonMark; `1984.` in prose is not a list). One pass, no backtracking. */
const MAY_INTERRUPT = /^[ \t]*(?:[^0-9]|0*1[.)])/;

/** Whether the digits `text[from, end)` are the number 1 (`1`, `01`). */
/** The number of a list marker's digits, `text[from, end)` (at most nine: CommonMark's limit). */
function markerNumber(text: string, from: number, end: number): number {
	let n = 0;
	for (let i = from; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 48);
	return n;
}

function isSpaceOrTab(c: number): boolean {
	return c === 32 || c === 9;
}

/** Whether the line holds only white space from `from` on (`isBlank` of the slice, without the slice). */
function isBlankFrom(text: string, from: number): boolean {
	for (let i = from; i < text.length; i++) if (text.charCodeAt(i) > 32) return false;
	return true;
}

/** `text.slice(from).trimStart()`, with one slice at most. */
function trimStartFrom(text: string, from: number): string {
	let i = from;
	while (i < text.length && isTrimSpace(text.charCodeAt(i))) i++;
	return i === 0 ? text : text.slice(i);
}


/**
 * Removes up to `cols` columns of leading white space. Tabs reach the next multiple of 4 columns, so
 * cut at a column that is no such multiple (a list item's text at 2 or 3), an indent with tabs would no
 * longer line up as in the note: it is spaces then, a tab cut in two included (`\t\ty()` under `- a`,
 * its fence 2 columns in, is 6 spaces, where the tab left after the cut showed 4).
 */
export function stripIndent(text: string, cols: number, lineUp = true): string {
	let col = 0;
	let i = 0;
	let tab = false;
	while (i < text.length && col < cols) {
		const c = text.charCodeAt(i);
		if (c === 32) col++;
		else if (c === 9) {
			col += 4 - (col % 4);
			tab = true;
		} else break;
		i++;
	}
	if (cols % 4 === 0 || !lineUp) return i === 0 ? text : text.slice(i);
	// The rest of the indent, past the cut.
	let j = i;
	let end = col;
	while (j < text.length) {
		const c = text.charCodeAt(j);
		if (c === 32) end++;
		else if (c === 9) {
			end += 4 - (end % 4);
			tab = true;
		} else break;
		j++;
	}
	if (!tab) return i === 0 ? text : text.slice(i);
	return " ".repeat(end - cols > 0 ? end - cols : 0) + text.slice(j);
}

/** A thematic break: three or more `-`, `*` or `_` (spaces between allowed), nothing else. */
export function isRule(text: string): boolean {
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
export function setextLevel(text: string): number {
	const t = text.trim();
	if (t.length === 0) return 0;
	const c = t.charCodeAt(0);
	if (c !== 61 && c !== 45) return 0;
	for (let i = 1; i < t.length; i++) if (t.charCodeAt(i) !== c) return 0;
	return c === 61 ? 1 : 2;
}

/** Whether a line starts a block of its own (so it cannot continue a paragraph lazily). */
export function startsBlock(text: string): boolean {
	const t = text.trimStart();
	if (t.length === 0) return true;
	const c = t.charCodeAt(0);
	if (c === 35 && parseHeading(t)) return true;
	if ((c === 96 || c === 126) && fenceOpen(t)) return true;
	if (c === 62) return true;
	if (isRule(text)) return true;
	return listItem(t) !== null;
}
