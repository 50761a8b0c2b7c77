/**
 * The state one conversion shares across the root note and every note it embeds: preloaded notes,
 * resolved links, collected images, footnotes and warnings.
 */

import type { Properties, VaultPort } from "../core/ports";
import { createDataImages, type DataImages } from "./data-images";
import { isSitePath } from "./file-kinds";
import type { LinkReferences } from "./link-references";
import type { NoteLines } from "./note-lines";
import type { ConversionWarning, ConvertOptions, StoryImage } from "./story";

/** A note read once per conversion: its lines (LF) and where its body starts. */
export interface LoadedNote {
	path: string;
	properties: Properties;
	/** The whole file, LF line endings. */
	text: string;
	lines: NoteLines;
	/** The body's lines as an array, made when an embed first looks for a section in it. */
	bodyArray?: string[];
	bodyStart: number;
	/** Per line, whether it belongs to a fenced code block; computed when first needed. */
	fenced?: Uint8Array;
	/** Its link reference definitions (`[label]: url`); collected when first needed. */
	linkReferences?: LinkReferences;
	/** Whether it is read as a site reads it (Liquid, Pandoc's spans): see {@link readsSiteSyntax}. */
	siteSyntax: boolean;
	/** A Kanban board's archive, left out: how many cards, and its line (0-based). */
	boardArchive?: { cards: number; line: number };
}

/** A footnote's text and the note it comes from (a definition, or an inline `^[…]` footnote). */
export interface FootnoteDef {
	notePath: string;
	text: string;
	/** 1-based line in `notePath`'s own file where the note's text is written, for its warnings. */
	line: number;
}

/** A footnote definition found in a note, with its number once a reference has used it (else 0). */
export interface FootnoteDefinition extends FootnoteDef {
	number: number;
}

export interface ConvertContext {
	vault: VaultPort;
	/** The note being converted: links back to it stay text (the story would only link to itself). */
	rootPath: string;
	urlProperty: string;
	linkTemplate: string | null;
	/** The root note's canonical URL when it is a web address: the blog's own site, where site-root links not in the vault go. */
	siteUrl: string | null;
	imageUrls: ReadonlyMap<string, string> | null;
	maxEmbedDepth: number;
	/** Whether a Templater command (`<% … %>`) was warned about: once a conversion is enough. */
	templateWarned?: boolean;
	/** The vault's code files Embed Code File's blocks show (`PATH: "vault://a.go"`), read before the conversion; null: unreadable. */
	codeFiles?: Map<string, string | null>;
	/** Quarto's cross-reference numbers per note (`fig-plot` → `Figure 1`), made when a note first references one. */
	crossrefs?: Map<string, ReadonlyMap<string, string>>;
	/** Obsidian's "Strict line breaks" (ConvertOptions.strictLineBreaks): a single newline is a space, not a line break. */
	strictLineBreaks: boolean;
	/** Whether Dataview's inline fields are read (ConvertOptions.dataviewFields). */
	dataviewFields: boolean;
	/**
	 * The root note's tags written in its text (`#writing`, `#pkm/obsidian`), `#` dropped, in order, each
	 * once whatever its case (Obsidian's tags ignore case): the story's tags when no property gives any.
	 */
	bodyTags: string[];
	/** The body tags seen, lower-cased. */
	bodyTagSeen: Set<string>;
	/** Whether the note is in an Obsidian vault (ConvertOptions.obsidianVault): see {@link readsSiteSyntax}. */
	obsidianVault: boolean;
	/** Whether more body tags were written than {@link BODY_TAGS_KEPT}, which are all a story can use. */
	bodyTagsMore: boolean;
	notes: Map<string, LoadedNote | null>;
	/** Resolved link targets per source note. */
	resolved: Map<string, Map<string, string | null>>;
	/** Where links to a note go (its story, the template, or null), computed once per note. */
	hrefs: Map<string, string | null>;
	/** Vault paths of images as link destinations, encoded once. */
	encodedPaths: Map<string, string>;
	/** The reverse: an image destination as written by the inline pass, to its vault path. */
	imagePaths: Map<string, string>;
	/** Images written as `data:` URLs, checked once each; the builder finds them by the stand-in the inline pass wrote. */
	dataImages: DataImages;
	warnings: ConversionWarning[];
	images: StoryImage[];
	imageSeen: Set<string>;
	embedded: string[];
	embeddedSeen: Set<string>;
	/** Footnote definitions by note path, then by lower-cased label (no key is built per reference). */
	footnoteDefs: Map<string, Map<string, FootnoteDefinition>>;
	/** The notes section: number n's text is footnoteTexts[n - 1]. */
	footnoteTexts: FootnoteDef[];
	/** Converted embeds, keyed `path#subpath`. */
	embedCache: Map<string, string[]>;
	/** For each converted embed's lines (the array in {@link embedCache}), where each line was written: an index into {@link lineOrigins}. */
	embedOrigins: Map<string[], number[]>;
	/** For each converted embed's lines, the embed each came in by (see {@link scopeParents}): 0 for the embedded note's own lines. */
	embedScopes: Map<string[], number[]>;
	/** Lines of embedded notes that reached the story, by index (0 unused): their note and own 1-based line. */
	lineOrigins: Array<{ path: string; line: number } | null>;
	/**
	 * Every embed of a note into another (an embed scope), by index (0: the note that holds the lines):
	 * the scope it was made in. A note's lines are converted once and embedded wherever it is embedded, so
	 * the scopes inside them are relative to that note, and each embed of them makes its own (see rebaseScope).
	 */
	scopeParents: number[];
	/**
	 * Per line, 1 + the index of its newest warning (0: none); with `warnedPrev`, so each place says a thing
	 * once. A typed array grown by doubling: a plain array written at ever higher lines, with gaps, took
	 * V8's slow store path for almost every warning.
	 */
	warnedAt: Int32Array;
	/** Per warning index, the index of the one before it at the same line, or -1. */
	warnedPrev: number[];
	/** Per warning index, the root note's line that brought it in (its own line for the root's). */
	warnedRootLine: number[];
}

export function createContext(vault: VaultPort, rootPath: string, options: ConvertOptions): ConvertContext {
	return {
		vault,
		rootPath,
		urlProperty: options.urlProperty?.trim() || "medium_url",
		linkTemplate: options.linkTemplate?.trim() || null,
		siteUrl: null,
		imageUrls: options.imageUrls ?? null,
		maxEmbedDepth: options.maxEmbedDepth ?? 10,
		strictLineBreaks: options.strictLineBreaks ?? false,
		dataviewFields: options.dataviewFields ?? true,
		bodyTags: [],
		bodyTagSeen: new Set(),
		obsidianVault: options.obsidianVault ?? false,
		bodyTagsMore: false,
		notes: new Map(),
		resolved: new Map(),
		hrefs: new Map(options.noteHrefs ?? []),
		encodedPaths: new Map(),
		imagePaths: new Map(),
		dataImages: createDataImages(),
		warnings: [],
		images: [],
		imageSeen: new Set(),
		embedded: [],
		embeddedSeen: new Set(),
		footnoteDefs: new Map(),
		footnoteTexts: [],
		embedCache: new Map(),
		embedOrigins: new Map(),
		embedScopes: new Map(),
		lineOrigins: [null],
		scopeParents: [-1],
		warnedAt: new Int32Array(256),
		warnedPrev: [],
		warnedRootLine: [],
	};
}

/**
 * Whether the note at `path` is read as a site reads it (Pandoc's spans, Liquid): outside an Obsidian
 * vault, or where its path says it is a site's (`.qmd`/`.Rmd`, a Jekyll `_posts/` or `_drafts/` folder).
 */
export function readsSiteSyntax(ctx: ConvertContext, path: string): boolean {
	return !ctx.obsidianVault || isSitePath(path);
}

/** Resolves a link target once per (target, source folder) within a conversion. */
export function resolveCached(ctx: ConvertContext, linkpath: string, sourcePath: string): string | null {
	let bySource = ctx.resolved.get(sourcePath);
	if (!bySource) {
		bySource = new Map();
		ctx.resolved.set(sourcePath, bySource);
	}
	let hit = bySource.get(linkpath);
	if (hit === undefined) {
		hit = linkpath.trim() === "" ? null : ctx.vault.resolveLink(linkpath, sourcePath);
		bySource.set(linkpath, hit);
	}
	return hit;
}

/**
 * A markdown destination's file part as the vault names it. When nothing is named as written, a query
 * is cut (`img.png?raw=true`: GitHub and a blog's server ignore it) and Windows' backslashes are folders
 * (`.\images\a.png`, as a browser reads it; no vault file name holds a `\`).
 */
export function destinationFile(ctx: ConvertContext, path: string, notePath: string): string {
	// A site (and GitHub) reads a bare destination from the post's folder: `cover.png` beside its index.md,
	// even where the repository's root has one too (Obsidian takes the exact vault path first).
	const c = path.charCodeAt(0);
	if (c !== 47 && c !== 46 && notePath.indexOf("/") !== -1 && readsSiteSyntax(ctx, notePath) && resolveCached(ctx, "./" + path, notePath) !== null) return "./" + path;
	const q = path.indexOf("?");
	const slash = path.indexOf("\\");
	if ((q <= 0 && slash === -1) || resolveCached(ctx, path, notePath) !== null) return path;
	let file = q > 0 ? path.slice(0, q) : path;
	if (slash !== -1) file = file.split("\\").join("/");
	return resolveCached(ctx, file, notePath) !== null ? file : path;
}

/**
 * Records a warning. `line` is the root note's, unless `path` names the embedded note it comes from:
 * then it is that note's own line (the command line prints `path:line`).
 */
/**
 * Records a warning, once per place: two maths on one line, or the same lines of an embedded note shown
 * twice (the note embedded twice, or a section and a block inside it), say the same thing once.
 */
export function warn(ctx: ConvertContext, code: string, message: string, line: number, path?: string, rootLine = line): void {
	// The warnings at the same line form a chain (newest first): only those are compared, and no key
	// string is built. Each link points to a smaller index, so a chain ends; one made stale by the list
	// being cut or sorted can only miss a duplicate, never drop a new warning: every field is compared.
	const warnings = ctx.warnings;
	if (line >= ctx.warnedAt.length) growWarnedAt(ctx, line);
	let head = ctx.warnedAt[line] - 1;
	if (head >= warnings.length) head = -1; // the list was cut since
	for (let k = head; k >= 0; k = ctx.warnedPrev[k] ?? -1) {
		const w = warnings[k] as ConversionWarning | undefined;
		if (w !== undefined && w.line === line && w.code === code && w.path === path && w.message === message) return;
	}
	ctx.warnedPrev[warnings.length] = head;
	ctx.warnedAt[line] = warnings.length + 1;
	ctx.warnedRootLine[warnings.length] = rootLine;
	warnings.push(path === undefined ? { code, message, line } : { code, message, line, path, embedLine: rootLine });
}

/** Makes room in `ctx.warnedAt` for line `line`. */
function growWarnedAt(ctx: ConvertContext, line: number): void {
	const grown = new Int32Array(Math.max(line + 1, ctx.warnedAt.length * 2));
	grown.set(ctx.warnedAt);
	ctx.warnedAt = grown;
}

/**
 * The warnings in the order of the root note: each at the root line that brought it in (an embedded
 * note's warning at its embed, though it names its own line); at one root line, note by note in the
 * order they first warned, each in the order of its own lines (the builder's warnings come after the
 * line pass's, so the order given is not enough).
 */
export function sortWarnings(ctx: ConvertContext): void {
	const w = ctx.warnings;
	const at = ctx.warnedRootLine;
	// Per warning, the index of the first warning of its note at its root line: its group (-1, first,
	// for the root note's own, which need no lookup).
	let groups: Map<number, Map<string, number>> | null = null;
	const group: number[] = new Array<number>(w.length);
	for (let k = 0; k < w.length; k++) {
		const path = w[k].path;
		if (path === undefined) {
			group[k] = -1;
			continue;
		}
		groups ??= new Map<number, Map<string, number>>();
		let byNote = groups.get(at[k]);
		if (!byNote) groups.set(at[k], (byNote = new Map<string, number>()));
		let first = byNote.get(path);
		if (first === undefined) byNote.set(path, (first = k));
		group[k] = first;
	}
	const cmp = (a: number, b: number): number => at[a] - at[b] || group[a] - group[b] || w[a].line - w[b].line || a - b;
	let inOrder = true;
	for (let k = 1; k < w.length && inOrder; k++) inOrder = cmp(k - 1, k) < 0;
	if (inOrder) return;
	const order = new Int32Array(w.length);
	for (let k = 0; k < order.length; k++) order[k] = k;
	order.sort(cmp);
	const copy = w.slice();
	for (let k = 0; k < order.length; k++) w[k] = copy[order[k]];
}

/**
 * Warnings a math note would give at every paragraph (dozens in a lecture note), said once per story:
 * at the first place, counting the places. Code to the message for `n` places (n > 1).
 */
const PER_STORY: ReadonlyMap<string, (n: number) => string> = new Map([["math-as-code", (n: number) => `Math is shown as code in ${n} places: Medium cannot render it.`]]);

/** Folds each {@link PER_STORY} code's warnings into its first (run after sortWarnings): one pass, in place. */
export function foldPerStoryWarnings(ctx: ConvertContext): void {
	const w = ctx.warnings;
	let first: Map<string, number> | null = null;
	let counts: number[] | null = null;
	let kept = 0;
	for (let k = 0; k < w.length; k++) {
		const code = w[k].code;
		if (PER_STORY.has(code)) {
			first ??= new Map<string, number>();
			counts ??= [];
			const at = first.get(code);
			if (at !== undefined) {
				counts[at]++;
				continue;
			}
			first.set(code, kept);
			counts[kept] = 1;
		}
		w[kept++] = w[k];
	}
	if (first === null || counts === null) return;
	w.length = kept;
	for (const [code, at] of first) if (counts[at] > 1) w[at] = { ...w[at], message: (PER_STORY.get(code) as (n: number) => string)(counts[at]) };
}

/**
 * The story builder hears of a line by one number. A root-note line is that line; a line written in an
 * embedded note is a negative tag naming both its origin (an index into `lineOrigins`) and the root
 * line that embeds it: blocks keep the root line, warnings name the embedded note's own line.
 */
const ORIGIN_SPAN = 16777216; // 2^24 root lines; the tag stays an exact integer up to 2^53

/** The tag for a line of an embedded note (origin index `origin`) embedded at root line `rootLine`. */
export function embeddedLineTag(origin: number, rootLine: number): number {
	return origin > 0 && rootLine < ORIGIN_SPAN ? -(origin * ORIGIN_SPAN + rootLine) : rootLine;
}

/** A new embed scope, made inside scope `parent` (0: the note doing the embedding). */
export function newScope(ctx: ConvertContext, parent: number): number {
	return ctx.scopeParents.push(parent) - 1;
}

/**
 * Scope `rel` of an embedded note's lines (relative to that note: 0 its own lines) as a scope of the note
 * embedding it, through this embed (`base`, whose parent is that note's own lines). `memo` is the embed's.
 */
export function rebaseScope(ctx: ConvertContext, rel: number, base: number, memo: Map<number, number>): number {
	if (rel === 0) return base;
	let hit = memo.get(rel);
	if (hit === undefined) {
		hit = newScope(ctx, rebaseScope(ctx, ctx.scopeParents[rel], base, memo));
		memo.set(rel, hit);
	}
	return hit;
}

/** The root-note line a builder line number stands for. */
export function rootLineOf(tag: number): number {
	return tag >= 0 ? tag : -tag % ORIGIN_SPAN;
}

/**
 * Records a warning at a builder line number: the root note's line, or the embedded note's own line.
 * A note embedded twice is read twice by the builder; its warning is given once (see {@link warn}).
 */
export function warnAtTag(ctx: ConvertContext, code: string, message: string, tag: number): void {
	const origin = tag >= 0 ? null : ctx.lineOrigins[Math.floor(-tag / ORIGIN_SPAN)];
	if (!origin) {
		warn(ctx, code, message, rootLineOf(tag));
		return;
	}
	warn(ctx, code, message, origin.line, origin.path, rootLineOf(tag));
}

/**
 * How many of a note's tags written in its text are kept: Medium takes 3, and a few more name what the
 * too-many-tags warning says is dropped; a note of thousands of tags keeps no list of them.
 */
export const BODY_TAGS_KEPT = 10;

/** Records a tag (its text after `#`) written in `notePath`: the root note's count as the note's own (see bodyTags). */
export function noteBodyTag(ctx: ConvertContext, notePath: string, tag: string): void {
	if (notePath !== ctx.rootPath) return;
	const lower = tag.toLowerCase();
	if (ctx.bodyTagSeen.has(lower)) return;
	if (ctx.bodyTags.length >= BODY_TAGS_KEPT) {
		ctx.bodyTagsMore = true;
		return;
	}
	ctx.bodyTagSeen.add(lower);
	ctx.bodyTags.push(tag);
}
