/** `medium-publish convert <note>`: the story Medium would get, printed, with nothing sent. */

import { imageLines } from "../../story/image-lines";
import { convertNote } from "../../convert/convert-note";
import type { Story } from "../../convert/story";
import { storyHtmlWithoutUpload } from "../../html/clipboard-story";
import { emptyState, normalizeState, type PublisherState } from "../../publish/publisher-state";
import { noteImages } from "../../publish/publisher";
import { JsonFileStore } from "../json-file-store";
import type { NodeVault } from "../node-vault";
import type { CliIo } from "../cli-io";
import { statePath } from "./publish-command";
import { CliError, EXIT } from "../cli-io";
import { CONVERSION_FLAGS, JSON_FLAG, VAULT_FLAG } from "../cli-settings";
import { inNoteOrder, warningLines } from "../cli-messages";
import { flagValue, type CliCommand } from "../command";
import { conversionOptions, singleNote } from "../single-note";

export const convertCommand: CliCommand = {
	name: "convert",
	summary: "Print a note as Medium would get it (markdown, HTML to paste, or JSON); sends nothing",
	usage: "<note.md> [options]",
	description: `Converts one note the way publish would (wikilinks, embeds, callouts, images, templates) and
prints the result on stdout; warnings go to stderr as file:line: warning: … lines. Needs no token:
with --format html, paste the output into Medium's editor.`,
	positionals: { name: "note", min: 1, max: 1 },
	flags: [
		VAULT_FLAG,
		{ name: "format", value: "FORMAT", choices: ["markdown", "html"], description: "markdown (default) or html: what Medium's editor takes when pasted." },
		JSON_FLAG,
		...CONVERSION_FLAGS,
	],
	examples: [
		{ command: "medium-publish convert content/blog/first-post/index.md", explanation: "See the markdown a post becomes" },
		{ command: "medium-publish convert Notes/Idea.md --format html > idea.html", explanation: "HTML for Medium's editor, for accounts without a token" },
		{ command: "medium-publish convert Idea.md --vault ~/Vault --json", explanation: "The whole story as JSON: title, tags, canonical URL, images, warnings" },
	],
	async run(args, io) {
		const { vault, path } = await singleNote(args, io);
		const file = await vault.readNote(path);
		if (!file) throw new CliError(`Cannot read the note ${args.positionals[0]}.`);
		const story = await convertNote({ path, text: file.text, properties: file.properties }, vault, await conversionOptions(args, vault));
		const html = flagValue(args, "format") === "html";
		const content = html ? await htmlWithoutUpload(vault, path, story, io) : story.content;
		io.stderr(warningLines(path, story.warnings));
		if (args.flags.has("json")) {
			const doc = {
				title: story.title,
				content,
				contentFormat: html ? "html" : "markdown",
				tags: story.tags,
				canonicalUrl: story.canonicalUrl,
				// Vault images by path; images written in the note as data: URLs by the stand-in the markdown shows.
				images: [...story.images.map((i) => ({ path: i.path, alt: i.alt })), ...noteImages(story).map((i) => ({ path: i.standIn, alt: i.alt, line: i.line }))],
				warnings: inNoteOrder(story.warnings),
			};
			io.stdout(JSON.stringify(doc, null, 2) + "\n");
		} else io.stdout(content.endsWith("\n") ? content : content + "\n");
		return EXIT.ok;
	},
};

/**
 * The HTML a publish would send, without uploading: images already uploaded (in the state's image cache)
 * at their Medium URLs, other local ones inline as data URLs, the rest left out with a warning line. The
 * plugin's "Copy for Medium" builds its HTML with the same function.
 */
async function htmlWithoutUpload(vault: NodeVault, path: string, story: Story, io: CliIo): Promise<string> {
	const state = normalizeState((await new JsonFileStore<PublisherState>(statePath(vault.root, io.env)).load()) ?? emptyState());
	const images = await Promise.all(story.images.map(async (image) => ({ path: image.path, bytes: await vault.readBinary(image.path) })));
	const out = storyHtmlWithoutUpload(story, images, state.imageCache);
	// Each warning names the line that shows the image (a left-out web image has none to name).
	const lines = out.leftOut.length > 0 ? imageLines(story.blocks) : null;
	for (const left of out.leftOut) {
		const line = lines?.get(left.path);
		io.stderr(`${path}${line === undefined ? "" : ":" + String(line)}: warning: image ${left.path} was left out of the HTML: ${left.reason}. [${left.code}]\n`);
	}
	return out.html;
}
