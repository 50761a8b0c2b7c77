/**
 * `medium-publish preview <note> [-o FILE]`: the story as one self-contained HTML page, laid out by the
 * same layout (src/preview/preview-layout.ts) and styled by the same stylesheet as the plugin's preview
 * view, to see a story before it goes (Medium cannot update or delete one). Local images travel inside
 * the page as data URLs, read through the vault (nothing outside it is read); the page fetches nothing
 * but the remote images the note itself links. Without `-o` it lands beside the note as
 * `<name>.medium.html`.
 */

import { stat, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import type { VaultPort } from "../../core/ports";
import { convertNote, type NoteInput } from "../../convert/convert-note";
import type { ConversionWarning, ConvertOptions } from "../../convert/story";
import { dataUrl } from "../../html/clipboard-story";
import { safeImageSrc } from "../../html/safe-url";
import { sniffImageType } from "../../medium/image-type";
import { layoutStory } from "../../preview/preview-layout";
import { previewPage, previewStylesheet } from "../../preview/preview-page";
import type { ImageSource } from "../../story/story-model";
import { CliError, EXIT } from "../cli-io";
import { printable, warningLines } from "../cli-messages";
import { isMarkdownPath } from "../../core/vault-paths";
import { CONVERSION_FLAGS, VAULT_FLAG } from "../cli-settings";
import { flagValue, type CliCommand } from "../command";
import { conversionOptions, singleNote } from "../single-note";
// The plugin's stylesheet, bundled as text (esbuild's text loader): the page uses its preview section.
import stylesheet from "../../../styles.css";

/** Image types a browser shows from a data URL and Medium keeps. */
const INLINE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif"]);

/** `<folder>/<name>.medium.html` beside the note. */
export function defaultPreviewPath(absNotePath: string): string {
	const base = nodePath.basename(absNotePath).replace(/\.(?:mdx?|qmd)$/i, "");
	return nodePath.join(nodePath.dirname(absNotePath), `${base}.medium.html`);
}

/** The page of a note, and the conversion's warnings. */
export async function buildPreviewPage(note: NoteInput, vault: VaultPort, options: ConvertOptions): Promise<{ html: string; warnings: ConversionWarning[] }> {
	const story = await convertNote(note, vault, options);
	// Each local image is read once, through the vault, and inlined when a browser can show it.
	const inline = new Map<string, string | null>();
	for (const block of story.blocks) {
		if (block.type !== "image" || block.source.kind !== "vault" || inline.has(block.source.path)) continue;
		const path = block.source.path;
		const bytes = await vault.readBinary(path);
		const type = bytes ? sniffImageType(bytes) : null;
		inline.set(path, bytes && type && INLINE_TYPES.has(type.mime) ? dataUrl(bytes, type.mime) : null);
	}
	const imageSrc = (source: ImageSource): string | null => (source.kind === "vault" ? inline.get(source.path) ?? null : safeImageSrc(source.url));
	const tree = layoutStory(story, { warnings: story.warnings, imageSrc });
	return { html: previewPage(tree, { title: story.title, stylesheet: previewStylesheet(stylesheet) }), warnings: story.warnings };
}

/**
 * Refuses a page target that is a note: the note being previewed (by any path, symbolic or hard link) or
 * any other `.md` file, so a slip in `-o` never replaces a note's text with HTML.
 */
async function refuseNoteTarget(target: string, notePath: string, written: string | null): Promise<void> {
	const shown = written ?? target;
	if (isMarkdownPath(target)) throw new CliError(`-o ${printable(shown)} is a note (.md, .mdx, .qmd); the page is HTML: name a .html file.`, EXIT.usage);
	let existing;
	try {
		existing = await stat(target);
	} catch {
		return; // nothing there yet
	}
	const note = await stat(notePath);
	if (existing.dev === note.dev && existing.ino === note.ino) {
		throw new CliError(`-o ${printable(shown)} is the note itself (a link to it); the page would replace the note: name another file.`, EXIT.usage);
	}
}

export const previewCommand: CliCommand = {
	name: "preview",
	summary: "Write a note's story as a Medium-like HTML page, to see it before it goes; sends nothing",
	usage: "<note.md> [options]",
	description: `Converts one note the way publish would and writes the story as one self-contained HTML page,
laid out and styled like the plugin's preview (title, subtitle, headings, quotes, code, lists, captions,
embeds, warnings in the margin). Local images are inside the page; it runs no script and loads nothing but
the remote images the note links. Prints the page's path; warnings go to stderr.`,
	positionals: { name: "note", min: 1, max: 1 },
	flags: [
		VAULT_FLAG,
		{ name: "output", short: "o", value: "FILE", description: "Where to write the page (an HTML file, never a note). Default: beside the note, as <name>.medium.html." },
		...CONVERSION_FLAGS,
	],
	examples: [
		{ command: "medium-publish preview Notes/Idea.md", explanation: "Write Notes/Idea.medium.html and print its path" },
		{ command: "medium-publish preview content/blog/first-post/index.md -o /tmp/first-post.html", explanation: "Write the page somewhere else" },
	],
	async run(args, io) {
		// The same gate as convert: an empty, binary or non-UTF-8 note is refused, unreadable properties warned of.
		const { vault, path } = await singleNote(args, io);
		const output = flagValue(args, "output");
		const target = output === null ? defaultPreviewPath(vault.toAbsPath(path)) : nodePath.resolve(io.cwd, output);
		await refuseNoteTarget(target, vault.toAbsPath(path), output);
		const file = await vault.readNote(path);
		if (!file) throw new CliError(`Cannot read the note ${args.positionals[0]}.`);
		const { html, warnings } = await buildPreviewPage({ path, text: file.text, properties: file.properties }, vault, await conversionOptions(args, vault));
		try {
			await writeFile(target, html, "utf8");
		} catch (error) {
			throw new CliError(`Cannot write the page to ${target}: ${error instanceof Error ? error.message : String(error)}`);
		}
		io.stderr(warningLines(path, warnings));
		io.stdout(target + "\n");
		return EXIT.ok;
	},
};
