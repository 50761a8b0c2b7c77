/**
 * The preview's neutral element tree, and its HTML writer.
 *
 * Why a tree of our own: the preview is laid out once (preview-layout.ts) and shown twice, in Obsidian
 * through its DOM helpers (src/plugin/preview-dom.ts, never an HTML string) and on the command line as an
 * escaped HTML page. Both backends walk this tree, so the view and the page hold the same elements with
 * the same class names under the same stylesheet. Tags and attribute names come from closed lists, and
 * every text and attribute value is escaped by the writer, so nothing a note holds can become markup.
 */

import { escapeHtml } from "../html/escape-html";

/** The elements the preview uses, and nothing else. */
export type PreviewTag =
	| "div" | "article" | "header" | "section" | "span"
	| "h1" | "h2" | "h3" | "h4" | "p" | "br" | "hr"
	| "blockquote" | "pre" | "code" | "ul" | "ol" | "li"
	| "figure" | "figcaption" | "img" | "a" | "strong" | "em";

/** The attributes the preview sets, and nothing else. */
export type PreviewAttr = "href" | "src" | "alt" | "role" | "aria-label" | "data-line" | "rel" | "target" | "start";

/** One element: a tag, its classes, its attributes, an optional tooltip, and its children. */
export interface PreviewElement {
	tag: PreviewTag;
	cls?: string;
	attrs?: Partial<Record<PreviewAttr, string>>;
	/** Hover text: Obsidian's tooltip in the plugin, `title` and `aria-label` on the page. */
	tooltip?: string;
	children: PreviewNode[];
}

/** An element or a text (plain text, never markup). */
export type PreviewNode = PreviewElement | string;

/** Elements with no content and no end tag. */
const VOID: ReadonlySet<PreviewTag> = new Set<PreviewTag>(["br", "hr", "img"]);

/** Builds an element (the layout's one constructor, so the tree reads like the markup it becomes). */
export function h(tag: PreviewTag, props: Omit<PreviewElement, "tag" | "children"> | null, ...children: PreviewNode[]): PreviewElement {
	return { tag, ...(props ?? {}), children };
}

/** The element's attributes as the page writes them, tooltip included. */
export function attributesOf(el: PreviewElement): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	if (el.cls) out.push(["class", el.cls]);
	if (el.attrs) {
		for (const [name, value] of Object.entries(el.attrs)) if (value !== undefined) out.push([name, value]);
	}
	if (el.tooltip !== undefined) {
		out.push(["title", el.tooltip]);
		if (!el.attrs?.["aria-label"]) out.push(["aria-label", el.tooltip]);
	}
	return out;
}

/** Writes the tree as HTML: every text and attribute value escaped, void elements without end tags. */
export function previewToHtml(node: PreviewNode): string {
	const parts: string[] = [];
	const write = (n: PreviewNode): void => {
		if (typeof n === "string") {
			parts.push(escapeHtml(n));
			return;
		}
		parts.push("<", n.tag);
		for (const [name, value] of attributesOf(n)) parts.push(" ", name, "=\"", escapeHtml(value), "\"");
		parts.push(">");
		if (VOID.has(n.tag)) return;
		for (const child of n.children) write(child);
		parts.push("</", n.tag, ">");
	};
	write(node);
	return parts.join("");
}

/** The text of a tree, as a reader would see it (for tests and summaries). */
export function previewText(node: PreviewNode): string {
	if (typeof node === "string") return node;
	if (node.tag === "br") return "\n";
	return node.children.map(previewText).join("");
}
