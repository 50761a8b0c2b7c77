/**
 * The preview's one layout: a story in Medium's model (src/story/story-model.ts) as the element tree
 * both the Obsidian view and the command line's page show (preview-tree.ts). It prints the model the
 * way Medium lays a story out (title, subtitle, the two heading sizes, paragraphs with their breaks,
 * quotes, code with its language, flat lists, figures with captions, embeds as cards) and puts each
 * conversion warning beside the block it concerns. No conversion here: every choice was made when the
 * model was built; this only prints it.
 */

import { safeHref } from "../html/safe-url";
import { imageKey } from "../story/image-key";
import type { ImageSource, InlineNode, StoryBlock, StoryModel } from "../story/story-model";
import { h, type PreviewElement, type PreviewNode } from "./preview-tree";

/** The class on the preview's root; every other class starts with it. */
export const PREVIEW_CLASS = "medium-publisher-preview";

/** A class under the preview's root: `medium-publisher-preview-<name>`. */
export function previewClass(name: string): string {
	return `${PREVIEW_CLASS}-${name}`;
}

/** A warning as the preview needs it (the converter's ConversionWarning fits). */
export interface PreviewWarning {
	message: string;
	/** 1-based line in the root note's file, or in `path`'s when that is given. */
	line: number;
	/** The embedded note the warning comes from, when it is not the root note. */
	path?: string;
	/** With `path`: the root note's line whose embed brought that note in. */
	embedLine?: number;
}

/** What the layout needs from its host. */
export interface PreviewLayoutOptions {
	/** Warnings to show at their blocks. */
	warnings?: readonly PreviewWarning[];
	/**
	 * The address an image is shown from (a vault resource URL in Obsidian, a data URL on the page, the
	 * URL itself for a remote image); null when it cannot be shown (the preview says so in its place).
	 */
	imageSrc: (source: ImageSource) => string | null;
}

/** Medium's reading speed (words per minute) and its time per image (12 s, then one less each, at least 3 s). */
const WORDS_PER_MINUTE = 265;

/** Lays out a story: one root element holding the whole article. */
export function layoutStory(model: StoryModel, options: PreviewLayoutOptions): PreviewElement {
	const placed = placeWarnings(model.blocks, options.warnings ?? []);
	const header = h("header", { cls: previewClass("header") });
	const headerMark = warningMark(placed.header);
	if (headerMark) header.children.push(headerMark);
	header.children.push(h("h1", { cls: previewClass("title") }, model.title));
	if (model.subtitle !== null && model.subtitle !== "") header.children.push(h("h2", { cls: previewClass("subtitle") }, model.subtitle));
	const total = options.warnings?.length ?? 0;
	const byline = h("div", { cls: previewClass("byline") }, `${readingMinutes(model)} min read`);
	if (total > 0) byline.children.push(" \u00b7 ", h("span", { cls: previewClass("byline-warnings") }, total === 1 ? "1 warning" : `${total} warnings`));
	header.children.push(byline);

	const body = h("section", { cls: previewClass("body") });
	const blocks = model.blocks;
	let i = 0;
	while (i < blocks.length) {
		const block = blocks[i];
		if (block.type === "list-item") {
			// Consecutive items of the same list are one list.
			const list = h(block.ordered ? "ol" : "ul", { cls: previewClass("list") });
			while (i < blocks.length) {
				const item = blocks[i];
				if (item.type !== "list-item" || item.list !== block.list || item.ordered !== block.ordered) break;
				list.children.push(withMark(h("li", { cls: previewClass("li"), attrs: lineAttr(item) }, ...inline(item.content)), placed.byBlock.get(i)));
				i++;
			}
			body.children.push(list);
		} else if (block.type === "quote") {
			// Consecutive paragraphs of the same quote are one quote.
			const quote = h("blockquote", { cls: previewClass("quote") });
			while (i < blocks.length) {
				const part = blocks[i];
				if (part.type !== "quote" || part.group !== block.group) break;
				quote.children.push(withMark(h("p", { cls: previewClass("quote-p"), attrs: lineAttr(part) }, ...inline(part.content)), placed.byBlock.get(i)));
				i++;
			}
			body.children.push(quote);
		} else {
			body.children.push(withMark(layoutBlock(block, options), placed.byBlock.get(i)));
			i++;
		}
	}
	return h("div", { cls: PREVIEW_CLASS }, h("article", { cls: previewClass("story") }, header, body));
}

/** One block that stands on its own (lists and quotes are grouped by the caller). */
function layoutBlock(block: StoryBlock, options: PreviewLayoutOptions): PreviewElement {
	const attrs = lineAttr(block);
	switch (block.type) {
		case "heading":
			return block.size === "large"
				? h("h3", { cls: previewClass("h-large"), attrs }, ...inline(block.content))
				: h("h4", { cls: previewClass("h-small"), attrs }, ...inline(block.content));
		case "paragraph":
			return h("p", { cls: previewClass("p"), attrs }, ...inline(block.content));
		case "code": {
			const code = h("div", { cls: previewClass("code"), attrs });
			if (block.language) code.children.push(h("div", { cls: previewClass("code-lang") }, block.language));
			code.children.push(h("pre", { cls: previewClass("pre") }, h("code", null, block.text)));
			return code;
		}
		case "image": {
			const figure = h("figure", { cls: previewClass("figure"), attrs });
			const src = options.imageSrc(block.source);
			if (src !== null) figure.children.push(h("img", { cls: previewClass("img"), attrs: { src, alt: block.alt } }));
			else figure.children.push(h("div", { cls: previewClass("img-missing") }, `Image not shown: ${sourceLabel(block.source)}`));
			if (block.caption && block.caption.length > 0) figure.children.push(h("figcaption", { cls: previewClass("caption") }, ...inline(block.caption)));
			return figure;
		}
		case "rule":
			return h("hr", { cls: previewClass("rule"), attrs });
		case "embed":
			return h(
				"div",
				{ cls: previewClass("embed"), attrs },
				h("div", { cls: previewClass("embed-kind") }, embedKind(block.url)),
				link(block.url, [block.url], previewClass("embed-url")),
			);
		default:
			// A list item or quote reaching here stands alone: shown as a paragraph.
			return h("p", { cls: previewClass("p"), attrs }, ...("content" in block ? inline(block.content) : []));
	}
}

function lineAttr(block: StoryBlock): { "data-line": string } {
	return { "data-line": String(block.line) };
}

/** Inline content: Medium's four markups and line breaks. */
function inline(nodes: readonly InlineNode[]): PreviewNode[] {
	const out: PreviewNode[] = [];
	for (const node of nodes) {
		switch (node.type) {
			case "text":
				out.push(node.text);
				break;
			case "break":
				out.push(h("br", null));
				break;
			case "strong":
				out.push(h("strong", null, ...inline(node.children)));
				break;
			case "em":
				out.push(h("em", null, ...inline(node.children)));
				break;
			case "code":
				out.push(h("code", { cls: previewClass("inline-code") }, node.text));
				break;
			case "link":
				out.push(link(node.href, inline(node.children), previewClass("link")));
				break;
		}
	}
	return out;
}

/**
 * A link that opens outside (in a new window on the page); one that is not `https:`, `http:` or
 * `mailto:` (the writers' shared check) shows as text.
 */
function link(href: string, children: PreviewNode[], cls: string): PreviewElement {
	const safe = safeHref(href);
	if (safe === null) return h("span", { cls }, ...children);
	return h("a", { cls, attrs: { href: safe, rel: "noopener nofollow", target: "_blank" } }, ...children);
}

/** What an embed card says it is, from the URL's host. */
export function embedKind(url: string): string {
	let host = "";
	try {
		host = new URL(url).hostname.toLowerCase();
	} catch {
		return "Embed";
	}
	const is = (domain: string): boolean => host === domain || host.endsWith("." + domain);
	if (is("youtube.com") || is("youtu.be")) return "YouTube";
	if (is("vimeo.com")) return "Vimeo";
	if (is("twitter.com") || is("x.com")) return "X (Twitter)";
	if (host === "gist.github.com") return "GitHub Gist";
	return "Embed";
}

/** How the preview names an image it cannot show: its URL, or a local image's key. */
function sourceLabel(source: ImageSource): string {
	return source.kind === "url" ? source.url : imageKey(source);
}

/** Adds the warning mark of a block, if it has warnings, as the block's first child. */
function withMark(el: PreviewElement, warnings: readonly PreviewWarning[] | undefined): PreviewElement {
	const mark = warningMark(warnings ?? []);
	if (!mark) return el;
	el.cls = `${el.cls ?? ""} ${previewClass("has-warning")}`.trim();
	el.children.unshift(mark);
	return el;
}

/** A margin mark whose hover text is every warning of its block. */
function warningMark(warnings: readonly PreviewWarning[]): PreviewElement | null {
	if (warnings.length === 0) return null;
	const text = warnings.map((w) => w.message).join("\n");
	return h("span", { cls: previewClass("mark"), attrs: { role: "note" }, tooltip: text }, warnings.length === 1 ? "!" : String(warnings.length));
}

/** Where each warning goes: the block it concerns, or the header when it comes before every block. */
export interface PlacedWarnings {
	header: PreviewWarning[];
	/** Block index → its warnings, in the warnings' order. */
	byBlock: Map<number, PreviewWarning[]>;
}

/**
 * A warning from an embedded note counts lines in that note, not in the root note the blocks' lines
 * count in: it goes to the block of its embed (the root line that brought it in), named by its note and
 * line; to the header when it does not say which embed.
 *
 * A block covers the lines from its own line up to the next block's; a warning goes to the block with
 * the greatest line not after the warning's (the first such block when several share a line, e.g. an
 * embed's blocks, which all carry the embed's line). Blocks need not be in line order (the notes
 * section comes last), so the lookup is a binary search over the blocks sorted by line.
 */
export function placeWarnings(blocks: readonly StoryBlock[], warnings: readonly PreviewWarning[]): PlacedWarnings {
	const order = blocks.map((_b, index) => index).sort((a, b) => blocks[a].line - blocks[b].line || a - b);
	const placed: PlacedWarnings = { header: [], byBlock: new Map() };
	for (const given of warnings) {
		let warning = given;
		let at = given.line;
		if (given.path !== undefined) {
			warning = { ...given, message: `${given.path}, line ${given.line}: ${given.message}` };
			if (given.embedLine === undefined) {
				placed.header.push(warning);
				continue;
			}
			// At the embed's block: the root note's line that brought it in.
			at = given.embedLine;
		}
		// The last position whose line is <= the warning's line.
		let lo = 0;
		let hi = order.length - 1;
		let found = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (blocks[order[mid]].line <= at) {
				found = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		if (found === -1) {
			placed.header.push(warning);
			continue;
		}
		// The first block of that line.
		const line = blocks[order[found]].line;
		while (found > 0 && blocks[order[found - 1]].line === line) found--;
		const index = order[found];
		const list = placed.byBlock.get(index);
		if (list) list.push(warning);
		else placed.byBlock.set(index, [warning]);
	}
	return placed;
}

/** Medium's estimate: words at 265 a minute, plus 12 s for the first image, one second less for each next (at least 3 s). */
export function readingMinutes(model: StoryModel): number {
	let words = countWords(model.title) + countWords(model.subtitle ?? "");
	let images = 0;
	for (const block of model.blocks) {
		if (block.type === "image") {
			images++;
			if (block.caption) words += inlineWords(block.caption);
		} else if (block.type === "code") words += countWords(block.text);
		else if (block.type === "embed") words += 1;
		else if ("content" in block) words += inlineWords(block.content);
	}
	let seconds = (words / WORDS_PER_MINUTE) * 60;
	for (let k = 0; k < images; k++) seconds += Math.max(3, 12 - k);
	return Math.max(1, Math.ceil(seconds / 60));
}

function inlineWords(nodes: readonly InlineNode[]): number {
	let n = 0;
	for (const node of nodes) {
		if (node.type === "text" || node.type === "code") n += countWords(node.text);
		else if (node.type !== "break") n += inlineWords(node.children);
	}
	return n;
}

/** Words in a text: runs of non-space characters, in one pass. */
function countWords(text: string): number {
	let n = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
		if (!space && !inWord) n++;
		inWord = !space;
	}
	return n;
}
