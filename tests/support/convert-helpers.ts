/** Shorthands for converter tests: convert a note in an in-memory vault and look at its body. */

import { convertNote } from "../../src/convert/convert-note";
import type { ConvertOptions, Story } from "../../src/convert/story";
import { MemoryVault, propertiesOf } from "./memory-vault";

/** Converts `files[path]` (default `Note.md` holding `text`) and returns the story. */
export async function convert(text: string, files: Record<string, string | Uint8Array> = {}, options: ConvertOptions = {}, path = "Note.md"): Promise<Story> {
	const vault = new MemoryVault({ ...files, [path]: text });
	return convertNote({ path, text, properties: propertiesOf(text) }, vault, options);
}

/** The story's content without the `# Title` line that leads it. */
export function bodyOf(story: Story): string {
	const lines = story.content.split("\n");
	let i = 1;
	while (i < lines.length && lines[i] === "") i++;
	return lines.slice(i).join("\n").trimEnd();
}

/** Converts and returns the body only. */
export async function body(text: string, files: Record<string, string | Uint8Array> = {}, options: ConvertOptions = {}): Promise<string> {
	return bodyOf(await convert(text, files, options));
}

/** The warning codes of a story, in order. */
export function codes(story: Story): string[] {
	return story.warnings.map((w) => w.code);
}
