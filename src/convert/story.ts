/** What the converter produces from one note: everything the publisher and the pre-flight need. */

import type { Properties } from "../core/ports";
import type { StoryBlock, StoryModel } from "../story/story-model";

/** A lossy, unresolved or cut piece of the note, reported to the user. */
export interface ConversionWarning {
	/** Stable kebab-case code, e.g. `unresolved-link`, `embed-cycle`, `unsupported-embed`. */
	code: string;
	message: string;
	/** 1-based line in the root note's file (frontmatter included) where it happened. */
	line: number;
	/** Vault path of the note the warning comes from when it is not the root note (an embedded note; `line` is then its own). */
	path?: string;
	/** With `path`: the root note's 1-based line whose embed brought that note's text in (the first, when several do). */
	embedLine?: number;
}

/** A local image the story shows: uploaded before the story is created. */
export interface StoryImage {
	/** Vault path of the image file. */
	path: string;
	alt: string;
}

/** A story in Medium's model (title, subtitle, blocks), with what the publisher and the pre-flight need. */
export interface Story extends StoryModel {
	title: string;
	/** The `medium_subtitle` property; nothing else becomes the subtitle. */
	subtitle: string | null;
	/** Medium's paragraphs, every rule of the conversion applied. */
	blocks: StoryBlock[];
	/**
	 * The blocks as markdown (src/story/story-markdown.ts), starting with `# <title>`: what `convert`
	 * prints and what the re-publish diff compares. Written on first read, once.
	 */
	content: string;
	tags: string[];
	canonicalUrl: string | null;
	images: StoryImage[];
	/**
	 * The bytes of the images written in the note as data URLs, by the image cache's key (the `data`
	 * source's `key`): decoded once, when the conversion checked them, and uploaded from here by a publish.
	 */
	noteImageBytes: ReadonlyMap<string, Uint8Array>;
	/** Vault paths of the notes whose content was inlined by embeds, in first-seen order. */
	embeddedNotes: string[];
	warnings: ConversionWarning[];
	/** The root note's properties, for the publisher's per-note overrides. */
	properties: Properties;
	/**
	 * Where the links to each linked note went (vault path → its story URL, its canonical or template
	 * URL, or null for plain text): kept with a publish, so a later run tells the note's own edits from
	 * links that moved because the linked note got its story since.
	 */
	noteHrefs: ReadonlyMap<string, string | null>;
}

/** Choices that shape the conversion; all optional. */
export interface ConvertOptions {
	/** The property that holds a note's Medium URL (default `medium_url`). */
	urlProperty?: string;
	/**
	 * How a link to a note that is not on Medium is written: null/empty for plain text (default), or a
	 * URL template with `{slug}` (and `{path}`, `{title}`) filled from the linked note.
	 */
	linkTemplate?: string | null;
	/** Canonical URL template with `{slug}`, used when the note has no `canonical_url`. */
	canonicalTemplate?: string | null;
	/** Uploaded images: vault path to Medium URL. Images found here are written with that URL. */
	imageUrls?: ReadonlyMap<string, string>;
	/** Maximum embed depth (default 10). */
	maxEmbedDepth?: number;
	/**
	 * Obsidian's "Strict line breaks": when true, a single newline inside a paragraph is a space (standard
	 * markdown); when false (Obsidian's default), it is a line break.
	 */
	strictLineBreaks?: boolean;
	/**
	 * Whether Dataview shows inline fields (`[key:: value]`) in reading view (default true): false where
	 * the vault does not run it, so the brackets stay as Obsidian shows them.
	 */
	dataviewFields?: boolean;
	/**
	 * Whether the note is in an Obsidian vault rather than a site's source folder (default false: a folder
	 * of markdown is read as its site reads it). In a vault, syntax only a site's generator reads (Pandoc's
	 * `[text]{.mark}`, Liquid's `{% raw %}`) stays as Obsidian shows it: as written. Notes whose path says
	 * they are a site's (`.qmd`, `_posts/`) are read as the site reads them all the same.
	 */
	obsidianVault?: boolean;
	/** Where links to these notes go, as given (a publish record's {@link Story.noteHrefs}): the note as it was sent. */
	noteHrefs?: ReadonlyMap<string, string | null>;
}

/**
 * The files at a folder's root that make it a site's source kept as a vault (Jekyll's, Quarto's
 * configuration): such a folder is no Obsidian vault for {@link ConvertOptions.obsidianVault}. The plugin
 * and the command line both read this list, so they decide alike.
 */
export const SITE_CONFIG_FILES: readonly string[] = ["_config.yml", "_quarto.yml"];
