/**
 * How a story's headings will land on Medium, as an indented outline: the title, the subtitle (or the lack
 * of one), then every large and small heading. The pre-flight shows it so a user sees a section heading
 * that would have become the subtitle, or a heading level that became text, before anything is sent.
 * Pure: built from the story model, rendered by the plugin's modal (and usable by the preview).
 */

import type { InlineNode, StoryModel } from "./story-model";

export type OutlineKind = "title" | "subtitle" | "no-subtitle" | "large" | "small";

export interface OutlineEntry {
	kind: OutlineKind;
	/** What Medium will show, as plain text. */
	text: string;
	/** Indentation: 0 for the title and subtitle, 1 for large headings, 2 for small ones. */
	depth: 0 | 1 | 2;
	/** 1-based line of the note the heading came from; null for the title and subtitle. */
	line: number | null;
}

export interface HeadingOutline {
	entries: OutlineEntry[];
	/** Headings beyond the limit, not listed. */
	more: number;
}

/** The plain text of inline content: markups dropped, a line break as a space. */
export function inlinePlainText(nodes: readonly InlineNode[]): string {
	let out = "";
	for (const node of nodes) {
		if (node.type === "text" || node.type === "code") out += node.text;
		else if (node.type === "break") out += " ";
		else out += inlinePlainText(node.children);
	}
	return out;
}

/** Labels the modal shows before each entry's text. */
export const OUTLINE_LABELS: Readonly<Record<OutlineKind, string>> = {
	title: "Title",
	subtitle: "Subtitle",
	"no-subtitle": "No subtitle",
	large: "Large heading",
	small: "Small heading",
};

/**
 * The outline of `story`: title, subtitle (a `no-subtitle` entry saying where one comes from when there is
 * none), then its headings in order, at most `limit` of them.
 */
export function headingOutline(story: StoryModel, limit = 50): HeadingOutline {
	const entries: OutlineEntry[] = [{ kind: "title", text: story.title.trim(), depth: 0, line: null }];
	const subtitle = story.subtitle?.trim() ?? "";
	entries.push(
		subtitle !== ""
			? { kind: "subtitle", text: subtitle, depth: 0, line: null }
			: { kind: "no-subtitle", text: "add a medium_subtitle property to give the story one", depth: 0, line: null },
	);
	let more = 0;
	let listed = 0;
	for (const block of story.blocks) {
		if (block.type !== "heading") continue;
		const text = inlinePlainText(block.content).trim();
		if (text === "") continue;
		if (listed >= limit) {
			more++;
			continue;
		}
		listed++;
		entries.push({ kind: block.size, text, depth: block.size === "large" ? 1 : 2, line: block.line });
	}
	return { entries, more };
}
