/**
 * One mapping from the publish defaults to the conversion options: a publish, the plugin's preview,
 * status bar and clipboard copy, and the command line's convert and preview all convert with it, so each
 * shows what a publish would send. Every conversion setting must come through, none of the others.
 */

import { convertOptionsFor, DEFAULT_PUBLISH, type PublishDefaults } from "../src/publish/publish-settings";
import { bodyOf, convert } from "./support/convert-helpers";

const custom: PublishDefaults = {
	...DEFAULT_PUBLISH,
	status: "public",
	urlProperty: "story",
	canonicalTemplate: "https://blog.example/{slug}/",
	linkTemplate: "https://blog.example/notes/{slug}/",
	strictLineBreaks: true,
	dataviewFields: false,
	obsidianVault: true,
};

describe("convertOptionsFor", () => {
	test("carries every conversion setting, and nothing a publish alone decides", () => {
		expect(convertOptionsFor(custom)).toEqual({
			urlProperty: "story",
			canonicalTemplate: "https://blog.example/{slug}/",
			linkTemplate: "https://blog.example/notes/{slug}/",
			strictLineBreaks: true,
			dataviewFields: false,
			obsidianVault: true,
		});
		expect(convertOptionsFor(DEFAULT_PUBLISH)).toMatchObject({ strictLineBreaks: false, dataviewFields: true, obsidianVault: false });
	});

	test("a setting it carries reaches the conversion (strict line breaks join a paragraph's lines)", async () => {
		const text = "# T\n\nOne line\nthe next line";
		expect(bodyOf(await convert(text, {}, convertOptionsFor(DEFAULT_PUBLISH)))).toBe("One line\\\nthe next line");
		expect(bodyOf(await convert(text, {}, convertOptionsFor(custom)))).toBe("One line the next line");
	});
});
