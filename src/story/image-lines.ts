/**
 * Where a story shows each vault image: the root-note line of the image paragraph that first shows it.
 * The image list the publisher uploads carries no position, so a warning about an image's file (a type
 * Medium refuses, a file that cannot be read) takes its line from here instead of the note's first line.
 */

import type { StoryBlock } from "./story-model";

/** Vault path to the line of the first image paragraph showing it (one pass over the blocks). */
export function imageLines(blocks: readonly StoryBlock[]): Map<string, number> {
	const lines = new Map<string, number>();
	for (const b of blocks) {
		if (b.type === "image" && b.source.kind === "vault" && !lines.has(b.source.path)) lines.set(b.source.path, b.line);
	}
	return lines;
}
