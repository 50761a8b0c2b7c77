import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { findVaultRoot, openNodeVault, type NodeVault } from "../src/cli/node-vault";

let dir: string;
let vaultRoot: string;

function write(relative: string, content: string | Uint8Array): void {
	const abs = path.join(vaultRoot, ...relative.split("/"));
	mkdirSync(path.dirname(abs), { recursive: true });
	writeFileSync(abs, content);
}

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), "node-vault-"));
	vaultRoot = path.join(dir, "vault");
	mkdirSync(path.join(vaultRoot, ".obsidian"), { recursive: true });
	write(".obsidian/app.json", "{}");
	write(".git/HEAD", "ref");
	write(".trash/Deleted.md", "# gone");
	write("node_modules/pkg/Readme.md", "# module");
	write(".hidden.md", "# hidden");
	write("Root.md", "---\ntitle: Root note\ntags:\n  - a\n  - b\ncreated: 2024-01-31\n---\n# Body\n");
	write("notes/Note.md", "Just text, no properties\n");
	write("notes/deep/Note.md", "---\nwhere: deep\n---\n");
	write("notes/Bad.md", "---\ntitle: [unclosed\n  : : :\n---\nBody\n");
	write("notes/Scalar.md", "---\njust a string\n---\nBody\n");
	write("notes/Unclosed.md", "---\ntitle: no closing line\n");
	write("notes/Crlf.md", "\uFEFF---\r\ntitle: Windows\r\n---\r\nBody\r\n");
	write("attachments/Figure 1.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]));
});

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe("openNodeVault", () => {
	let vault: NodeVault;
	beforeAll(async () => {
		vault = await openNodeVault(vaultRoot);
	});

	test("walks the folder, skipping dot-files, dot-folders and node_modules", () => {
		expect(vault.root).toBe(path.resolve(vaultRoot));
		expect(vault.paths()).toEqual([
			"Root.md",
			"attachments/Figure 1.png",
			"notes/Bad.md",
			"notes/Crlf.md",
			"notes/Note.md",
			"notes/Scalar.md",
			"notes/Unclosed.md",
			"notes/deep/Note.md",
		]);
	});

	test("resolves links like Obsidian", () => {
		expect(vault.resolveLink("Note", "Root.md")).toBe("notes/Note.md");
		expect(vault.resolveLink("deep/Note", "Root.md")).toBe("notes/deep/Note.md");
		expect(vault.resolveLink("Note", "notes/deep/Other.md")).toBe("notes/deep/Note.md");
		expect(vault.resolveLink("figure 1.png", "Root.md")).toBe("attachments/Figure 1.png");
		expect(vault.resolveLink("Deleted", "Root.md")).toBeNull();
		expect(vault.resolveLink("Readme", "Root.md")).toBeNull();
	});

	test("reads a note's text and properties, leaving dates as Dates", async () => {
		const note = await vault.readNote("Root.md");
		expect(note).not.toBeNull();
		if (!note) return;
		expect(note.text).toBe("---\ntitle: Root note\ntags:\n  - a\n  - b\ncreated: 2024-01-31\n---\n# Body\n");
		expect(note.properties.title).toBe("Root note");
		expect(note.properties.tags).toEqual(["a", "b"]);
		expect(note.properties.created).toBeInstanceOf(Date);
		expect((note.properties.created as Date).toISOString()).toBe("2024-01-31T00:00:00.000Z");
	});

	test("caches notes it has read", async () => {
		const first = await vault.readNote("notes/deep/Note.md");
		const second = await vault.readNote("notes/deep/Note.md");
		expect(first).not.toBeNull();
		expect(second).toBe(first);
		expect(first?.properties).toEqual({ where: "deep" });
	});

	test("a note without frontmatter has no properties", async () => {
		expect((await vault.readNote("notes/Note.md"))?.properties).toEqual({});
	});

	test("bad YAML, a non-mapping or an unclosed block give {} instead of throwing", async () => {
		const bad = await vault.readNote("notes/Bad.md");
		expect(bad?.text).toBe("---\ntitle: [unclosed\n  : : :\n---\nBody\n");
		expect(bad?.properties).toEqual({});
		expect((await vault.readNote("notes/Scalar.md"))?.properties).toEqual({});
		expect((await vault.readNote("notes/Unclosed.md"))?.properties).toEqual({});
	});

	test("a BOM and CRLF note keeps its exact text and still has properties", async () => {
		const note = await vault.readNote("notes/Crlf.md");
		expect(note?.text).toBe("\uFEFF---\r\ntitle: Windows\r\n---\r\nBody\r\n");
		expect(note?.properties).toEqual({ title: "Windows" });
	});

	test("missing files and paths outside the vault read as null", async () => {
		expect(await vault.readNote("notes/Missing.md")).toBeNull();
		expect(await vault.readNote("../outside.md")).toBeNull();
		expect(await vault.readBinary("missing.png")).toBeNull();
		expect(await vault.readBinary("notes")).toBeNull();
	});

	test("a note created after a miss is read once it exists", async () => {
		expect(await vault.readNote("notes/Later.md")).toBeNull();
		write("notes/Later.md", "later");
		expect((await vault.readNote("notes/Later.md"))?.text).toBe("later");
	});

	test("reads bytes", async () => {
		const bytes = await vault.readBinary("attachments/Figure 1.png");
		expect(bytes).toBeInstanceOf(Uint8Array);
		expect(Array.from(bytes ?? [])).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
	});

	test("maps between absolute and vault paths", () => {
		expect(vault.toVaultPath(path.join(vaultRoot, "notes", "deep", "Note.md"))).toBe("notes/deep/Note.md");
		expect(vault.toAbsPath("notes/deep/Note.md")).toBe(path.join(path.resolve(vaultRoot), "notes", "deep", "Note.md"));
		expect(() => vault.toVaultPath(path.join(dir, "elsewhere.md"))).toThrow(/outside the vault/);
		expect(() => vault.toAbsPath("../x.md")).toThrow(/inside the vault/);
	});
});

describe("findVaultRoot", () => {
	test("the nearest folder above the note with .obsidian/", () => {
		expect(findVaultRoot(path.join(vaultRoot, "notes", "deep", "Note.md"))).toBe(path.resolve(vaultRoot));
		expect(findVaultRoot(path.join(vaultRoot, "Root.md"))).toBe(path.resolve(vaultRoot));
	});

	test("a nested vault wins over the outer one", () => {
		const inner = path.join(vaultRoot, "notes", "inner");
		mkdirSync(path.join(inner, ".obsidian"), { recursive: true });
		try {
			expect(findVaultRoot(path.join(inner, "sub", "N.md"))).toBe(inner);
		} finally {
			rmSync(inner, { recursive: true, force: true });
		}
	});

	test("a .obsidian file (not a folder) does not count", () => {
		const loose = path.join(dir, "loose");
		mkdirSync(path.join(loose, "a"), { recursive: true });
		writeFileSync(path.join(loose, ".obsidian"), "not a folder");
		expect(findVaultRoot(path.join(loose, "a", "N.md"))).toBe(path.join(loose, "a"));
	});

	test("without a vault marker, the note's own folder", () => {
		const plain = path.join(dir, "plain", "sub");
		mkdirSync(plain, { recursive: true });
		expect(findVaultRoot(path.join(plain, "N.md"))).toBe(plain);
	});

	test("a custom configuration folder name", () => {
		const custom = path.join(dir, "custom");
		mkdirSync(path.join(custom, ".config-obsidian"), { recursive: true });
		mkdirSync(path.join(custom, "x"), { recursive: true });
		expect(findVaultRoot(path.join(custom, "x", "N.md"), ".config-obsidian")).toBe(custom);
	});
});

describe("symbolic links", () => {
	test("a linked folder is walked once, a loop does not hang", async () => {
		const root = path.join(dir, "linked");
		mkdirSync(path.join(root, "real"), { recursive: true });
		writeFileSync(path.join(root, "real", "A.md"), "a");
		try {
			symlinkSync(path.join(root, "real"), path.join(root, "alias"), "dir");
			symlinkSync(root, path.join(root, "real", "loop"), "dir");
		} catch {
			return; // the platform does not allow symbolic links here
		}
		const vault = await openNodeVault(root);
		const paths = vault.paths();
		expect(paths.filter((p) => p.endsWith("A.md"))).toHaveLength(1);
		expect(vault.resolveLink("A", "X.md")).not.toBeNull();
	});
});
