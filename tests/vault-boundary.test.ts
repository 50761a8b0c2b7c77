/**
 * The vault is a boundary: a vault on disk with symbolic links in and out of it (created here, in a temp
 * folder), read through the command line's vault. Nothing outside the vault's real root is read or
 * listed, the walk never loops, and only `.md` files are notes.
 */

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { openNodeVault, parseProperties, type NodeVault } from "../src/cli/node-vault";
import { readNoteInput } from "../src/cli/note-input";
import { convertNote } from "../src/convert/convert-note";
import { DEFAULT_PUBLISH } from "../src/publish/publish-settings";

let dir: string;
let root: string;
let outside: string;
let vault: NodeVault;
const warnings: string[] = [];

function write(abs: string, content: string | Uint8Array): void {
	mkdirSync(path.dirname(abs), { recursive: true });
	writeFileSync(abs, content);
}

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), "vault-boundary-"));
	root = path.join(dir, "vault");
	outside = path.join(dir, "outside");
	write(path.join(outside, "private.png"), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
	write(path.join(outside, "credentials.md"), "SECRET-CREDENTIALS");
	write(path.join(outside, "deep", "More.md"), "more secrets");
	write(path.join(root, "Note.md"), "![](shared/private.png)\n\n![[shared/credentials]]\n\n![[secrets]]\n\n![[Inside]]\n");
	write(path.join(root, "secrets"), "an extension-less file: not a note");
	write(path.join(root, "real", "Inside.md"), "inside text");
	write(path.join(root, "..dots.md"), "---\ntitle: dots\n---\nDots body");
	symlinkSync(outside, path.join(root, "shared"), "dir");
	symlinkSync(path.join(outside, "credentials.md"), path.join(root, "cred-link.md"), "file");
	symlinkSync("/", path.join(root, "slash"), "dir");
	symlinkSync(root, path.join(root, "real", "loop"), "dir");
	symlinkSync(path.join(root, "real"), path.join(root, "alias"), "dir");
	vault = await openNodeVault(root, { warn: (m) => warnings.push(m) });
});

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe("the walk", () => {
	test("never follows a link out of the vault, never loops, walks an inner alias once", () => {
		const paths = vault.paths();
		expect(paths.some((p) => p.startsWith("shared/") || p.startsWith("slash/"))).toBe(false);
		expect(paths).not.toContain("cred-link.md");
		expect(paths.filter((p) => p.endsWith("Inside.md"))).toHaveLength(1);
		expect(paths.length).toBeLessThan(10);
	});
});

describe("reads", () => {
	test("a file through a link out of the vault is refused with a warning", async () => {
		warnings.length = 0;
		expect(await vault.readBinary("shared/private.png")).toBeNull();
		expect(await vault.readNote("shared/credentials.md")).toBeNull();
		expect(await vault.readNote("cred-link.md")).toBeNull();
		expect(await vault.readNote("slash" + path.join(outside, "credentials.md").split(path.sep).join("/"))).toBeNull();
		expect(warnings.filter((w) => w.includes("outside the vault, left out"))).toHaveLength(4);
	});

	test("a link that stays inside the vault is read", async () => {
		expect((await vault.readNote("alias/Inside.md"))?.text).toBe("inside text");
	});

	test("only .md files are notes: an extension-less file is not read as one", async () => {
		warnings.length = 0;
		expect(await vault.readNote("secrets")).toBeNull();
		expect(warnings.join("\n")).toContain("not a markdown note");
	});

	test("`..dots.md` is a name inside the vault", async () => {
		expect((await vault.readNote("..dots.md"))?.properties).toEqual({ title: "dots" });
		expect(vault.toVaultPath(path.join(root, "..dots.md"))).toBe("..dots.md");
		expect((await readNoteInput(path.join(root, "..dots.md"), root, "..dots.md")).text).toContain("Dots body");
	});
});

describe("a conversion", () => {
	test("leaves out what lies outside the vault and the extension-less file, and says so", async () => {
		warnings.length = 0;
		const fresh = await openNodeVault(root, { warn: (m) => warnings.push(m) });
		const note = await fresh.readNote("Note.md");
		if (!note) throw new Error("Note.md unreadable");
		const story = await convertNote({ path: "Note.md", ...note }, fresh, { urlProperty: DEFAULT_PUBLISH.urlProperty, linkTemplate: "", canonicalTemplate: "" });
		expect(story.content).not.toContain("SECRET-CREDENTIALS");
		expect(story.content).not.toContain("an extension-less file");
		expect(story.content).toContain("inside text");
		expect(story.images.map((i) => i.path)).not.toContain("shared/private.png");
		expect(warnings.some((w) => w.startsWith("shared/private.png: outside the vault, left out"))).toBe(true);
		expect(warnings.some((w) => w.startsWith("shared/credentials") && w.includes("outside the vault, left out"))).toBe(true);
	});
});

describe("local addresses", () => {
	test("file://, data: and other local URLs are warned and never sent", async () => {
		const text = "# N\n\n![pic](file:///etc/passwd)\n\nSee [my file](file:///Users/me/x.md), ![d](data:image/png;base64,AAAA) and ![ok](https://e.com/a.png).\n";
		const story = await convertNote({ path: "N.md", text, properties: {} }, vault, {});
		expect(story.content).not.toMatch(/file:|data:/);
		expect(story.content).toContain("my file");
		expect(story.content).toContain("https://e.com/a.png");
		expect(story.warnings.filter((w) => w.code === "local-url").map((w) => w.line)).toEqual([3, 5]);
		// A data: image carries its bytes in the note (uploaded when they are an image Medium takes); these are none.
		expect(story.warnings.filter((w) => w.code === "unsupported-image").map((w) => w.line)).toEqual([5]);
	});
});

describe("the note given on the command line", () => {
	test("a link to a file outside the vault is refused", async () => {
		await expect(readNoteInput(path.join(root, "cred-link.md"), root, "cred-link.md")).rejects.toThrow(/outside the vault/);
	});

	test.each([
		["a PNG", "pic.md", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /not a text note/],
		["an empty file", "empty.md", new Uint8Array(0), /empty/],
		["only blank lines", "blank.md", new TextEncoder().encode("\n \n"), /empty/],
		["Latin-1 bytes", "latin.md", Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), /not UTF-8 text \(line 1/],
		["a file that is not .md", "notes.txt", new TextEncoder().encode("text"), /not a markdown note/],
	])("%s is refused with a clear message", async (_name, file, bytes, message) => {
		const abs = path.join(root, "input", file);
		write(abs, bytes);
		await expect(readNoteInput(abs, root, file)).rejects.toThrow(message);
	});

	test("a frontmatter that does not parse is a problem naming its line", () => {
		const r = parseProperties("---\ntags: [a]\ntitle: Re: the plan: v2\nmedium_url: https://medium.com/p/1\n---\nBody\n");
		expect(r.properties).toEqual({});
		expect(r.problem?.line).toBe(3);
		expect(r.problem?.message).toMatch(/not valid YAML/);
	});
});
