/**
 * A story in Medium's own model: the target of the conversion, and the one input of every writer
 * (HTML for the API and the clipboard, markdown for the command line and the diff, the preview).
 *
 * Why Medium's model and not markdown: Medium does not render what it receives, it imports it into a flat
 * list of typed paragraphs with four markups and drops what does not fit (../shared/docs/medium-model.md).
 * Every lossy choice is made once, while this model is built, with its warning; writers only print.
 *
 * Pure data: no `obsidian`, no Node built-ins, no functions.
 */

/**
 * Inline content of a paragraph, as a small tree of Medium's four markups (strong, em, link, code) over
 * text, plus line breaks inside the paragraph. Writers walk it; nesting is always well formed.
 */
export type InlineNode =
	| { type: "text"; text: string }
	/** A line break inside the paragraph (`<br>` in HTML). */
	| { type: "break" }
	| { type: "strong"; children: InlineNode[] }
	| { type: "em"; children: InlineNode[] }
	/** `href` is absolute (`https:`, `http:` or `mailto:`): Medium leaves its site for anything else. */
	| { type: "link"; href: string; children: InlineNode[] }
	| { type: "code"; text: string };

/**
 * Where an image's bytes come from: a vault file (uploaded before publishing), a URL Medium fetches, or
 * bytes written in the note itself as a `data:` URL (an image pasted from the web or another app),
 * uploaded like a vault file. A `data` source is checked when the story is built: its bytes are a type
 * Medium's upload accepts and within its size. `url` is a base64 data URL of the bytes with their sniffed
 * type (what the clipboard and `convert --format html` embed), `key` the image cache's key of the bytes
 * (src/core/content-hash.ts `hashBytes`).
 */
export type ImageSource =
	| { kind: "vault"; path: string }
	| { kind: "url"; url: string }
	| { kind: "data"; mime: string; url: string; key: string };

/** Fields every block carries: where it came from, for warnings in the preview. */
interface BlockBase {
	/** 1-based line in the root note's file (frontmatter included) that produced this block. */
	line: number;
}

/** One paragraph of Medium's model. Title and subtitle live on {@link StoryModel}, not here. */
export type StoryBlock =
	| (BlockBase & { type: "heading"; size: "large" | "small"; content: InlineNode[] })
	| (BlockBase & { type: "paragraph"; content: InlineNode[] })
	/** One paragraph of a block quote; consecutive quote blocks with the same `group` form one quote. */
	| (BlockBase & { type: "quote"; group: number; content: InlineNode[] })
	/** A code block: one block, blank lines inside included. `language` is null when the fence had none. */
	| (BlockBase & { type: "code"; language: string | null; text: string })
	/** One item of a flat list; consecutive items with the same `list` form one list. */
	| (BlockBase & { type: "list-item"; ordered: boolean; list: number; content: InlineNode[] })
	| (BlockBase & { type: "image"; source: ImageSource; alt: string; caption: InlineNode[] | null })
	/** A section break (`<hr>`). */
	| (BlockBase & { type: "rule" })
	/** A bare YouTube, Twitter/X, Vimeo or Gist URL on its own paragraph: Medium embeds it. */
	| (BlockBase & { type: "embed"; url: string });

export type StoryBlockType = StoryBlock["type"];

/** A whole story as Medium will hold it. */
export interface StoryModel {
	/** Plain text, shown once at the top. */
	title: string;
	/** Plain text from `medium_subtitle` only; null for none. */
	subtitle: string | null;
	blocks: StoryBlock[];
}
