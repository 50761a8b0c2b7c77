/**
 * The pre-flight: everything a publish will send, shown before anything is sent, because a Medium story
 * cannot be updated or deleted through the API. The status starts where `initialStatus` says, so a public
 * story is only ever created when the note asks for it or the user picks it here.
 */

import { Modal, Setting, type App } from "obsidian";
import type { PublishStatus } from "../medium/medium-client";
import type { PublishChoice } from "../publish/publish-settings";
import type { PublishPlan } from "../publish/publisher";
import { MEDIUM, destinationLabel, initialStatus, otherWarnings, tagWarnings } from "../publish/story-status";
import { OUTLINE_LABELS, headingOutline } from "../story/heading-outline";
import type { CachedPublication } from "./plugin-settings";

const STATUS_LABELS: Record<PublishStatus, string> = {
	draft: "Draft (only you can see it)",
	unlisted: "Unlisted (anyone with the link)",
	public: "Public (everyone, and your followers' feeds)",
};

/** Shows the plan; resolves with the choice to publish with, or null when the user cancels. */
export class PublishModal extends Modal {
	private status: PublishStatus;
	private readonly hint: string | null;
	private confirmed = false;
	private resolve: ((choice: PublishChoice | null) => void) | null = null;

	constructor(
		app: App,
		private readonly plan: PublishPlan,
		private readonly publications: readonly CachedPublication[],
		/** The images a publish will upload (Publisher.imagesToSend: unreadable or unsupported ones are warned of instead): vault paths, then labels of images written in the note. */
		private readonly uploads: readonly string[],
		/** Shows the story in the preview view; the pre-flight closes without publishing. */
		private readonly onPreview?: () => void,
	) {
		super(app);
		const start = initialStatus(plan.choice.status, plan.note.properties);
		this.status = start.status;
		this.hint = start.hint;
	}

	/** Opens the modal and waits for Publish (the choice) or anything else (null). */
	choose(): Promise<PublishChoice | null> {
		return new Promise((resolve) => {
			this.resolve = resolve;
			this.open();
		});
	}

	override onOpen(): void {
		const { contentEl, plan } = this;
		const { story, choice } = plan;
		this.setTitle(`Publish to ${MEDIUM}`);
		contentEl.addClass("medium-publisher-modal");

		new Setting(contentEl).setName("Title").setDesc(story.title);
		const tags = new Setting(contentEl).setName("Tags").setDesc(story.tags.length > 0 ? story.tags.join(", ") : "None");
		for (const warning of tagWarnings(plan.warnings)) tags.descEl.createDiv({ text: warning, cls: "medium-publisher-warning" });

		const status = new Setting(contentEl).setName("Status");
		const hintEl = status.descEl.createDiv({ cls: "medium-publisher-hint" });
		const showHint = (): void => {
			hintEl.setText(this.status === "public" ? "Everyone will see this story as soon as it is created." : this.hint ?? "");
		};
		status.addDropdown((d) => {
			for (const value of ["draft", "unlisted", "public"] as const) d.addOption(value, STATUS_LABELS[value]);
			d.setValue(this.status).onChange((value) => {
				if (value === "draft" || value === "unlisted" || value === "public") this.status = value;
				showHint();
			});
		});
		showHint();

		new Setting(contentEl).setName("Destination").setDesc(destinationLabel(choice.publicationId, this.publications));
		new Setting(contentEl).setName("Canonical URL").setDesc(story.canonicalUrl ?? "None");
		new Setting(contentEl).setName("License").setDesc(choice.license);

		this.outline();
		this.list("Notes that will be inlined", story.embeddedNotes, "None");
		this.list("Images that will be uploaded", this.uploads, "None");
		this.list("Warnings", otherWarnings(plan.warnings), "None", "medium-publisher-warning");

		new Setting(contentEl)
			.addButton((b) => b.setButtonText("Publish").setCta().onClick(() => {
				this.confirmed = true;
				this.close();
			}))
			.addButton((b) => b.setButtonText("Cancel").onClick(() => this.close()));
		if (this.onPreview) {
			const preview = this.onPreview;
			new Setting(contentEl)
				.setDesc(`See the story as ${MEDIUM} will lay it out, before it leaves the vault.`)
				.addButton((b) => b.setButtonText("Preview").onClick(() => {
					this.close();
					preview();
				}));
		}
	}

	override onClose(): void {
		this.contentEl.empty();
		const resolve = this.resolve;
		this.resolve = null;
		resolve?.(this.confirmed ? { ...this.plan.choice, status: this.status } : null);
	}

	/** How the story's headings will land on Medium: title, subtitle, then large and small headings, indented. */
	private outline(): void {
		const { entries, more } = headingOutline(this.plan.story);
		const row = new Setting(this.contentEl).setName(`Headings on ${MEDIUM}`);
		const ul = row.descEl.createEl("ul", { cls: "medium-publisher-list medium-publisher-outline" });
		for (const entry of entries) {
			const cls = `medium-publisher-outline-${entry.kind} medium-publisher-outline-depth-${entry.depth}`;
			ul.createEl("li", { text: `${OUTLINE_LABELS[entry.kind]}: ${entry.text}`, cls });
		}
		if (more > 0) ul.createEl("li", { text: `…and ${more} more`, cls: "medium-publisher-hint" });
	}

	/** A heading row and one line per item (or the empty text). */
	private list(name: string, items: readonly string[], empty: string, cls?: string): void {
		const row = new Setting(this.contentEl).setName(`${name} (${items.length})`);
		if (items.length === 0) {
			row.setDesc(empty);
			return;
		}
		const ul = row.descEl.createEl("ul", { cls: "medium-publisher-list" });
		for (const item of items) ul.createEl("li", cls ? { text: item, cls } : { text: item });
	}
}
