/**
 * Images written in the note as `data:` URLs (pasted from the web, Notion, Bear, Typora exports): the
 * decoder, the converter's checks and its warnings, the writers (markdown stand-in, HTML, clipboard), and
 * the publish over the fake Medium, judged by what Medium would show.
 */

import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { DEFAULT_CONFIG_DIR } from "../src/cli/node-vault";
import { hashBytes } from "../src/core/content-hash";
import { decodeBase64, readDataUrl } from "../src/core/data-url";
import { base64, buildClipboardStory } from "../src/html/clipboard-story";
import { createNodeHttp } from "../src/cli/node-http";
import { MediumClient } from "../src/medium/medium-client";
import { DEFAULT_PUBLISH } from "../src/publish/publish-settings";
import { Publisher, plannedContent } from "../src/publish/publisher";
import { emptyState, type PublisherState } from "../src/publish/publisher-state";
import { storyToHtml } from "../src/story/story-html";
import type { StoryBlock } from "../src/story/story-model";
import { convertNote } from "../src/convert/convert-note";
import { checkDataImage } from "../src/convert/data-images";
import { bodyOf, codes, convert } from "./support/convert-helpers";
import type { FakeMedium } from "./support/fake-medium-server";
import { MemoryVault, propertiesOf } from "./support/memory-vault";
import { nodeSleep } from "./support/node-sleep";
import { useCliFixture } from "./support/cli-fixture";
import { runCli } from "./support/run-cli";
import { useFakeMedium } from "./support/use-fake-medium";

/** A 1×1 PNG whose last byte varies, so each seed is a different image. */
function png(seed: number): Uint8Array {
	return Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde, seed & 255]);
}
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);
const TIFF = Uint8Array.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>');

const uri = (bytes: Uint8Array, mime = "image/png") => `data:${mime};base64,${base64(bytes)}`;

function images(blocks: readonly StoryBlock[]) {
	return blocks.filter((b): b is Extract<StoryBlock, { type: "image" }> => b.type === "image");
}

describe("data: URL decoding", () => {
	it("decodes base64 as browsers do: padding optional, white space skipped", () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		for (let n = 0; n <= 12; n++) {
			const b = bytes.subarray(0, n);
			const text = Buffer.from(b).toString("base64");
			expect(decodeBase64(text)).toEqual(b);
			expect(decodeBase64(text.replace(/=+$/, ""))).toEqual(b);
		}
		expect(decodeBase64(Buffer.from(bytes).toString("base64").replace(/(.{10})/g, "$1\n "))).toEqual(bytes);
	});

	it("refuses what is not base64", () => {
		for (const bad of ["iVBOR!", "A", "AB=C", "ABC==", "AB===", "A===", "ABCD=E", "é"]) expect({ bad, out: decodeBase64(bad) }).toEqual({ bad, out: null });
	});

	it("reads the header, percent-encoded data and data that is not base64", () => {
		expect(readDataUrl("data:image/PNG;name=a.png;base64,AAEC")).toEqual({ mime: "image/png", bytes: Uint8Array.from([0, 1, 2]) });
		expect(readDataUrl("data:image/png;base64,%2F%2F8%3D")).toEqual({ mime: "image/png", bytes: Uint8Array.from([255, 255]) });
		expect(readDataUrl("data:,a%20b")).toEqual({ mime: "text/plain", bytes: new TextEncoder().encode("a b") });
		expect(readDataUrl("data:image/svg+xml,<svg>é</svg>")).toEqual({ mime: "image/svg+xml", bytes: new TextEncoder().encode("<svg>é</svg>") });
		expect(readDataUrl("data:image/png;base64")).toBe("it has no comma before its data");
		expect(readDataUrl("data:image/png;base64,AB*C")).toBe("its base64 data is malformed");
	});
});

describe("converting an image written as a data: URL", () => {
	it("is an image paragraph of the bytes, with its alt and caption; the markdown shows a short stand-in", async () => {
		const written = uri(png(1));
		const story = await convert(`# T\n\nText.\n\n![A lake](${written} "Ice at dawn")\n`);
		expect(story.warnings).toEqual([]);
		const [img] = images(story.blocks);
		expect(img).toEqual({ type: "image", source: { kind: "data", mime: "image/png", url: written, key: hashBytes(png(1)) }, alt: "A lake", caption: [{ type: "text", text: "Ice at dawn" }], line: 5 });
		expect(bodyOf(story)).toBe(`Text.\n\n![A lake](data:image/png;hash=${hashBytes(png(1))} "Ice at dawn")`);
		expect(story.content).not.toContain("base64");
		// Not a vault file: nothing for the vault's upload list.
		expect(story.images).toEqual([]);
	});

	it("reads <img src> with alt and title the same way", async () => {
		const written = uri(JPEG, "image/jpeg");
		const story = await convert(`<img src="${written}" alt="Cat &amp; dog" title="Caption">`);
		expect(story.warnings).toEqual([]);
		expect(images(story.blocks)).toMatchObject([{ source: { kind: "data", mime: "image/jpeg", url: written }, alt: "Cat & dog", caption: [{ type: "text", text: "Caption" }] }]);
	});

	it("takes the type from the bytes, not from the header, and writes the data URL anew when it must", async () => {
		const story = await convert(`![x](data:image/jpeg;base64,${base64(png(2))})\n\n![y](data:image/png;base64,${encodeURIComponent(base64(png(3)))})`);
		expect(story.warnings).toEqual([]);
		expect(images(story.blocks).map((b) => b.source)).toEqual([
			{ kind: "data", mime: "image/png", url: uri(png(2)), key: hashBytes(png(2)) },
			{ kind: "data", mime: "image/png", url: uri(png(3)), key: hashBytes(png(3)) },
		]);
	});

	it("leaves out SVG, unknown data and malformed base64 with a warning naming the line and not the megabytes", async () => {
		const long = "A".repeat(5000);
		const note = [
			"# T",
			`![svg](${uri(SVG, "image/svg+xml")})`,
			"",
			`A line with ![plain svg](data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E) inside.`,
			"",
			`![text](data:text/plain;base64,${base64(new TextEncoder().encode("hello " + long))})`,
			"",
			`![broken](data:image/png;base64,iVBOR*${long})`,
			"",
			`<img src="data:image/png;base64" alt="no comma">`,
		].join("\n");
		const story = await convert(note);
		expect(images(story.blocks)).toEqual([]);
		expect(story.warnings.map((w) => [w.code, w.line])).toEqual([
			["unsupported-image", 2],
			["unsupported-image", 4],
			["unsupported-image", 6],
			["malformed-image-data", 8],
			["malformed-image-data", 10],
		]);
		expect(story.warnings[0].message).toMatch(/^Image !\[svg\]\(data:image\/svg\+xml;base64,PHN2Zy.*… is SVG; Medium accepts JPEG, PNG, GIF and TIFF only, so it was left out\.$/);
		expect(story.warnings[1].message).toContain("is SVG");
		expect(story.warnings[2].message).toContain("is not an image Medium knows (its data says text/plain)");
		expect(story.warnings[3].message).toContain("its base64 data is malformed");
		for (const w of story.warnings) expect(w.message.length).toBeLessThan(200);
		expect(bodyOf(story)).toMatch(/^A line with +inside\.$/);
	});

	it("leaves out an image over Medium's 25 MB", async () => {
		// Far over: refused before a byte is decoded.
		const text = `# T\n\n![huge](data:image/png;base64,${"A".repeat(40 * 1024 * 1024)})`;
		const huge = await convertNote({ path: "N.md", text, properties: {} }, new MemoryVault({ "N.md": text }));
		expect(images(huge.blocks)).toEqual([]);
		expect(huge.warnings.map((w) => [w.code, w.line])).toEqual([["image-too-large", 3]]);
		expect(huge.warnings[0].message).toMatch(/^Image !\[huge\]\(data:image\/png;base64,A+… is about 30 MB; Medium takes images up to 25 MB, so it was left out\.$/);
		// Just over, counted in bytes (a small limit stands in for 25 MB).
		const bytes = new Uint8Array(2000);
		bytes.set(png(4));
		expect(checkDataImage(uri(bytes), 1999)).toEqual({ code: "image-too-large", reason: "is 2 KB; Medium takes images up to 2 KB, so it was left out" });
		expect(checkDataImage(uri(bytes), 2000)).toMatchObject({ kind: "data", mime: "image/png" });
	});

	it("follows the rules of other images in a list item, a table cell and a link", async () => {
		const data = uri(png(5));
		const files = { "pic.png": png(5) };
		for (const shape of ["- item ![a](SRC) end\n- next", "| a | b |\n|---|---|\n| ![a](SRC) | x |", "[![a](SRC)](https://example.com)", "1. one\n   ![a](SRC)\n2. two", "> quote ![a](SRC \"cap\")"]) {
			const withData = await convert(shape.replace("SRC", data), files);
			const withVault = await convert(shape.replace("SRC", "pic.png"), files);
			const shapeOf = (blocks: readonly StoryBlock[]) => blocks.map((b) => (b.type === "image" ? { type: b.type, alt: b.alt, caption: b.caption } : b));
			expect({ shape, blocks: shapeOf(withData.blocks), codes: codes(withData) }).toEqual({ shape, blocks: shapeOf(withVault.blocks), codes: codes(withVault) });
		}
	});

	it("a cover image pasted into the properties opens the story; the same image opening the body shows once", async () => {
		const written = uri(png(10));
		const cover = await convertNote({ path: "N.md", text: "Body.", properties: { cover: { image: written, alt: "Alt", caption: "Cap" } } }, new MemoryVault({ "N.md": "Body." }));
		expect(cover.warnings).toEqual([]);
		expect(cover.blocks[0]).toMatchObject({ type: "image", source: { kind: "data", key: hashBytes(png(10)) }, alt: "Alt", caption: [{ type: "text", text: "Cap" }] });
		const text = `![](${written})\n\nBody.`;
		const twice = await convertNote({ path: "N.md", text, properties: { cover: written } }, new MemoryVault({ "N.md": text }));
		expect(twice.blocks.map((b) => b.type)).toEqual(["image", "paragraph"]);
	});

	it("a link to a data: URL stays plain text, its warning short", async () => {
		const story = await convert(`[open](data:text/html;base64,${"A".repeat(10000)})`);
		expect(codes(story)).toEqual(["local-url"]);
		expect(story.warnings[0].message.length).toBeLessThan(200);
		expect(bodyOf(story)).toBe("open");
	});
});

describe("writing an image written as a data: URL", () => {
	it("the HTML without upload keeps the data URL, or the Medium URL of an earlier upload; TIFF cannot be pasted", async () => {
		const story = await convert(`![a](${uri(png(6))})\n\n![b](${uri(TIFF, "image/tiff")})\n\n![c](${uri(png(6))})`);
		expect(story.warnings).toEqual([]);
		const clip = buildClipboardStory(story, story.content, [], {});
		expect(clip.html).toContain(`<img src="${uri(png(6))}" alt="a">`);
		expect(clip.html).toContain(`<img src="${uri(png(6))}" alt="c">`);
		expect(clip.inlined).toBe(1);
		expect(clip.leftOut).toEqual([{ path: `data:image/tiff;hash=${hashBytes(TIFF)}`, reason: "TIFF images cannot be pasted into Medium's editor", code: "unsupported-image" }]);
		const linked = buildClipboardStory(story, story.content, [], { [hashBytes(png(6))]: "https://cdn-images-1.medium.com/x.png" });
		expect(linked.html).toContain('<img src="https://cdn-images-1.medium.com/x.png" alt="a">');
		expect(linked.linked).toBe(1);
		// The API's HTML has no URL for bytes until they are uploaded.
		expect(storyToHtml(story).leftOut.map((s) => s.kind)).toEqual(["data", "data", "data"]);
	});
});

describe("publishing an image written as a data: URL (fake Medium)", () => {
	const fakeMedium = useFakeMedium();
	let fake: FakeMedium;
	beforeEach(() => {
		fake = fakeMedium();
	});

	function setup(files: Record<string, string | Uint8Array>, state: PublisherState = emptyState()) {
		const vault = new MemoryVault(files);
		const client = new MediumClient({ sleep: nodeSleep, http: createNodeHttp({ timeoutMs: 2000 }), token: fake.token, apiBase: fake.apiBase, retryDelaysMs: [5, 5] });
		const publisher = new Publisher({ vault, client: () => client, saveState: () => Promise.resolve(), writeUrl: () => Promise.resolve() }, state);
		const note = (path: string) => ({ path, text: files[path] as string, properties: propertiesOf(files[path] as string) });
		return { publisher, note, state };
	}

	it("uploads the bytes once and Medium shows the uploaded image with its alt and caption", async () => {
		const text = `# Pasted\n\nBefore.\n\n![A lake](${uri(png(7))} "Ice at dawn")\n\n- item <img src="${uri(JPEG, "image/jpeg")}" alt="Cat">\n\nAgain: ![Same](${uri(png(7))})\n\n![[lake.png]]\n`;
		const { publisher, note } = setup({ "N.md": text, "lake.png": png(7) });
		const plan = await publisher.plan(note("N.md"), DEFAULT_PUBLISH);
		expect(plan.warnings).toEqual([]);
		// The dry run shows the images at their stand-in upload address, and lists them.
		const planned = plannedContent(plan.story, (await publisher.imagesToSend(plan.story)).paths).html;
		expect(planned).toContain(`https://upload-pending.invalid/data:image/png;hash=${hashBytes(png(7))}`);
		expect((await publisher.imagesToSend(plan.story)).inNote.map((i) => [i.mime, i.line])).toEqual([["image/png", 5], ["image/jpeg", 7]]);

		const result = await publisher.publish(plan);
		// The PNG (written twice, and also in the vault) once; the JPEG once.
		expect(fake.images.map((i) => [i.contentType, i.filename.split(".").pop()]).sort()).toEqual([["image/jpeg", "jpg"], ["image/png", "png"]]);
		expect(fake.images.find((i) => i.contentType === "image/png")?.bytes).toEqual(png(7));
		expect(fake.images.find((i) => i.contentType === "image/jpeg")?.bytes).toEqual(JPEG);
		expect(result.uploaded).toBe(2);
		const pngUrl = fake.images.find((i) => i.contentType === "image/png")?.url;
		const jpegUrl = fake.images.find((i) => i.contentType === "image/jpeg")?.url;
		const shown = fake.storyParagraphs(String(fake.posts[0].response.id));
		expect(shown.map((p) => (p.type === "IMG" ? { type: p.type, src: p.src, alt: p.alt, text: p.text } : { type: p.type, text: p.text }))).toEqual([
			{ type: "TITLE", text: "Pasted" },
			{ type: "P", text: "Before." },
			{ type: "IMG", src: pngUrl, alt: "A lake", text: "Ice at dawn" },
			{ type: "ULI", text: "item" },
			{ type: "IMG", src: jpegUrl, alt: "Cat", text: "" },
			{ type: "P", text: "Again:" },
			{ type: "IMG", src: pngUrl, alt: "Same", text: "" },
			{ type: "IMG", src: pngUrl, alt: "", text: "" },
		]);
		expect(String(fake.posts[0].request.content)).not.toContain("data:");
	});

	it("decodes each image once: the conversion keeps the bytes it checked, and a publish uploads those", async () => {
		// Written twice, once with white space in its base64 (so the writers' data URL is written anew): one image.
		const text = `![a](${uri(png(9))})\n\n![b](<${uri(png(9)).replace("base64,", "base64, ")}>)\n`;
		const { publisher, note } = setup({ "N.md": text });
		const plan = await publisher.plan(note("N.md"), DEFAULT_PUBLISH);
		expect(plan.warnings).toEqual([]);
		expect([...plan.story.noteImageBytes]).toEqual([[hashBytes(png(9)), png(9)]]);
		// Without the kept bytes a publish does not decode the data URL again: it leaves the image out.
		const withoutBytes = await publisher.publish({ ...plan, story: { ...plan.story, noteImageBytes: new Map() } });
		expect(withoutBytes.warnings.map((w) => [w.code, w.line])).toEqual([["malformed-image-data", 1]]);
		expect(fake.images).toEqual([]);
		await publisher.publish(plan, { allowRepublish: true });
		expect(fake.images.map((i) => i.bytes)).toEqual([png(9)]);
	});

	it("a new story of the same note (--new) uploads nothing the cache knows", async () => {
		const text = `![a](${uri(png(8))})\n\nEdited once.`;
		const { publisher, note } = setup({ "N.md": text });
		await publisher.publish(await publisher.plan(note("N.md"), DEFAULT_PUBLISH));
		expect(fake.images).toHaveLength(1);
		const again = await publisher.publish(await publisher.plan(note("N.md"), DEFAULT_PUBLISH), { allowRepublish: true });
		expect(fake.images).toHaveLength(1);
		expect(again.reused).toBe(1);
		expect(again.uploaded).toBe(0);
		expect(fake.posts).toHaveLength(2);
		const img = fake.storyParagraphs(String(fake.posts[1].response.id)).find((p) => p.type === "IMG");
		expect(img?.src).toBe(fake.images[0].url);
	});
});

describe("the command line with an image written as a data: URL (dist/cli.js, fake Medium)", () => {
	const cli = useCliFixture("mp-data-uri-");
	let fake: FakeMedium;
	let dir: string;
	beforeEach(async () => {
		fake = cli.fake();
		dir = cli.dir();
		await mkdir(path.join(dir, DEFAULT_CONFIG_DIR));
		await writeFile(path.join(dir, "Pasted.md"), `# Pasted\n\nFrom Notion:\n\n![Chart](${uri(png(9))} "Q3")\n\n![Logo](${uri(SVG, "image/svg+xml")})\n`);
	});
	const note = () => path.join(dir, "Pasted.md");

	it("convert prints the stand-in, --format html the data URL, and both warn about the SVG at its line", async () => {
		const md = await runCli(["convert", note()], {}, dir);
		expect(md.code).toBe(0);
		expect(md.stdout).toContain(`![Chart](data:image/png;hash=${hashBytes(png(9))} "Q3")`);
		expect(md.stdout).not.toContain("base64");
		expect(md.stderr).toMatch(/Pasted\.md:7: warning: Image !\[Logo\]\(data:image\/svg\+xml;base64,.*… is SVG; Medium accepts JPEG, PNG, GIF and TIFF only, so it was left out\. \[unsupported-image\]/);
		const html = await runCli(["convert", note(), "--format", "html"], {}, dir);
		expect(html.stdout).toContain(`<figure><img src="${uri(png(9))}" alt="Chart"><figcaption>Q3</figcaption></figure>`);
	});

	it("convert --json lists the image written in the note beside vault images, by its stand-in and line", async () => {
		const r = await runCli(["convert", note(), "--json"], {}, dir);
		expect(r.code).toBe(0);
		const doc = JSON.parse(r.stdout) as { images: unknown[] };
		expect(doc.images).toEqual([{ path: `data:image/png;hash=${hashBytes(png(9))}`, alt: "Chart", line: 5 }]);
	});

	it("--dry-run lists the image to upload; the real run uploads it and Medium shows it", async () => {
		const dry = await runCli(["publish", note(), "--dry-run"], {}, dir);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain(`  Images to upload: data:image/png;hash=${hashBytes(png(9))} (line 5)\n`);
		expect(fake.requests).toHaveLength(0);
		const run = await runCli(["publish", note()], cli.env(), dir);
		expect(run.stderr).not.toContain(fake.token);
		expect(run.code).toBe(0);
		expect(fake.images.map((i) => i.bytes)).toEqual([png(9)]);
		const shown = fake.storyParagraphs(String(fake.posts[0].response.id));
		expect(shown.filter((p) => p.type === "IMG")).toMatchObject([{ src: fake.images[0].url, alt: "Chart", text: "Q3" }]);
		expect(await readFile(note(), "utf8")).toMatch(/^---\nmedium_url: https:\/\//);
	});
});
