/**
 * The guard shown when the note already has a story. Medium's API cannot update or delete a story, so
 * publishing again always creates another one: this modal says whether the note changed since (with the
 * lines that changed) and offers what the user most likely wants instead, before the costly choice.
 */

import { Modal, Setting, requireApiVersion, type App } from "obsidian";
import { isWebUrl } from "../core/web-url";
import { formatDiff } from "../publish/content-diff";
import type { ExistingStory } from "../publish/publisher";
import { LABELS, diffSummary, guardHeadline, statusWord } from "../publish/story-status";

/** What the user chose; closing the modal any other way is "cancel". */
export type RepublishAction = "open" | "copy" | "new" | "cancel";

/** Class of a diff line by its `formatDiff` prefix, for the colours in styles.css. */
function lineClass(line: string): string {
	if (line.startsWith("+ ")) return "medium-publisher-diff-add";
	if (line.startsWith("- ")) return "medium-publisher-diff-remove";
	if (line.startsWith("\u2026")) return "medium-publisher-diff-skip";
	return "medium-publisher-diff-same";
}

/** Asks what to do with a note that is already on Medium; resolves once, when the modal closes. */
export class RepublishModal extends Modal {
	private action: RepublishAction = "cancel";
	private resolve: ((action: RepublishAction) => void) | null = null;

	constructor(
		app: App,
		private readonly existing: ExistingStory,
	) {
		super(app);
	}

	/** Opens the modal and waits for the choice. */
	choose(): Promise<RepublishAction> {
		return new Promise((resolve) => {
			this.resolve = resolve;
			this.open();
		});
	}

	override onOpen(): void {
		const { contentEl, existing } = this;
		this.setTitle(guardHeadline(existing));
		contentEl.addClass("medium-publisher-modal");
		const where = contentEl.createEl("p");
		where.appendText("The story: ");
		// The URL comes from the note's property: only a web address becomes a link.
		if (isWebUrl(existing.url)) where.createEl("a", { text: existing.url, href: existing.url });
		else where.appendText(existing.url);
		if (existing.record) where.appendText(` (${statusWord(existing.record.status)})`);
		contentEl.createEl("p", {
			text: "Publishing again creates another story; the one above stays as it is.",
			cls: "medium-publisher-hint",
		});
		if (existing.diff && existing.diff.changed) {
			contentEl.createEl("p", { text: diffSummary(existing.diff), cls: "medium-publisher-diff-summary" });
			const box = contentEl.createDiv({ cls: "medium-publisher-diff" });
			for (const line of formatDiff(existing.diff).split("\n")) box.createDiv({ text: line, cls: lineClass(line) });
		}
		new Setting(contentEl)
			.addButton((b) => b.setButtonText(LABELS.openAction).setCta().onClick(() => this.finish("open")))
			.addButton((b) => b.setButtonText(LABELS.copyAction).onClick(() => this.finish("copy")))
			.addButton((b) => {
				b.setButtonText(LABELS.newStoryAction).onClick(() => this.finish("new"));
				// Another story cannot be undone through the API: the button looks destructive.
				if (requireApiVersion("1.13.0")) b.setDestructive();
				else b.buttonEl.addClass("mod-warning");
			})
			.addButton((b) => b.setButtonText("Cancel").onClick(() => this.finish("cancel")));
	}

	override onClose(): void {
		this.contentEl.empty();
		const resolve = this.resolve;
		this.resolve = null;
		resolve?.(this.action);
	}

	private finish(action: RepublishAction): void {
		this.action = action;
		this.close();
	}
}
