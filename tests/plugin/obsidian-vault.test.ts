/** The VaultPort over Obsidian's vault and metadata cache (the stand-in's). */

import { ObsidianVault } from "../../src/plugin/obsidian-vault";
import { App } from "../support/obsidian-stub";
import { PNG, NOTE, vaultFiles } from "../support/plugin-harness";

function vaultPort(app: App): ObsidianVault {
	return new ObsidianVault(app as never);
}

test("links resolve through getFirstLinkpathDest", () => {
	const port = vaultPort(new App(vaultFiles()));
	expect(port.resolveLink("Background", NOTE)).toBe("Background.md");
	expect(port.resolveLink("diagram.png", NOTE)).toBe("Attachments/diagram.png");
	expect(port.resolveLink("Nowhere", NOTE)).toBeNull();
});

test("readNote: cached text and the metadata cache's frontmatter", async () => {
	const app = new App(vaultFiles());
	const port = vaultPort(app);
	const note = await port.readNote(NOTE);
	expect(note?.text).toBe(vaultFiles()[NOTE]);
	expect(note?.properties).toEqual({ tags: ["writing", "obsidian"] });
	expect(app.vault.reads).toEqual([NOTE]);
	expect((await port.readNote("Background.md"))?.properties).toEqual({});
	expect(await port.readNote("Missing.md")).toBeNull();
	expect(await port.readNote("Attachments")).toBeNull();
});

test("readBinary: a Uint8Array of the file's bytes, null when missing", async () => {
	const port = vaultPort(new App(vaultFiles()));
	const bytes = await port.readBinary("Attachments/diagram.png");
	expect(bytes).toBeInstanceOf(Uint8Array);
	expect([...bytes!]).toEqual([...PNG]);
	expect(await port.readBinary("Attachments/none.png")).toBeNull();
});
