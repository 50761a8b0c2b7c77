/**
 * The markdown writer's output (what `convert` prints, what the re-publish diff compares) read back by
 * the converter is the same story: a character in a link's text or an image's alt that markdown reads
 * as syntax (`]`, `[`) must come out escaped, or the link is cut short or lost.
 */

import { storyMarkdown } from "../src/story/story-markdown";
import type { InlineNode, StoryBlock, StoryModel } from "../src/story/story-model";
import { convert } from "./support/convert-helpers";
import { mulberry32 } from "./support/seeded-random";

/** The blocks without their source lines (a story read back from markdown has lines of its own). */
function shape(blocks: readonly StoryBlock[]): unknown[] {
	return blocks.map((b) => ({ ...b, line: 0 }));
}

async function readBack(story: StoryModel): Promise<StoryModel> {
	return convert(storyMarkdown(story));
}

function paragraph(content: InlineNode[]): StoryModel {
	return { title: "T", subtitle: null, blocks: [{ type: "paragraph", content, line: 1 }] };
}

const link = (text: string, href = "https://e.example/x"): InlineNode => ({ type: "link", href, children: [{ type: "text", text }] });

describe("markdown writer: link text and alt text read back as written", () => {
	test.each([
		["a ] b"],
		["p [ q"],
		["x [y] z"],
		["] first"],
		["last ["],
		["a](b"],
	])("a link whose text is %j", async (text) => {
		const story = paragraph([{ type: "text", text: "See " }, link(text), { type: "text", text: " now." }]);
		expect(shape((await readBack(story)).blocks)).toEqual(shape(story.blocks));
	});

	test("bold and code inside a link's text keep their brackets too", async () => {
		const story = paragraph([{ type: "link", href: "https://e.example/x", children: [{ type: "strong", children: [{ type: "text", text: "a ] b" }] }, { type: "code", text: "c]" }] }]);
		expect(shape((await readBack(story)).blocks)).toEqual(shape(story.blocks));
	});

	test("an image's alt with a bracket", async () => {
		const story: StoryModel = { title: "T", subtitle: null, blocks: [{ type: "image", source: { kind: "url", url: "https://e.example/i.png" }, alt: "a ] b [c", caption: null, line: 1 }] };
		expect(shape((await readBack(story)).blocks)).toEqual(shape(story.blocks));
	});

	test("random link texts of brackets, parentheses and words", async () => {
		const pieces = ["a", "word", " ", "[", "]", "(", ")", "](", "[x]", "!"];
		const r = mulberry32(11);
		for (let i = 0; i < 300; i++) {
			let text = "w";
			const n = 1 + Math.floor(r() * 6);
			for (let k = 0; k < n; k++) text += pieces[Math.floor(r() * pieces.length)];
			text += "w";
			const story = paragraph([{ type: "text", text: "See " }, link(text), { type: "text", text: " now." }]);
			expect({ text, blocks: shape((await readBack(story)).blocks) }).toEqual({ text, blocks: shape(story.blocks) });
		}
	});
});
