/**
 * "Copy current note for Medium": works without a token and without network, puts text/html and
 * text/plain on the clipboard (safe HTML only), reuses uploaded images' Medium URLs, inlines the others,
 * and falls back to plain text where rich clipboard items are refused.
 */

import MediumPublisherPlugin from "../../src/plugin/medium-publisher-plugin";
import { hashBytes } from "../../src/core/content-hash";
import { clipboardOptions, clipboardWrites, noticeWith, requestLog, resetStub, waitFor } from "../support/obsidian-stub";
import { MANIFEST, NOTE, NOTE_TEXT, PNG, startPlugin, vaultFiles } from "../support/plugin-harness";

const COPY = `${MANIFEST.id}:copy-current-note`;

beforeEach(() => resetStub());

function filesWithScript(): Record<string, string | Uint8Array> {
	const files = vaultFiles();
	files[NOTE] = NOTE_TEXT.replace("The end.", "The end. <script>alert('x')</script> <img src=x onerror=alert(1)>");
	return files;
}

test("html and text on the clipboard, no token, no request, no script", async () => {
	const s = await startPlugin(MediumPublisherPlugin, { apiBase: "http://127.0.0.1:9/v1", token: null, files: filesWithScript() });
	expect(s.app.runCommand(COPY)).toBe(true);
	const notice = await waitFor(() => noticeWith("Copied for Medium's editor"), "the copy notice");
	expect(clipboardWrites).toHaveLength(1);
	const { kind, data } = clipboardWrites[0];
	expect(kind).toBe("rich");
	expect(Object.keys(data).sort()).toEqual(["text/html", "text/plain"]);
	const html = data["text/html"];
	expect(html).toContain("<h1>Launch day</h1>");
	expect(html).toContain("Embedded words from the snippet.");
	expect(html).toContain(`<img src="data:image/png;base64,${Buffer.from(PNG).toString("base64")}"`);
	expect(html).not.toContain("<script");
	expect(html).not.toMatch(/onerror/i);
	expect(data["text/plain"]).toMatch(/^# Launch day\n/);
	expect(data["text/plain"]).toContain("Attachments/diagram.png");
	expect(notice.text).toContain("1 image may need re-adding by hand");
	expect(requestLog).toHaveLength(0);
	// The note is untouched by a copy.
	expect(s.app.vault.textOf(NOTE)).toBe(filesWithScript()[NOTE]);
});

test("an image uploaded before links to its Medium URL; nothing to re-add", async () => {
	const cdn = "https://cdn-images-1.medium.com/fake/known.png";
	const s = await startPlugin(MediumPublisherPlugin, { apiBase: "http://127.0.0.1:9/v1", token: null, state: { imageCache: { [hashBytes(PNG)]: cdn } } });
	s.app.runCommand(COPY);
	const notice = await waitFor(() => noticeWith("Copied for Medium's editor"), "the copy notice");
	expect(clipboardWrites[0].data["text/html"]).toContain(`<img src="${cdn}"`);
	expect(notice.text).not.toMatch(/re-adding/);
});

test("where rich items are refused, plain text is written and the notice says so", async () => {
	const s = await startPlugin(MediumPublisherPlugin, { apiBase: "http://127.0.0.1:9/v1", token: null });
	clipboardOptions.refuseRich = true;
	s.app.runCommand(COPY);
	const notice = await waitFor(() => noticeWith("Copied for Medium's editor"), "the copy notice");
	expect(clipboardWrites).toHaveLength(1);
	expect(clipboardWrites[0].kind).toBe("text");
	expect(Object.keys(clipboardWrites[0].data)).toEqual(["text/plain"]);
	expect(clipboardWrites[0].data["text/plain"]).toMatch(/^# Launch day/);
	expect(notice.text).toContain("Only plain text could be copied");
});
