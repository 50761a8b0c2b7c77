/**
 * The HTML writer over the story model: the one HTML a story becomes, whether it is sent to Medium's API
 * (`contentFormat: "html"`), put on the clipboard for Medium's editor, or printed by `convert --format html`.
 *
 * Why HTML: it is the format that can tell Medium everything its model holds (which heading size, a code
 * block's language, an image's caption); markdown cannot (../shared/docs/medium-model.md). The tags are
 * the ones Medium's own export writes: title `<h1>`, subtitle `<h2>`, large heading `<h3>`, small `<h4>`,
 * `<pre data-code-block-mode="2" data-code-block-lang>` for code, `<figure>` with `<figcaption>` for images.
 *
 * Small and closed: every tag is written here from that list, every text is escaped, and the only
 * attributes are a checked `href` on links, a checked `src` plus `alt` on images and the code block's two.
 */

import { escapeHtml } from "../html/escape-html";
import { safeHref, safeImageSrc } from "../html/safe-url";
import type { ImageSource, InlineNode, StoryBlock, StoryModel } from "./story-model";

/** Choices for {@link storyToHtml}. */
export interface StoryHtmlOptions {
	/**
	 * The URL an image is shown from: an uploaded image's Medium URL, a data URL, or null to leave the
	 * image out (counted in {@link StoryHtml.leftOut} for the caller to report). The result must still pass
	 * {@link safeImageSrc}. By default a `url` source is kept and a vault image is left out.
	 */
	imageSrc?: (source: ImageSource) => string | null;
}

/** The HTML and what happened to the images. */
export interface StoryHtml {
	html: string;
	/** Images written into the HTML. */
	images: number;
	/** Images left out: `imageSrc` gave null or a URL that is not allowed, in story order. */
	leftOut: ImageSource[];
}

/** The default image source: remote images stay, vault images and note bytes have no URL until they are uploaded. */
export function remoteOnly(source: ImageSource): string | null {
	return source.kind === "url" ? source.url : null;
}

/**
 * Inline content as HTML, with Medium's four markups and line breaks. Empty wrappers are not written.
 *
 * Every writer below appends to the string it is handed and returns the longer string: V8 keeps it as a
 * rope (see {@link storyToHtml} for when it is made flat), so no node makes a string or an array of its own.
 */
export function inlineToHtml(nodes: readonly InlineNode[]): string {
	return appendInline("", nodes);
}

function appendInline(out: string, nodes: readonly InlineNode[]): string {
	for (let i = 0; i < nodes.length; i++) {
		const node = nodes[i];
		switch (node.type) {
			case "text":
				out += escapeHtml(node.text);
				break;
			case "break":
				out += "<br>";
				break;
			case "code":
				if (node.text !== "") out += "<code>" + escapeHtml(node.text) + "</code>";
				break;
			case "strong":
				out = wrap(out, "<strong>", node.children, "</strong>");
				break;
			case "em":
				out = wrap(out, "<em>", node.children, "</em>");
				break;
			case "link": {
				const href = safeHref(node.href);
				out = href === null ? appendInline(out, node.children) : wrap(out, '<a href="' + escapeHtml(href) + '">', node.children, "</a>");
				break;
			}
		}
	}
	return out;
}

/**
 * `out`, then the nodes between `open` and `close`; just `out` when the nodes write nothing (told by what
 * they wrote: a look at the nodes first would be quadratic in deep nesting). Content written on its own
 * first: short content and tags make one small flat string (V8 copies strings under 13 characters instead
 * of making a rope node), so fewer pieces join the rope.
 */
function wrap(out: string, open: string, nodes: readonly InlineNode[], close: string): string {
	const inner = appendInline("", nodes);
	return inner === "" ? out : out + (open + inner + close);
}

/** What inline content shows: nothing written at all, only whitespace and line breaks, or more. */
const EMPTY = 0;
const BLANK = 1;
const SHOWN = 2;

/**
 * What the nodes' HTML shows (whitespace as `trim` counts it); blank paragraphs are dropped. Read off the
 * nodes before anything is written, each node at most once: text is whitespace only or not (escaping never
 * touches whitespace), a break is blank, code and a written wrapper are tags, a link with an unsafe `href`
 * is its content alone. Most paragraphs answer at their first character.
 */
function shows(nodes: readonly InlineNode[]): number {
	let seen = EMPTY;
	for (let i = 0; i < nodes.length; i++) {
		const node = nodes[i];
		let v: number;
		switch (node.type) {
			case "text":
				v = node.text.length === 0 ? EMPTY : isBlankText(node.text) ? BLANK : SHOWN;
				break;
			case "break":
				v = BLANK;
				break;
			case "code":
				v = node.text.length === 0 ? EMPTY : SHOWN;
				break;
			case "strong":
			case "em":
				v = shows(node.children) === EMPTY ? EMPTY : SHOWN;
				break;
			case "link":
				v = shows(node.children);
				// Written in an <a> only when its href is safe and its content not empty.
				if (v === BLANK && safeHref(node.href) !== null) v = SHOWN;
				break;
		}
		if (v === SHOWN) return SHOWN;
		if (v > seen) seen = v;
	}
	return seen;
}

/** True when inline HTML would show nothing (only whitespace and line breaks): such paragraphs are dropped. */
function isBlank(nodes: readonly InlineNode[]): boolean {
	return shows(nodes) !== SHOWN;
}

/** `text.trim() === ""`, answered at the first character for ordinary text (no `trim` copy made). */
function isBlankText(text: string): boolean {
	if (text.length === 0) return true;
	const c = text.charCodeAt(0);
	// Below 0x1680 only tab to carriage return, space and no-break space are whitespace to `trim`.
	if (c > 32 && c !== 160 && c < 0x1680) return false;
	return text.trim() === "";
}

/**
 * One block that is not part of a run (quotes and list items are written by {@link storyToHtml}), after
 * `out`; `out` unchanged when it writes nothing. One block per line: a newline before every block but
 * the `first` (joined to the opening tag, one piece less).
 */
function appendBlock(out: string, first: boolean, block: StoryBlock, imageSrc: (source: ImageSource) => string | null, result: StoryHtml): string {
	switch (block.type) {
		case "heading": {
			if (isBlank(block.content)) return out;
			const large = block.size === "large";
			return appendInline(out + (first ? (large ? "<h3>" : "<h4>") : large ? "\n<h3>" : "\n<h4>"), block.content) + (large ? "</h3>" : "</h4>");
		}
		case "paragraph":
			if (isBlank(block.content)) return out;
			return appendInline(out + (first ? "<p>" : "\n<p>"), block.content) + "</p>";
		case "code": {
			const lang = block.language ? ' data-code-block-lang="' + escapeHtml(block.language) + '"' : "";
			// HTML drops a newline right after <pre>: a block opening with a blank line needs one more.
			const lead = block.text.startsWith("\n") ? "\n" : "";
			return out + (first ? '<pre data-code-block-mode="2"' : '\n<pre data-code-block-mode="2"') + lang + ">" + lead + escapeHtml(block.text) + "</pre>";
		}
		case "image": {
			const chosen = imageSrc(block.source);
			const src = chosen === null ? null : safeImageSrc(chosen);
			if (src === null) {
				result.leftOut.push(block.source);
				return out;
			}
			result.images++;
			out += (first ? '<figure><img src="' : '\n<figure><img src="') + escapeHtml(src) + '" alt="' + escapeHtml(block.alt) + '">';
			if (block.caption && !isBlank(block.caption)) out = appendInline(out + "<figcaption>", block.caption) + "</figcaption>";
			return out + "</figure>";
		}
		case "rule":
			return out + (first ? "<hr>" : "\n<hr>");
		case "embed":
			// Medium turns a bare URL alone in its paragraph into the embed; a link around it is not needed.
			return out + (first ? "<p>" : "\n<p>") + escapeHtml(block.url) + "</p>";
		case "quote":
		case "list-item":
			return out;
	}
}

/** Whether `next` continues the run (quote group or list) that `first` opened. */
function sameRun(first: StoryBlock, next: StoryBlock): boolean {
	if (first.type === "quote") return next.type === "quote" && next.group === first.group;
	if (first.type === "list-item") return next.type === "list-item" && next.list === first.list && next.ordered === first.ordered;
	return false;
}

/** The content of a quote or list item (the only blocks a run holds). */
function runContent(block: StoryBlock): readonly InlineNode[] {
	return block.type === "quote" || block.type === "list-item" ? block.content : [];
}

/**
 * A run of blocks `from` to `to` (exclusive) after `out`: a quote group is one `<blockquote>` (with several
 * non-blank paragraphs, each is its own `<p>` inside); a flat list is one `<ul>`/`<ol>` with one `<li>` per
 * non-blank item. Nothing is written when every paragraph is blank.
 */
function appendRun(out: string, first: boolean, blocks: readonly StoryBlock[], from: number, to: number): string {
	let shown = 0;
	for (let i = from; i < to && shown < 2; i++) if (!isBlank(runContent(blocks[i]))) shown++;
	if (shown === 0) return out;
	const opener = blocks[from];
	const quote = opener.type === "quote";
	const ordered = opener.type === "list-item" && opener.ordered;
	if (quote) out += first ? "<blockquote>" : "\n<blockquote>";
	else if (ordered) out += first ? "<ol>" : "\n<ol>";
	else out += first ? "<ul>" : "\n<ul>";
	// A quote with one paragraph holds it bare; every list item is an <li>.
	const open = quote ? (shown === 1 ? "" : "<p>") : "<li>";
	const close = quote ? (shown === 1 ? "" : "</p>") : "</li>";
	for (let i = from; i < to; i++) {
		const content = runContent(blocks[i]);
		if (isBlank(content)) continue;
		out = appendInline(out + open, content) + close;
	}
	return out + (quote ? "</blockquote>" : ordered ? "</ol>" : "</ul>");
}

/**
 * The story as HTML, one block per line: the title as `<h1>`, the subtitle as `<h2>` (only when there is
 * one), then the blocks. Pure and linear in the size of the model.
 */
export function storyToHtml(story: StoryModel, options: StoryHtmlOptions = {}): StoryHtml {
	const imageSrc = options.imageSrc ?? remoteOnly;
	const result: StoryHtml = { html: "", images: 0, leftOut: [] };
	// `out` is the rope being written; every CHUNK characters it is made flat and added to `done`. A
	// rope of a whole story is a quarter of a million small objects the collector copies while they live;
	// flat pieces of a few kilobytes cost it almost nothing.
	let done = "";
	let out = "";
	const title = story.title.trim();
	if (title !== "") out += "<h1>" + escapeHtml(title) + "</h1>";
	const subtitle = story.subtitle?.trim() ?? "";
	if (subtitle !== "") out += (out.length === 0 ? "<h2>" : "\n<h2>") + escapeHtml(subtitle) + "</h2>";
	const { blocks } = story;
	let i = 0;
	while (i < blocks.length) {
		const block = blocks[i];
		const first = done.length === 0 && out.length === 0;
		if (block.type === "quote" || block.type === "list-item") {
			let end = i + 1;
			while (end < blocks.length && sameRun(block, blocks[end])) end++;
			out = appendRun(out, first, blocks, i, end);
			i = end;
		} else {
			out = appendBlock(out, first, block, imageSrc, result);
			i++;
		}
		if (out.length > CHUNK) {
			done += flat(out);
			out = "";
		}
	}
	result.html = flat(done + out);
	return result;
}

/** Characters of rope made flat at a time (4 K to 16 K measured alike). */
const CHUNK = 16384;

/** The string as one flat copy, made once here rather than by whichever caller reads it first. */
function flat(s: string): string {
	// Reading one character flattens a rope in place (without the scan a search would add).
	s.charCodeAt(0);
	return s;
}
