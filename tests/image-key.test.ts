/**
 * One key names a local image everywhere: the publisher keeps an uploaded URL under it, the image-line
 * map finds an image's first line by it, the preview names an image it cannot show by it, and the
 * converter finds a data image by the stand-in it writes. These agree only if all use `imageKey`.
 */

import { checkDataImage } from "../src/convert/data-images";
import { layoutStory } from "../src/preview/preview-layout";
import { previewText } from "../src/preview/preview-tree";
import { noteImages, publishContent } from "../src/publish/publisher";
import { imageLines } from "../src/story/image-lines";
import { imageKey } from "../src/story/image-key";
import type { ImageSource, StoryModel } from "../src/story/story-model";

/** A 1x1 PNG. */
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function dataSource(url: string): Extract<ImageSource, { kind: "data" }> {
	const checked = checkDataImage(url);
	if (!("kind" in checked)) throw new Error(checked.reason);
	return checked;
}

function storyOf(...sources: ImageSource[]): StoryModel {
	return { title: "T", subtitle: null, blocks: sources.map((source, i) => ({ type: "image", source, alt: "", caption: null, line: i + 3 })) };
}

describe("imageKey", () => {
	test("a vault image's key is its path as written, not URI-encoded", () => {
		expect(imageKey({ kind: "vault", path: "Assets/my photo #1.png" })).toBe("Assets/my photo #1.png");
	});

	test("an image written in the note is keyed by its type and bytes, not by how its data URL is written", () => {
		const plain = dataSource(`data:image/png;base64,${PNG}`);
		const spaced = dataSource(`data:image/png;base64,${PNG.slice(0, 20)} ${PNG.slice(20)}`);
		expect(imageKey(plain)).toBe(`data:image/png;hash=${plain.key}`);
		expect(imageKey(spaced)).toBe(imageKey(plain));
	});

	test("the publisher, the image lines, the note images and the preview all name an image by it", () => {
		const vault: ImageSource = { kind: "vault", path: "a b/c.png" };
		const data = dataSource(`data:image/png;base64,${PNG}`);
		const story = storyOf(vault, data);
		const lines = imageLines(story.blocks);
		expect(lines.get(imageKey(vault))).toBe(3);
		expect(lines.get(imageKey(data))).toBe(4);
		expect(noteImages(story).map((i) => i.standIn)).toEqual([imageKey(data)]);
		const sent = publishContent(story, new Map([[imageKey(vault), "https://cdn.example/v.png"], [imageKey(data), "https://cdn.example/d.png"]]));
		expect(sent.html).toContain("https://cdn.example/v.png");
		expect(sent.html).toContain("https://cdn.example/d.png");
		const shown = previewText(layoutStory(story, { imageSrc: () => null }));
		expect(shown).toContain(`Image not shown: ${imageKey(vault)}`);
		expect(shown).toContain(`Image not shown: ${imageKey(data)}`);
	});
});
