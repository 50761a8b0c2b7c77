/**
 * The preview tree (src/preview/preview-tree.ts) as Obsidian elements: `createEl` for every element,
 * `appendText` for every text, `setTooltip` for hover text. No HTML string is ever parsed, so nothing in a note
 * can become markup in the view.
 */

import { setTooltip } from "obsidian";
import type { PreviewNode } from "../preview/preview-tree";

/** Appends the node (and everything under it) to `parent`. */
export function renderPreview(parent: HTMLElement, node: PreviewNode): void {
	if (typeof node === "string") {
		parent.appendText(node);
		return;
	}
	const attr: Record<string, string> = {};
	if (node.attrs) {
		for (const [name, value] of Object.entries(node.attrs)) if (value !== undefined) attr[name] = value;
	}
	const el = parent.createEl(node.tag, node.cls ? { cls: node.cls, attr } : { attr });
	if (node.tooltip !== undefined) setTooltip(el, node.tooltip);
	for (const child of node.children) renderPreview(el, child);
}
