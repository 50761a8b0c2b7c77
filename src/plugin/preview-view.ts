/**
 * "Preview current note as a Medium story": a view beside the note that shows the story the way Medium
 * will lay it out, before anything is sent (Medium cannot update or delete a story through its API).
 *
 * Glue only: it reads the note, calls the core's converter and the shared layout
 * (src/preview/preview-layout.ts), and renders the tree with Obsidian's DOM helpers. It follows the
 * active markdown note and its edits after a pause (Obsidian's debounce), and never touches the network.
 */

import { ItemView, TFile, debounce, type Debouncer, type Editor, type MarkdownFileInfo, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import type { Properties, VaultPort } from "../core/ports";
import { convertNote } from "../convert/convert-note";
import { safeImageSrc } from "../html/safe-url";
import type { ConvertOptions } from "../convert/story";
import { PREVIEW_CLASS, layoutStory, previewClass } from "../preview/preview-layout";
import type { ImageSource } from "../story/story-model";
import { MEDIUM } from "../publish/story-status";
import { renderPreview } from "./preview-dom";

export const PREVIEW_VIEW_TYPE = "medium-publisher-preview";

/** How long the view waits after the last edit before it converts again. */
export const PREVIEW_DEBOUNCE_MS = 500;

/** What the view needs from the plugin. */
export interface PreviewHost {
	vaultPort: VaultPort & { fileAt(path: string): TFile | null; noteOf(file: TFile): Promise<{ text: string; properties: Properties }> };
	/** The conversion options a publish would use, so the preview shows what would be sent. */
	previewConvertOptions(): ConvertOptions;
	/** Starts a publish of the note (a header action). */
	publishNote(file: TFile): Promise<void>;
	/** Copies the note for Medium's editor, the no-token path (a header action). */
	copyNote(file: TFile): Promise<void>;
}

/** The view's saved state: which note it shows. */
interface PreviewState {
	file?: string;
}

export class PreviewView extends ItemView {
	/** Vault path of the note shown, or null before one is chosen. */
	private path: string | null = null;
	/** The editor's text of the note shown, newer than the file until Obsidian saves it. */
	private editorText: { path: string; text: string } | null = null;
	/** Notes embedded in the story shown: an edit to one of them changes the story too. */
	private embedded = new Set<string>();
	/** Each render gets a number; a slower, older one never paints over a newer one. */
	private generation = 0;
	private readonly refresh: Debouncer<[], void>;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: PreviewHost,
	) {
		super(leaf);
		this.refresh = debounce(() => void this.render(), PREVIEW_DEBOUNCE_MS, true);
	}

	override getViewType(): string {
		return PREVIEW_VIEW_TYPE;
	}

	override getDisplayText(): string {
		return `${MEDIUM} preview`;
	}

	override getIcon(): string {
		return "eye";
	}

	/** The note this view shows (for the plugin and tests). */
	get notePath(): string | null {
		return this.path;
	}

	override async onOpen(): Promise<void> {
		this.contentEl.addClass(`${PREVIEW_CLASS}-view`);
		this.addAction("send", `Publish to ${MEDIUM}`, () => {
			const file = this.shownFile();
			if (file) void this.host.publishNote(file);
		});
		this.addAction("clipboard-copy", `Copy for ${MEDIUM}'s editor`, () => {
			const file = this.shownFile();
			if (file) void this.host.copyNote(file);
		});
		const { workspace, vault } = this.app;
		this.registerEvent(workspace.on("active-leaf-change", () => this.followActive()));
		this.registerEvent(workspace.on("file-open", () => this.followActive()));
		this.registerEvent(workspace.on("editor-change", (editor: Editor, info: MarkdownFileInfo) => this.onEditorChange(editor, info)));
		this.registerEvent(vault.on("modify", (file) => {
			if (file.path === this.path || this.embedded.has(file.path)) {
				if (file.path === this.path) this.editorText = null;
				this.refresh();
			}
		}));
		this.registerEvent(vault.on("rename", (file, oldPath) => {
			if (oldPath === this.path) {
				this.path = file.path;
				this.editorText = null;
				this.refresh();
			}
		}));
		this.registerEvent(vault.on("delete", (file) => {
			if (file.path === this.path) this.showMessage("The note was deleted.");
		}));
		this.registerDomEvent(this.contentEl, "click", (evt) => this.onClick(evt));
		if (this.path === null) this.followActive();
		if (this.path === null) this.showMessage(`Open a note to preview it as a ${MEDIUM} story.`);
	}

	override async onClose(): Promise<void> {
		this.refresh.cancel();
		this.generation++;
		this.contentEl.empty();
	}

	override getState(): Record<string, unknown> {
		return { ...super.getState(), ...(this.path === null ? {} : { file: this.path }) };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const file = (state as PreviewState | null)?.file;
		if (typeof file === "string" && file !== this.path) await this.show(file);
		await super.setState(state, result);
	}

	private shownFile(): TFile | null {
		return this.path === null ? null : this.host.vaultPort.fileAt(this.path);
	}

	/** Shows a note now (the command, the pre-flight's button). */
	show(path: string): Promise<void> {
		this.path = path;
		this.editorText = null;
		this.refresh.cancel();
		return this.render();
	}

	/** Follows the active markdown note (the preview's own leaf keeps the last one). */
	private followActive(): void {
		const file = this.app.workspace.getActiveFile();
		if (file && file.extension === "md" && file.path !== this.path) void this.show(file.path);
	}

	/** An edit not yet saved: remember the editor's text and render after the pause. */
	private onEditorChange(editor: Editor, info: MarkdownFileInfo): void {
		const path = info.file?.path;
		if (!path) return;
		if (path === this.path) {
			this.editorText = { path, text: editor.getValue() };
			this.refresh();
		} else if (this.embedded.has(path)) this.refresh();
	}

	/** A click on a block (not on a link) shows the line of the note it came from, to fix what a warning says. */
	private onClick(evt: MouseEvent): void {
		const target = evt.target as HTMLElement | null;
		if (!target || typeof target.closest !== "function" || target.closest("a")) return;
		const line = Number(target.closest("[data-line]")?.getAttribute("data-line"));
		if (this.path !== null && Number.isInteger(line) && line >= 1) void this.revealLine(this.path, line);
	}

	/** Opens the note at a line: in the tab that already shows it, else in a new tab (never over the preview). */
	private async revealLine(path: string, line: number): Promise<void> {
		const file = this.host.vaultPort.fileAt(path);
		if (!file) return;
		const { workspace } = this.app;
		const shown = workspace.getLeavesOfType("markdown").find((leaf) => (leaf.view as { file?: TFile | null }).file?.path === path);
		await (shown ?? workspace.getLeaf("tab")).openFile(file, { active: true, eState: { line: line - 1 } });
	}

	/** Converts the note and paints the story; never throws (a failure is shown in the view). */
	async render(): Promise<void> {
		const path = this.path;
		if (path === null) return;
		const generation = ++this.generation;
		const file = this.host.vaultPort.fileAt(path);
		if (!file) {
			this.showMessage("The note is not in the vault any more.");
			return;
		}
		try {
			const read = await this.host.vaultPort.noteOf(file);
			const text = this.editorText?.path === path ? this.editorText.text : read.text;
			const story = await convertNote({ path, text, properties: read.properties }, this.host.vaultPort, this.host.previewConvertOptions());
			if (generation !== this.generation) return;
			this.embedded = new Set(story.embeddedNotes);
			const tree = layoutStory(story, { warnings: story.warnings, imageSrc: (source) => this.imageSrc(source) });
			const scroll = this.contentEl.scrollTop;
			this.contentEl.empty();
			renderPreview(this.contentEl, tree);
			this.contentEl.scrollTop = scroll;
		} catch (error) {
			if (generation !== this.generation) return;
			this.showMessage(`The preview could not be built: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	/** Where an image is shown from: a vault file through Obsidian's resource URL, a remote one or note bytes (a data URL) as is. */
	private imageSrc(source: ImageSource): string | null {
		if (source.kind === "url" || source.kind === "data") return safeImageSrc(source.url);
		const file = this.host.vaultPort.fileAt(source.path);
		return file ? this.app.vault.getResourcePath(file) : null;
	}

	private showMessage(text: string): void {
		this.generation++;
		this.contentEl.empty();
		this.contentEl.createDiv({ cls: [PREVIEW_CLASS, previewClass("message")], text });
	}
}
