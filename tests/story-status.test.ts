/** The plugin's texts about a story: guard headline, status bar, progress, initial status, tags. */

import { hashContent } from "../src/core/content-hash";
import { diffContent } from "../src/publish/content-diff";
import type { ExistingStory } from "../src/publish/publisher";
import type { PublishRecord } from "../src/publish/publisher-state";
import {
	copiedText,
	destinationLabel,
	diffSummary,
	formatPublishDate,
	guardHeadline,
	initialStatus,
	progressText,
	statusBarText,
	successText,
	otherWarnings,
	tagWarnings,
} from "../src/publish/story-status";

function record(over: Partial<PublishRecord> = {}): PublishRecord {
	return {
		storyId: "s1",
		url: "https://medium.com/@me/story-1",
		status: "draft",
		// Midday UTC: the same calendar day in every time zone from UTC-11 to UTC+11.
		publishedAt: "2025-03-14T12:00:00.000Z",
		publicationId: null,
		notePath: "Note.md",
		title: "Note",
		content: "# Note\n\nHello\n",
		contentHash: hashContent("# Note\n\nHello\n"),
		history: [],
		...over,
	};
}

describe("formatPublishDate", () => {
	test("day, short month and year", () => {
		expect(formatPublishDate("2025-03-14T12:00:00.000Z")).toBe("14 Mar 2025");
		expect(formatPublishDate("2024-12-01T12:00:00Z")).toBe("1 Dec 2024");
	});
	test("an unreadable date is shown as written", () => {
		expect(formatPublishDate("yesterday")).toBe("yesterday");
	});
});

describe("guardHeadline", () => {
	test("unchanged and changed name the publish date", () => {
		const r = record();
		const same: ExistingStory = { url: r.url, record: r, changed: false, diff: null };
		const changed: ExistingStory = { url: r.url, record: r, changed: true, diff: diffContent(r.content, "# Note\n\nBye\n") };
		expect(guardHeadline(same)).toBe("Unchanged since it was published on 14 Mar 2025");
		expect(guardHeadline(changed)).toBe("Changed since it was published on 14 Mar 2025");
	});
	test("a URL without a record says so instead of guessing", () => {
		expect(guardHeadline({ url: "https://medium.com/p/x", record: null, changed: null, diff: null })).toMatch(/no record of what was sent/);
	});
});

test("diffSummary counts added and removed lines", () => {
	expect(diffSummary(diffContent("a\nb\n", "a\nc\nd\n"))).toBe("2 lines added, 1 line removed");
	expect(diffSummary(diffContent("a\n", "a\n"))).toBe("No changes");
	expect(diffSummary(diffContent("a\nb\n", "a\n"))).toBe("1 line removed");
});

describe("statusBarText", () => {
	test("empty for a note that was never published", () => {
		expect(statusBarText({ record: null, hasUrl: false, currentHash: null })).toBe("");
	});
	test("draft and published, with changed when the content drifted", () => {
		const r = record();
		expect(statusBarText({ record: r, hasUrl: true, currentHash: r.contentHash })).toBe("Medium: draft");
		expect(statusBarText({ record: record({ status: "public" }), hasUrl: true, currentHash: r.contentHash })).toBe("Medium: published");
		expect(statusBarText({ record: record({ status: "unlisted" }), hasUrl: true, currentHash: r.contentHash })).toBe("Medium: published");
		expect(statusBarText({ record: r, hasUrl: true, currentHash: hashContent("# Note\n\nOther\n") })).toBe("Medium: draft \u00b7 changed");
	});
	test("a URL property without a record shows the link only", () => {
		expect(statusBarText({ record: null, hasUrl: true, currentHash: null })).toBe("Medium: linked");
	});
});

test("progressText follows the phases", () => {
	expect(progressText({ phase: "images", done: 3, total: 12 })).toBe("Uploading images 3/12");
	expect(progressText({ phase: "create", done: 0, total: 1 })).toBe("Creating the story on Medium");
	expect(progressText({ phase: "write", done: 0, total: 1 })).toBe("Writing the story's URL into the note");
});

test("successText names the status", () => {
	expect(successText("draft")).toMatch(/^Draft created on Medium/);
	expect(successText("public")).toMatch(/^Story published on Medium/);
	expect(successText("unlisted")).toMatch(/^Unlisted story/);
});

describe("initialStatus: public is never reached by accident", () => {
	test("a public default starts at draft, with a hint", () => {
		const s = initialStatus("public", {});
		expect(s.status).toBe("draft");
		expect(s.hint).toMatch(/public/);
	});
	test("the note itself can ask for public", () => {
		expect(initialStatus("public", { medium_status: " Public " })).toEqual({ status: "public", hint: null });
	});
	test("other statuses pass unchanged", () => {
		expect(initialStatus("unlisted", {})).toEqual({ status: "unlisted", hint: null });
		expect(initialStatus("draft", { medium_status: "public" })).toEqual({ status: "draft", hint: null });
	});
});

test("tagWarnings and otherWarnings split the conversion's warnings", () => {
	const warnings = [
		{ code: "too-many-tags", message: "only the first 3 tags", line: 1 },
		{ code: "unresolved-link", message: "link to nothing", line: 4 },
		{ code: "tag-too-long", message: "longer than 25 characters", line: 1 },
	];
	expect(tagWarnings(warnings)).toEqual(["only the first 3 tags", "longer than 25 characters"]);
	expect(otherWarnings(warnings)).toEqual(["link to nothing"]);
	expect(tagWarnings([])).toEqual([]);
});

test("an embedded note's warning in the pre-flight's list names its note and line, and the line of its embed", () => {
	const warnings = [
		{ code: "missing-image", message: "Image x.png points to nothing in the vault; it was left out.", line: 7, path: "Notes/Other.md", embedLine: 12 },
		{ code: "embed-depth", message: "deep", line: 3, path: "Deep.md" },
	];
	expect(otherWarnings(warnings)).toEqual(["Notes/Other.md, line 7 (embedded at line 12): Image x.png points to nothing in the vault; it was left out.", "Deep.md, line 3: deep"]);
});

test("destinationLabel: profile, known publication, unknown id", () => {
	expect(destinationLabel("", [])).toBe("Your profile");
	expect(destinationLabel("p1", [{ id: "p1", name: "Journal" }])).toBe("The publication \"Journal\"");
	expect(destinationLabel("p9", [{ id: "p1", name: "Journal" }])).toBe("The publication with id p9");
});

test("copiedText counts images to re-add", () => {
	expect(copiedText(0)).not.toMatch(/image/);
	expect(copiedText(1)).toMatch(/1 image may need re-adding by hand/);
	expect(copiedText(4)).toMatch(/4 images may need/);
});
