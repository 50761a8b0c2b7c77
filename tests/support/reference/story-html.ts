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

import { escapeHtml } from "./escape-html";
import { safeHref, safeImageSrc } from "./safe-url";
import type { ImageSource, InlineNode, StoryBlock, StoryModel } from "../../../src/story/story-model";

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

/** The default image source: remote images stay, vault images have no URL until they are uploaded. */
export function remoteOnly(source: ImageSource): string | null {
	return source.kind === "url" ? source.url : null;
}

/** Inline content as HTML, with Medium's four markups and line breaks. Empty wrappers are not written. */
export function inlineToHtml(nodes: readonly InlineNode[]): string {
	let out = "";
	for (const node of nodes) {
		switch (node.type) {
			case "text":
				out += escapeHtml(node.text);
				break;
			case "break":
				out += "<br>";
				break;
			case "code":
				if (node.text !== "") out += `<code>${escapeHtml(node.text)}</code>`;
				break;
			case "strong":
			case "em": {
				const inner = inlineToHtml(node.children);
				if (inner !== "") out += `<${node.type}>${inner}</${node.type}>`;
				break;
			}
			case "link": {
				const inner = inlineToHtml(node.children);
				const href = safeHref(node.href);
				out += href === null || inner === "" ? inner : `<a href="${escapeHtml(href)}">${inner}</a>`;
				break;
			}
		}
	}
	return out;
}

/** True when inline HTML shows nothing (only whitespace and line breaks): such paragraphs are dropped. */
function isBlank(html: string): boolean {
	return html.split("<br>").join("").trim() === "";
}

/** One block that is not part of a run (quotes and list items are written by {@link storyToHtml}). */
function blockHtml(block: StoryBlock, opts: Required<StoryHtmlOptions>, result: StoryHtml): string | null {
	switch (block.type) {
		case "heading": {
			const inner = inlineToHtml(block.content);
			const tag = block.size === "large" ? "h3" : "h4";
			return isBlank(inner) ? null : `<${tag}>${inner}</${tag}>`;
		}
		case "paragraph": {
			const inner = inlineToHtml(block.content);
			return isBlank(inner) ? null : `<p>${inner}</p>`;
		}
		case "code": {
			const lang = block.language ? ` data-code-block-lang="${escapeHtml(block.language)}"` : "";
			// HTML drops a newline right after <pre>: one more keeps a leading blank line.
			return `<pre data-code-block-mode="2"${lang}>${block.text.startsWith("\n") ? "\n" : ""}${escapeHtml(block.text)}</pre>`;
		}
		case "image": {
			const chosen = opts.imageSrc(block.source);
			const src = chosen === null ? null : safeImageSrc(chosen);
			if (src === null) {
				result.leftOut.push(block.source);
				return null;
			}
			result.images++;
			const caption = block.caption ? inlineToHtml(block.caption) : "";
			const figcaption = isBlank(caption) ? "" : `<figcaption>${caption}</figcaption>`;
			return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(block.alt)}">${figcaption}</figure>`;
		}
		case "rule":
			return "<hr>";
		case "embed":
			// Medium turns a bare URL alone in its paragraph into the embed; a link around it is not needed.
			return `<p>${escapeHtml(block.url)}</p>`;
		case "quote":
		case "list-item":
			return null;
	}
}

/** The inner HTML of each non-blank paragraph. */
function innerOf(blocks: readonly StoryBlock[]): string[] {
	const out: string[] = [];
	for (const block of blocks) {
		if (block.type !== "quote" && block.type !== "list-item") continue;
		const inner = inlineToHtml(block.content);
		if (!isBlank(inner)) out.push(inner);
	}
	return out;
}

/** A quote group: one `<blockquote>`; with several paragraphs, each is its own `<p>` inside. */
function quoteHtml(group: readonly StoryBlock[]): string | null {
	const parts = innerOf(group);
	if (parts.length === 0) return null;
	const inner = parts.length === 1 ? parts[0] : parts.map((p) => `<p>${p}</p>`).join("");
	return `<blockquote>${inner}</blockquote>`;
}

/** A flat list: one `<ul>`/`<ol>` with one `<li>` per item. */
function listHtml(items: readonly StoryBlock[], ordered: boolean): string | null {
	const parts = innerOf(items);
	if (parts.length === 0) return null;
	const tag = ordered ? "ol" : "ul";
	return `<${tag}>${parts.map((p) => `<li>${p}</li>`).join("")}</${tag}>`;
}

/** Whether `next` continues the run (quote group or list) that `first` opened. */
function sameRun(first: StoryBlock, next: StoryBlock): boolean {
	if (first.type === "quote") return next.type === "quote" && next.group === first.group;
	if (first.type === "list-item") return next.type === "list-item" && next.list === first.list && next.ordered === first.ordered;
	return false;
}

/**
 * The story as HTML, one block per line: the title as `<h1>`, the subtitle as `<h2>` (only when there is
 * one), then the blocks. Pure and linear in the size of the model.
 */
export function storyToHtml(story: StoryModel, options: StoryHtmlOptions = {}): StoryHtml {
	const opts: Required<StoryHtmlOptions> = { imageSrc: options.imageSrc ?? remoteOnly };
	const result: StoryHtml = { html: "", images: 0, leftOut: [] };
	const lines: string[] = [];
	const title = story.title.trim();
	if (title !== "") lines.push(`<h1>${escapeHtml(title)}</h1>`);
	const subtitle = story.subtitle?.trim() ?? "";
	if (subtitle !== "") lines.push(`<h2>${escapeHtml(subtitle)}</h2>`);
	const { blocks } = story;
	let i = 0;
	while (i < blocks.length) {
		const block = blocks[i];
		if (block.type === "quote" || block.type === "list-item") {
			let end = i + 1;
			while (end < blocks.length && sameRun(block, blocks[end])) end++;
			const run = blocks.slice(i, end);
			const html = block.type === "quote" ? quoteHtml(run) : listHtml(run, block.ordered);
			if (html !== null) lines.push(html);
			i = end;
			continue;
		}
		const html = blockHtml(block, opts, result);
		if (html !== null) lines.push(html);
		i++;
	}
	result.html = lines.join("\n");
	return result;
}
