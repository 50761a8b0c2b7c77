/**
 * "Copy for Medium's editor": the path that needs no integration token (Medium no longer issues them).
 * It converts the note like a publish would, builds the clipboard story (pure, in clipboard-story.ts) and
 * puts both HTML and plain text on the clipboard, so a paste into a new Medium story keeps the formatting.
 */

import { Notice } from "obsidian";
import type { VaultPort } from "../core/ports";
import { convertNote } from "../convert/convert-note";
import { buildClipboardStory, type ClipboardStory } from "../html/clipboard-story";
import { convertOptionsFor, type PublishDefaults } from "../publish/publish-settings";
import type { NoteToPublish } from "../publish/publisher";
import { copiedText } from "../publish/story-status";
import { LONG_NOTICE_MS } from "./notices";

/** Puts text on the clipboard; returns false when only plain text could be written. */
export async function writeClipboard(html: string, text: string): Promise<boolean> {
	const clipboard = navigator.clipboard;
	if (typeof ClipboardItem !== "undefined" && typeof clipboard.write === "function") {
		try {
			await clipboard.write([
				new ClipboardItem({
					"text/html": new Blob([html], { type: "text/html" }),
					"text/plain": new Blob([text], { type: "text/plain" }),
				}),
			]);
			return true;
		} catch {
			// Some platforms refuse rich clipboard items; plain text still helps.
		}
	}
	await clipboard.writeText(text);
	return false;
}

/** What the copy needs from the plugin. */
export interface CopyDeps {
	vault: VaultPort;
	defaults: PublishDefaults;
	/** Image content hash → Medium URL, from earlier publishes. */
	imageCache: Readonly<Record<string, string>>;
}

/** Converts the note and builds what goes on the clipboard (no clipboard access: testable as is). */
export async function clipboardStoryFor(note: NoteToPublish, deps: CopyDeps): Promise<ClipboardStory> {
	const story = await convertNote(note, deps.vault, convertOptionsFor(deps.defaults));
	const images = await Promise.all(story.images.map(async (image) => ({ path: image.path, bytes: await deps.vault.readBinary(image.path) })));
	return buildClipboardStory(story, story.content, images, deps.imageCache);
}

/** The whole command: convert, copy, and say what was copied and which images need a hand. */
export async function copyForMedium(note: NoteToPublish, deps: CopyDeps): Promise<ClipboardStory> {
	const clip = await clipboardStoryFor(note, deps);
	const rich = await writeClipboard(clip.html, clip.text);
	const lines = [copiedText(clip.needByHand)];
	if (!rich) lines.push("Only plain text could be copied on this device, so the formatting is markdown.");
	for (const image of clip.leftOut) lines.push(`Left out ${image.path}: ${image.reason}.`);
	new Notice(lines.join("\n"), clip.needByHand > 0 || !rich ? LONG_NOTICE_MS : undefined);
	return clip;
}
