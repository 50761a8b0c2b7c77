/**
 * Where a story shows each vault image: the root-note line of the image paragraph that first shows it.
 * The image list the publisher uploads carries no position, so a warning about an image's file (a type
 * Medium refuses, a file that cannot be read) takes its line from here instead of the note's first line.
 */

import { imageKey } from "./image-key";
import type { StoryBlock } from "./story-model";

/**
 * Vault path to the line of the first image paragraph showing it (one pass over the blocks); an image
 * written in the note as a data URL is found under its markdown stand-in (`data:image/png;hash=…`).
 */
export function imageLines(blocks: readonly StoryBlock[]): Map<string, number> {
	const lines = new Map<string, number>();
	for (const b of blocks) {
		if (b.type !== "image" || b.source.kind === "url") continue;
		const key = imageKey(b.source);
		if (!lines.has(key)) lines.set(key, b.line);
	}
	return lines;
}
