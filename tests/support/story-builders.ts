/** Short builders for hand-made story models in tests (the converter builds real ones). */

import type { ImageSource, InlineNode, StoryBlock, StoryModel } from "../../src/story/story-model";

type Inline = InlineNode | string;

const nodes = (parts: Inline[]): InlineNode[] => parts.map((p) => (typeof p === "string" ? { type: "text", text: p } : p));

export const text = (value: string): InlineNode => ({ type: "text", text: value });
export const br: InlineNode = { type: "break" };
export const strong = (...parts: Inline[]): InlineNode => ({ type: "strong", children: nodes(parts) });
export const em = (...parts: Inline[]): InlineNode => ({ type: "em", children: nodes(parts) });
export const link = (href: string, ...parts: Inline[]): InlineNode => ({ type: "link", href, children: nodes(parts) });
export const code = (value: string): InlineNode => ({ type: "code", text: value });

export const h = (size: "large" | "small", ...parts: Inline[]): StoryBlock => ({ type: "heading", size, content: nodes(parts), line: 1 });
export const p = (...parts: Inline[]): StoryBlock => ({ type: "paragraph", content: nodes(parts), line: 1 });
export const quote = (group: number, ...parts: Inline[]): StoryBlock => ({ type: "quote", group, content: nodes(parts), line: 1 });
export const pre = (textValue: string, language: string | null = null): StoryBlock => ({ type: "code", language, text: textValue, line: 1 });
export const li = (list: number, ordered: boolean, ...parts: Inline[]): StoryBlock => ({ type: "list-item", ordered, list, content: nodes(parts), line: 1 });
export const img = (source: ImageSource | string, alt = "", caption: Inline[] | null = null): StoryBlock => ({
	type: "image",
	source: typeof source === "string" ? (source.includes("://") ? { kind: "url", url: source } : { kind: "vault", path: source }) : source,
	alt,
	caption: caption === null ? null : nodes(caption),
	line: 1,
});
export const hr: StoryBlock = { type: "rule", line: 1 };
export const embed = (url: string): StoryBlock => ({ type: "embed", url, line: 1 });

export const story = (title: string, subtitle: string | null, ...blocks: StoryBlock[]): StoryModel => ({ title, subtitle, blocks });
