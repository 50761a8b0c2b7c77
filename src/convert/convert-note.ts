/**
 * The converter's entry point: an Obsidian note in, a Medium-ready story out. It reads every note the
 * conversion may need first (links for their Medium URL, embeds for their text), then converts in one
 * synchronous pass, so the hot loop never waits on the vault.
 */

import type { Properties, VaultPort } from "../core/ports";
import { decodeEntities } from "./entities";
import { splitLinktext, decodeLinkDestination } from "../core/link-index";
import { noteName } from "../core/url-template";
import { isWebUrl } from "../core/web-url";
import { BlockConverter, collectFootnotes, fencedOf, htmlHeadingLine } from "./block-converter";
import { createContext, readsSiteSyntax, resolveCached, rootLineOf, sortWarnings, foldPerStoryWarnings, destinationFile, warn, warnAtTag, type ConvertContext, type LoadedNote } from "./convert-context";
import { encodePath, fileKind, hasScheme } from "./file-kinds";
import { normalizeNewlines, splitFrontmatter } from "./frontmatter";
import { convertInlineText, drawingPng, fillTemplate, inlineEnv, linkDisplay, noEmbeds } from "./inline";
import { linkReferencesOf } from "./link-references";
import { NoteLines } from "./note-lines";
import { fenceOpen, listItem, parseHeading, stripQuotePrefix } from "./sections";
import type { ConvertOptions, Story } from "./story";
import { MEDIUM_MAX_TAGS, MEDIUM_TAG_MAX as MEDIUM_MAX_TAG_LENGTH, MEDIUM_TITLE_MAX } from "../medium/medium-client";
import { ForwardFinder, indentOf, isBlank } from "./text-scan";
import { parseDelimiterRow } from "./text-table";
import { isRule, setextLevel, StoryBuilder } from "./story-builder";
import { parseInlineFlat, plainText } from "./inline-tree";
import { codeFilePath, COVER_IMAGE_CODE, NOTES_HEADING, RELATIVE_IMAGE_CODE, withoutHeadingId } from "./rules/block-rules";
import { isAbsoluteImageSrc } from "./rules/inline-rules";
import { storyMarkdown } from "../story/story-markdown";
import type { ImageSource, StoryBlock } from "../story/story-model";
import { isDataUrl } from "../core/data-url";
import { coverMarkdown, coverOf, featuredCover, type CoverSpec } from "./cover-image";
import { includePath, withInlineLiquid, withLiquidAddresses } from "./site-tags";
import { boardText } from "./kanban-board";
import { offSiteFlag, offSiteText, propertyLine } from "./site-visibility";
import { anyCase, canonicalProperty, dateText, stringProperty } from "./note-properties";

/** The note to convert: its vault path, its text as stored, and its parsed properties. */
export interface NoteInput {
	path: string;
	text: string;
	properties?: Properties;
}


/** Builds a LoadedNote from a file's text; `siteSyntax`: it is read as a site reads it (see readsSiteSyntax). */
export function loadNote(path: string, text: string, properties: Properties, siteSyntax = true): LoadedNote {
	let normal = normalizeNewlines(text);
	// A byte order mark (Windows editors' UTF-8) is no text: without it the first line is a heading, a tag line.
	if (normal.charCodeAt(0) === 0xfeff) normal = normal.slice(1);
	// An Obsidian note goes through no Liquid: its tags are shown as written.
	if (siteSyntax) normal = withLiquidAddresses(withInlineLiquid(normal));
	const { bodyLine } = splitFrontmatter(normal);
	let boardArchive: LoadedNote["boardArchive"];
	// A Kanban board reads as the board shows it (kanban-board.ts).
	if (properties["kanban-plugin"] !== undefined) {
		const board = boardText(normal, bodyLine, properties["show-checkboxes"] === true || normal.indexOf('"show-checkboxes":true') !== -1);
		normal = board.text;
		if (board.archived > 0) boardArchive = { cards: board.archived, line: board.archiveLine };
	}
	const lines = new NoteLines(normal);
	return { path, properties, text: normal, lines, bodyStart: Math.min(bodyLine, lines.count), boardArchive, siteSyntax };
}

/** A link target found while preloading. */
interface Target {
	path: string;
	embed: boolean;
}

/**
 * Every link and embed target a text may hold, over-approximated (code is not skipped: reading a note
 * that turns out not to be needed is harmless). Linear: each `[[` looks for its `]]` through a
 * forward-only cache.
 */
export function collectTargets(text: string): Target[] {
	const targets: Target[] = [];
	// The same link written many times is looked at once.
	const seen = new Set<string>();
	const seenEmbeds = new Set<string>();
	const closeFinder = new ForwardFinder(text, "]]");
	const openFinder = new ForwardFinder(text, "[[");
	let pos = openFinder.next(0);
	while (pos !== -1) {
		if (text.charCodeAt(pos + 2) === 91) {
			pos = openFinder.next(pos + 1); // `[[[Note]]]`: the link opens one further on
			continue;
		}
		const close = closeFinder.next(pos + 2);
		if (close === -1) break;
		const again = openFinder.next(pos + 2);
		if (again !== -1 && again < close) {
			pos = again;
			continue;
		}
		if (close - pos < 1024) {
			const inner = text.slice(pos + 2, close);
			const embed = pos > 0 && text.charCodeAt(pos - 1) === 33;
			const seenKind = embed ? seenEmbeds : seen;
			if (!seenKind.has(inner) && inner.indexOf("\n") === -1) {
				seenKind.add(inner);
				const bar = inner.indexOf("|");
				const { path } = splitLinktext(bar === -1 ? inner : inner.slice(0, bar));
				if (path.length > 0) targets.push({ path, embed });
			}
		}
		pos = again === -1 ? -1 : openFinder.next(close + 2);
	}
	// Each destination's end is searched forward only (the last search's answer kept): `[x](` written
	// 100,000 times without a `)` or a `>` is one pass, not one scan per `](`.
	const gtFinder = new ForwardFinder(text, ">");
	// The next `)`, space, tab or line end at or after `from`, from a cache `at` that only moves forward.
	const nextStop = (from: number, at: number): number => {
		if (at >= from) return at;
		let k = from;
		while (k < text.length) {
			const c = text.charCodeAt(k);
			if (c === 41 || c === 32 || c === 10 || c === 9) break;
			k++;
		}
		return k;
	};
	let stop = -1;
	let pairStop = -1;
	pos = text.indexOf("](");
	while (pos !== -1) {
		let start = pos + 2;
		while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
		let end: number;
		if (text[start] === "<") {
			start++;
			end = gtFinder.next(start);
		} else {
			end = stop = nextStop(start, stop);
			// One pair of parentheses inside (`Meeting%20(2024).md`, as Obsidian writes a link to `Meeting (2024).md`).
			if (text.charCodeAt(end) === 41 && end - start < 1024 && text.slice(start, end).indexOf("(") !== -1) end = pairStop = nextStop(end + 1, pairStop);
		}
		if (end > start && end - start < 1024) {
			addTarget(text.slice(start, end), true, seen, targets);
		}
		pos = text.indexOf("](", pos + 2);
	}
	// Quarto's `{{< include _file.qmd >}}`: the file is shown where it stands, so it is read as an embed.
	for (pos = text.indexOf("{{< include "); pos !== -1; pos = text.indexOf("{{< include ", pos + 12)) {
		const close = text.indexOf(">}}", pos);
		const path = close === -1 || close - pos > 1024 ? null : includePath(text.slice(pos + 3, close));
		if (path !== null && !seenEmbeds.has(path)) {
			seenEmbeds.add(path);
			targets.push({ path, embed: true });
		}
	}
	// `<a href="Note.md">`: an HTML link to a note needs the note's address too.
	for (const needle of ["href=", "HREF="]) collectHrefs(text, needle, seen, targets);
	return targets;
}

/** The note a link's destination names (its `#heading` cut), added once per destination as written; a URL adds none. */
function addTarget(dest: string, embed: boolean, seen: Set<string>, targets: Target[]): void {
	if (seen.has(dest) || hasScheme(dest) || dest.indexOf("\n") !== -1) return;
	seen.add(dest);
	const decoded = decodeLinkDestination(dest);
	const hash = decoded.indexOf("#");
	const path = hash === -1 ? decoded : decoded.slice(0, hash);
	if (path.trim().length > 0) targets.push({ path, embed });
}

/** The targets of `href="…"` attributes (as `needle` spells the name), over-approximated like the rest. */
function collectHrefs(text: string, needle: string, seen: Set<string>, targets: Target[]): void {
	let pos = text.indexOf(needle);
	while (pos !== -1) {
		const q = text.charCodeAt(pos + 5);
		if (q === 34 || q === 39) {
			const end = text.indexOf(q === 34 ? '"' : "'", pos + 6);
			if (end !== -1 && end - pos < 1024) {
				addTarget(decodeEntities(text.slice(pos + 6, end)).trim(), false, seen, targets);
			}
		}
		pos = text.indexOf(needle, pos + 5);
	}
}

/** The vault targets of a note's link reference definitions (`[label]: Note.md`), which `](` does not find. */
function referenceTargets(note: LoadedNote): Target[] {
	const targets: Target[] = [];
	for (const ref of linkReferencesOf(note).byLabel.values()) {
		if (hasScheme(ref.dest)) continue;
		const decoded = decodeLinkDestination(ref.dest);
		const hash = decoded.indexOf("#");
		const path = hash === -1 ? decoded : decoded.slice(0, hash);
		if (path.trim().length > 0) targets.push({ path, embed: true });
	}
	return targets;
}

/** Reads, once, every note that `note` links to or embeds, and recursively what its embeds need. */
async function preload(ctx: ConvertContext, note: LoadedNote, depth: number, scanned: Set<string>): Promise<void> {
	if (scanned.has(note.path)) return;
	scanned.add(note.path);
	// The whole text, frontmatter included: a link in a property is read for nothing, which is harmless.
	const body = note.text;
	const wanted = new Map<string, boolean>();
	for (const t of [...collectTargets(body), ...referenceTargets(note)]) {
		const resolved = resolveCached(ctx, destinationFile(ctx, t.path, note.path), note.path);
		if (resolved === null || fileKind(resolved) !== "note") continue;
		wanted.set(resolved, (wanted.get(resolved) ?? false) || t.embed);
	}
	await Promise.all(
		[...wanted.keys()].filter((p) => !ctx.notes.has(p)).map(async (p) => {
			const file = await ctx.vault.readNote(p).catch(() => null);
			ctx.notes.set(p, file ? loadNote(p, file.text, file.properties ?? {}, readsSiteSyntax(ctx, p)) : null);
		}),
	);
	// The code files Embed Code File's blocks show (```embed-go, `PATH: "vault://a.go"`), read now: the conversion is synchronous.
	if (body.indexOf("embed-") !== -1) {
		const files = (ctx.codeFiles ??= new Map());
		const paths: string[] = [];
		for (const m of body.matchAll(/^[ \t>]*"?PATH"?:.*/gm)) {
			const p = codeFilePath(m[0]);
			if (p === null || files.has(p)) continue;
			files.set(p, null);
			paths.push(p);
		}
		// Read together, as the notes above are.
		await Promise.all(
			paths.map(async (p) => {
				const bytes = await ctx.vault.readBinary(p).catch(() => null);
				if (bytes !== null) files.set(p, new TextDecoder().decode(bytes));
			}),
		);
	}
	if (depth >= ctx.maxEmbedDepth) return;
	for (const [p, embed] of wanted) {
		const loaded = ctx.notes.get(p);
		if (embed && loaded) await preload(ctx, loaded, depth + 1, scanned);
	}
}


/**
 * A text property as Obsidian shows it: a text property may hold internal links (`"[[Note]]"`,
 * `My [[Note|alias]] story`), shown as links, their text only; its markdown is not rendered (kept as
 * written). Linear: each `[[` is looked at once.
 */
function propertyText(text: string): string {
	let open = text.indexOf("[[");
	if (open === -1) return text;
	let out = "";
	let last = 0;
	while (open !== -1) {
		const close = text.indexOf("]]", open + 2);
		if (close === -1) break;
		const inner = text.slice(open + 2, close);
		const bar = inner.indexOf("|");
		const target = bar === -1 ? inner : inner.slice(0, bar);
		const hash = target.indexOf("#");
		const shown = bar !== -1 && inner.slice(bar + 1).trim() !== "" ? inner.slice(bar + 1).trim() : linkDisplay(hash === -1 ? target.trim() : target.slice(0, hash).trim(), hash === -1 ? "" : target.slice(hash + 1));
		out += text.slice(last, open) + shown;
		last = close + 2;
		open = text.indexOf("[[", last);
	}
	return out + text.slice(last);
}

/** A title or subtitle property as the story shows it (see propertyText), or null. */
function textProperty(props: Properties, key: string): string | null {
	const v = stringProperty(props, key);
	if (v === null) return null;
	const text = propertyText(v).trim();
	return text === "" ? null : text;
}




/**
 * Tags from a property that may be a list or a separated string; `#` dropped. An Obsidian tag holds no
 * space, so `tags: a b` is two tags; `medium_tags` names Medium's own tags, which may (`Machine
 * Learning`): pass `spaces: false` to split it at commas only.
 */
export function tagsFromProperty(value: unknown, spaces = true): string[] {
	const raw: unknown[] = Array.isArray(value) ? value : typeof value === "string" ? value.split(spaces ? /[,\s]/ : /[,\n]/) : [];
	const tags: string[] = [];
	for (const item of raw) {
		const t = item instanceof Date ? dateText(item) : item;
		if (typeof t !== "string" && typeof t !== "number") continue;
		const s = String(t).trim().replace(/^#/, "").trim();
		if (s.length > 0 && !tags.includes(s)) tags.push(s);
	}
	return tags;
}

/**
 * The first H1 of a note's body outside code and quotes: the story title when no property gives one.
 * Either `# Title` or a one-line paragraph underlined with `===` (a setext H1); `end` is its last line.
 * A callout, code block, display math or table before it makes it none: such an H1 is a section of
 * the note (a Zotero literature note's `# Annotations` under its metadata callouts, a research note
 * whose H1s are its sections), which Obsidian shows below them; lifted to the top as the title, the
 * story would open with that section's name over the content above it. So does prose (more than a
 * line or two of metadata), and a section before it (a `##` heading with anything under it): the H1 is then
 * one of the note's later headings (the Obsidian Hub's `# This note in GitHub` footer under its `##`
 * sections). Short lines, a plain quote (an epigraph), images, headings and `%%` comments before it leave
 * it the title.
 */
function firstH1(note: LoadedNote): { line: number; end: number; text: string } | null {
	const fenced = fencedOf(note);
	let comment = false;
	let prose = 0;
	let section = false;
	for (let i = note.bodyStart; i < note.lines.count; i++) {
		if (comment) {
			// Inside a `%%` comment until a line holding its close (`text %%` too): nothing in it shows.
			comment = !togglesComment(note.lines.line(i));
			continue;
		}
		const first = note.lines.firstSignificant(i);
		// 35 `#`, 61 `=`; 36 `$`, 37 `%`, 91 `[` (a callout's, past its `>`), 124 `|`: only these lines are looked at.
		if (first !== 35 && first !== 61 && first !== 36 && first !== 37 && first !== 91 && first !== 124 && first !== 60 && !fenced[i]) {
			// Prose before it, past a line or two of metadata (a page imported from Notion, Evernote or Apple
			// Notes, titled by its file name, opens with text and uses H1s for its sections), makes it none too.
			if (first !== -1 && (section || (first !== 33 && (prose += proseLength(note, i)) > PROSE_BEFORE_TITLE))) return null;
			continue;
		}
		const line = note.lines.line(i);
		if (first === 37 && !fenced[i]) {
			comment = togglesComment(line);
			continue;
		}
		if (fenced[i]) return null;
		if (first === 60) {
			// An HTML `<h1>` line (a README's `<h1 align="center">Name</h1>`) titles the note as `# Name` does.
			const h = section ? null : htmlHeadingLine(line);
			const text = h === null || h.level !== 1 ? "" : decodeEntities(h.text.replace(/<[^<>]*>/g, "")).trim();
			if (text !== "") return { line: i, end: i, text: text.replace(/[\\`*_[\]<>~=$%^#!|&]/g, "\\$&") };
			if (section || (prose += proseLength(note, i)) > PROSE_BEFORE_TITLE) return null;
			continue;
		}
		if (first !== 35 && first !== 61) {
			if (section || (first === 36 ? line.trimStart().startsWith("$$") : first === 91 ? isCalloutLine(line) : isTableStart(note, i))) return null;
			continue;
		}
		if (stripQuotePrefix(line) !== line) continue;
		if (first === 61) {
			const text = i > note.bodyStart && !fenced[i - 1] && setextLevel(line) === 1 && indentOf(line) < 4 ? setextTitleText(note, i - 1) : null;
			if (text !== null) return { line: i - 1, end: i, text };
			continue;
		}
		const h = parseHeading(line);
		if (h && h.level === 1 && h.text.trim() !== "") return { line: i, end: i, text: h.text };
		if (h && h.level > 1) section = true;
	}
	return null;
}

/** How many dropped tags the too-many-tags warning names. */
const DROPPED_TAGS_NAMED = 7;

/** How much text before an H1 still leaves it the title: a tag line, a breadcrumb, a date, a short note to self. */
const PROSE_BEFORE_TITLE = 80;

/** The length of line `i`'s text, 0 for a quote's (an epigraph before the title). */
function proseLength(note: LoadedNote, i: number): number {
	const at = note.lines.firstNonBlank(i);
	return note.lines.text.charCodeAt(at) === 62 ? 0 : note.lines.lineStart(i + 1) - 1 - at;
}

/** Whether a line opens or closes a `%%` comment: it holds an odd number of `%%`. */
function togglesComment(line: string): boolean {
	let n = 0;
	for (let at = line.indexOf("%%"); at !== -1; at = line.indexOf("%%", at + 2)) n++;
	return n % 2 === 1;
}

/** Whether a line opens a callout (`> [!note]`, `>> [!tip]+`). */
function isCalloutLine(line: string): boolean {
	const content = stripQuotePrefix(line);
	return content !== line && content.trimStart().startsWith("[!");
}

/** Whether line `i` (starting with `|`) heads a table: the next line is its delimiter row. */
function isTableStart(note: LoadedNote, i: number): boolean {
	return i + 1 < note.lines.count && parseDelimiterRow(note.lines.line(i + 1)) !== null;
}

/** Line `k` as a setext heading's text: a one-line paragraph (a blank line or the body's start above it), or null. */
function setextTitleText(note: LoadedNote, k: number): string | null {
	const line = note.lines.line(k);
	if (isBlank(line) || indentOf(line) >= 4 || (k > note.bodyStart && !isBlank(note.lines.line(k - 1)))) return null;
	const t = line.trim();
	const c = t.charCodeAt(0);
	// Lines that start a block of their own (or hide themselves) are not paragraph text.
	if (c === 62 || c === 60 || c === 124 || t.startsWith("%%") || t.startsWith("$$") || t.startsWith("[^")) return null;
	if (parseHeading(line) || isRule(line) || fenceOpen(t) || listItem(line)) return null;
	return t;
}

/** Plain text of inline markdown, for titles: links become their text, markup goes. */
function plainTitle(ctx: ConvertContext, notePath: string, text: string, line: number): string {
	const env = inlineEnv(ctx, notePath, line, true, noEmbeds);
	const markdown = convertInlineText(withoutHeadingId(text), env).replace(/\s\^[A-Za-z0-9-]+$/, "");
	// Read as markdown once more for its plain text: emphasis, strikethrough and escapes go.
	return plainText(parseInlineFlat(markdown, { softBreaks: false, warn: () => undefined })).trim();
}

/**
 * Where an image written by the inline pass comes from: a vault file, bytes written in the note (a data
 * URL, which the inline pass checked and wrote as its stand-in), or a web address Medium fetches.
 * `line` is the builder's line number (see embeddedLineTag).
 */
function imageSource(ctx: ConvertContext, src: string, line: number): ImageSource | null {
	const path = ctx.imagePaths.get(src);
	if (path !== undefined) return { kind: "vault", path };
	const data = ctx.dataImages.byStandIn.size > 0 ? ctx.dataImages.byStandIn.get(src) : undefined;
	if (data !== undefined) return data;
	if (isAbsoluteImageSrc(src)) return { kind: "url", url: src.trim() };
	warnAtTag(ctx, RELATIVE_IMAGE_CODE, `Image ${src} is not in the vault and not a web address Medium can fetch; it was left out.`, line);
	return null;
}

/**
 * The cover image the properties name (cover-image.ts), as the story's first block: a vault image or a
 * web address, else left out with a warning. Returns the block, or null.
 */
function addCover(ctx: ConvertContext, builder: StoryBuilder, notePath: string, cover: CoverSpec): StoryBlock | null {
	const named = `The cover image in the ${cover.key} property (${cover.target})`;
	let src: string;
	// A data: URL (an image pasted into the property) is read like one in the body.
	if (isAbsoluteImageSrc(cover.target) || isDataUrl(cover.target)) src = cover.target.split(" ").join("%20").split("(").join("%28").split(")").join("%29");
	else {
		const path = resolveCached(ctx, cover.target, notePath);
		if (path === null || fileKind(path) !== "image") {
			warn(ctx, COVER_IMAGE_CODE, `${named} ${path === null ? "is not in the vault" : "is not an image"}; it was left out.`, 1);
			return null;
		}
		src = encodePath(path);
	}
	const before = builder.blocks.length;
	builder.push(convertInlineText(coverMarkdown(src, cover.alt, cover.caption), inlineEnv(ctx, notePath, 1, false, noEmbeds)), 1);
	builder.push("", 1);
	const block = builder.blocks.length === before + 1 ? builder.blocks[before] : null;
	return block?.type === "image" ? block : null;
}

/**
 * An Excalidraw drawing published as a note: Obsidian shows the drawing, never the note's text ("Switch
 * to EXCALIDRAW VIEW", the scene's data), so the story is its exported PNG, or empty with a warning.
 */
function drawingNote(ctx: ConvertContext, path: string, props: Properties): LoadedNote {
	const png = drawingPng(ctx, path);
	if (png === null) {
		warn(ctx, "unsupported-embed", "This note is an Excalidraw drawing, which Medium cannot show, and no PNG of it is in the vault: export it as PNG beside it (Excalidraw's auto-export) to publish it as an image.", 1);
	}
	return loadNote(path, png === null ? "" : `![[${png}]]\n`, props, false);
}

/** Whether two images show the same file or address. */
function sameImage(a: ImageSource, b: ImageSource): boolean {
	if (a.kind === "data") return b.kind === "data" && a.key === b.key;
	return a.kind === "vault" ? b.kind === "vault" && a.path === b.path : b.kind === "url" && a.url === b.url;
}

/** Converts one note into a story. Total: any text converts without throwing. */
export async function convertNote(input: NoteInput, vault: VaultPort, options: ConvertOptions = {}): Promise<Story> {
	const ctx = createContext(vault, input.path, options);
	const props = input.properties ?? {};
	// The post's home on its blog (warned about below when it is not a web address): site-root links go there.
	const home = canonicalProperty(props) ?? (options.canonicalTemplate?.trim() ? fillTemplate(options.canonicalTemplate.trim(), input.path, props) : null);
	ctx.siteUrl = home !== null && isWebUrl(home) ? home : null;
	const root = props["excalidraw-plugin"] === undefined ? loadNote(input.path, input.text, props, readsSiteSyntax(ctx, input.path)) : drawingNote(ctx, input.path, props);
	ctx.notes.set(root.path, root);
	if (root.boardArchive) warn(ctx, "board-archive", "The board's archived cards were left out: the board hides them.", root.boardArchive.line + 1);
	await preload(ctx, root, 0, new Set());

	let title = textProperty(props, "medium_title") ?? textProperty(props, "title");
	let titleLine = -1;
	let titleEnd = -1;
	const h1 = firstH1(root);
	// The definitions first: a footnote reference in the title is numbered as one in the body is.
	const footnotesScanned = new Set<string>();
	if (h1) collectFootnotes(ctx, root, footnotesScanned);
	if (h1) {
		const warned = ctx.warnings.length;
		const h1Title = plainTitle(ctx, root.path, h1.text, h1.line + 1);
		// The H1 becomes the title; when a property gives the same title, the H1 is not repeated either.
		if (title === null || title.toLowerCase() === h1Title.toLowerCase()) {
			titleLine = h1.line;
			titleEnd = h1.end;
			title ??= h1Title;
		} else ctx.warnings.length = warned; // the H1 stays in the body, which reports its own warnings

	}
	// A name a Mac stored decomposed (カ + U+3099, Hangul as jamo) is composed, as Obsidian shows it.
	if (!title) title = noteName(root.path).normalize("NFC");
	// A drawing's file is `Name.excalidraw.md`: its name is Name.
	if (props["excalidraw-plugin"] !== undefined && title.endsWith(".excalidraw") && title.length > 11) title = title.slice(0, -11);

	const converter = new BlockConverter(ctx, root, { start: root.bodyStart, end: root.lines.count }, {
		depth: 0,
		stack: [root.path + "#"],
		titleLine,
		titleEnd,
		warnLine: null,
	}, footnotesScanned);
	// The lines, Obsidian's syntax resolved, become Medium's paragraphs as they come.
	const builder = new StoryBuilder({
		strictLineBreaks: options.strictLineBreaks ?? false,
		// The builder's line numbers name an embedded note's own line too: its warnings point there.
		warn: (code, message, line) => warnAtTag(ctx, code, message, line),
		imageSource: (src, line) => imageSource(ctx, src, line),
		scopeParent: (scope) => ctx.scopeParents[scope] ?? 0,
	});
	const cover = coverOf(props) ?? (readsSiteSyntax(ctx, root.path) ? featuredCover(root.path, props, (t) => resolveCached(ctx, t, root.path)) : null);
	const coverBlock = cover ? addCover(ctx, builder, root.path, cover) : null;
	converter.run(builder);

	if (ctx.footnoteTexts.length > 0) {
		// The notes section: a section break, a bold "Notes", the notes in their order. A heading the note
		// ends with, its definitions under it (Bear's `#### Footnotes`, a `## References`), names it instead
		// of standing empty above it, and a rule before that is its break.
		const line = Math.max(1, root.lines.count);
		const end = builder.last();
		const own = end?.type === "heading" && ctx.footnoteTexts.some((d) => d.notePath === root.path && d.line > end.line) ? builder.takeLastHeading() : null;
		if (builder.last()?.type !== "rule") builder.add({ type: "rule", line });
		builder.add({ type: "paragraph", content: [{ type: "strong", children: own?.content ?? [{ type: "text", text: NOTES_HEADING }] }], line });
		const list = -1;
		const env = inlineEnv(ctx, root.path, line, false, noEmbeds);
		// Notes show no image (see the builder's inlineContent): one only they hold is not uploaded either.
		const imagesBefore = ctx.images.length;
		for (let k = 0; k < ctx.footnoteTexts.length; k++) {
			const def = ctx.footnoteTexts[k];
			env.notePath = def.notePath;
			// A note's warnings point at where its text is written: a line of the root note, or of the
			// embedded note it came from (named by its path).
			const own = def.notePath === root.path;
			env.line = own ? def.line : line;
			env.warnPath = own ? undefined : def.notePath;
			env.ownLine = def.line;
			const at = env.line;
			builder.add({ type: "list-item", ordered: true, list, content: builder.inlineContent(convertInlineText(def.text, env).trim(), at), line: at });
		}
		ctx.images.length = imagesBefore;
	}
	const blocks = builder.finish();
	// A body that shows the cover already (a banner repeated as the first image, a Docusaurus card image
	// shown after the intro) shows it once, where the body puts it.
	if (coverBlock?.type === "image" && blocks[0] === coverBlock) {
		for (let k = 1; k < blocks.length; k++) {
			const b = blocks[k];
			if (b.type === "image" && sameImage(b.source, coverBlock.source)) {
				blocks.shift();
				break;
			}
		}
	}
	// Nothing below the title (a stub, a body all comment or properties), and no warning says why:
	// Medium would show the title alone, and a story cannot be taken back through the API.
	if (blocks.length === 0 && ctx.warnings.length === 0) warn(ctx, "empty-story", "The story has nothing below its title: Medium would show the title alone.", titleLine + 1 || 1);
	// A template's title ({{title}}) is filled only when the template is inserted: published as it is, the
	// story is titled with the placeholder, and the API cannot take a story back.
	// Obsidian's template variables: {{title}}, {{date}}, {{time}}, {{date:YYYY-MM-DD}}. Linear: a format
	// holds no brace, so an attempt ends at the next one.
	// QuickAdd's ({{VALUE:name}}, {{VDATE:d,format}}) too, and Templater's commands (<% tp.file.title %>: no % inside).
	const placeholder = /\{\{(?:title|date|time|value|vdate|field)(?::[^{}]*)?\}\}|<%[^%]*%>/i.exec(title);
	// A Templater command was warned about already when the title's text was read.
	if (placeholder !== null && !(ctx.templateWarned && placeholder[0].startsWith("<%"))) warn(ctx, "template-placeholder", `The title holds ${placeholder[0]}, a template placeholder never filled in.`, titleLine + 1 || 1);
	// A block keeps the root line that brought it in (an embed's blocks, the embedding line).
	if (ctx.lineOrigins.length > 1) for (const b of blocks) if (b.line < 0) b.line = rootLineOf(b.line);

	// A note its own properties keep off its site (draft: true, publish: false) or off Medium: said before it
	// goes, since a story cannot be taken back. The template's canonical URL would name a page its site does
	// not have, which Medium shows as "Originally published at" a missing page: it is left out.
	const flag = offSiteFlag(props);
	const templateCanonical = flag !== null && !flag.medium && home !== null && canonicalProperty(props) === null;
	if (flag !== null) {
		const canonical = templateCanonical ? ` Its canonical URL (${home}) would name a page its site does not publish; it was left out.` : "";
		warn(ctx, "off-site-note", `This note is ${offSiteText(flag)}: check that it is meant for Medium before it goes.${canonical}`, propertyLine(root.text, flag.key, root.bodyStart));
	}

	// Warnings in the order of the note (the builder's come after the line pass's); sort is stable.
	sortWarnings(ctx);
	foldPerStoryWarnings(ctx);

	const subtitle = textProperty(props, "medium_subtitle");

	// A blank medium_tags (a template's `medium_tags:` or `medium_tags: []`, Obsidian's empty list) names
	// none: the note's own tags stand, as they do without it.
	let tags = tagsFromProperty(props.medium_tags ?? anyCase(props, "medium_tags"), false);
	if (tags.length === 0) {
		// A blog's tag may hold a space: a post's `tags: astro, web dev` is parted at its commas only.
		const own = props.tags ?? anyCase(props, "tags");
		tags = tagsFromProperty(own, !(typeof own === "string" && own.indexOf(",") !== -1 && readsSiteSyntax(ctx, root.path)));
	}
	// A note tagged in its text only (`#writing #obsidian` on a line of their own, which the story leaves
	// out, or in a sentence) has those tags in Obsidian: without a property naming any, they are the story's.
	// Not a site's post: the site shows `#word` as text and takes its tags from the front matter.
	if (tags.length === 0 && !readsSiteSyntax(ctx, root.path)) tags = ctx.bodyTags;
	if (tags.length > MEDIUM_MAX_TAGS) {
		// Named up to a few (a note may hold thousands of tags): the rest are counted.
		const dropped = tags.slice(MEDIUM_MAX_TAGS, MEDIUM_MAX_TAGS + DROPPED_TAGS_NAMED).join(", ");
		const more = tags.length - MEDIUM_MAX_TAGS - DROPPED_TAGS_NAMED;
		const rest = more > 0 ? ` and ${more} more` : tags === ctx.bodyTags && ctx.bodyTagsMore ? " and more" : "";
		warn(ctx, "too-many-tags", `Medium keeps only the first ${MEDIUM_MAX_TAGS} tags; ${dropped}${rest} will be dropped.`, 1);
	}
	for (const t of tags) {
		if (t.length > MEDIUM_MAX_TAG_LENGTH) warn(ctx, "tag-too-long", `Tag "${t}" is longer than ${MEDIUM_MAX_TAG_LENGTH} characters; Medium ignores it.`, 1);
	}
	if (title.length > MEDIUM_TITLE_MAX) warn(ctx, "title-too-long", `The title is longer than ${MEDIUM_TITLE_MAX} characters; Medium will cut it.`, titleLine + 1 || 1);

	// The post's home found above, unless it is a template's address for a page its site does not publish.
	let canonicalUrl = templateCanonical ? null : home;
	// The canonical URL tells search engines where the text lives: a relative path, a typo or a
	// `javascript:` value would point them nowhere, so only an http(s) address with a host is sent.
	if (canonicalUrl && !isWebUrl(canonicalUrl)) {
		warn(ctx, "bad-canonical-url", `The canonical URL "${canonicalUrl}" is not a web address (https://…); it was left out.`, 1);
		canonicalUrl = null;
	}

	let markdown: string | undefined;
	return {
		title,
		subtitle,
		blocks,
		// The markdown writer runs when the markdown is first asked for (the diff, the hash, `convert`),
		// not for every conversion: the preview and the HTML writers never read it.
		get content(): string {
			return (markdown ??= storyMarkdown({ title, subtitle, blocks }));
		},
		tags,
		canonicalUrl: canonicalUrl ?? null,
		images: ctx.images,
		noteImageBytes: ctx.dataImages.bytes,
		embeddedNotes: ctx.embedded,
		warnings: ctx.warnings,
		properties: props,
		noteHrefs: ctx.hrefs,
	};
}
