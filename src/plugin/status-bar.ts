/**
 * The status bar item for the active note: nothing for a note that was never published, else its story's
 * status and whether the note changed since it was sent. It is recomputed at most once a second after the
 * user stops typing (a conversion per keystroke would cost the editor), from the vault only: no network.
 */

import { TFile, debounce, type Debouncer, type Plugin } from "obsidian";
import { convertNote } from "../convert/convert-note";
import { hashContent } from "../core/content-hash";
import { convertOptionsFor, type PublishDefaults } from "../publish/publish-settings";
import { recordOf, sentNoteHrefs, type PublisherState } from "../publish/publisher-state";
import { statusBarText } from "../publish/story-status";
import type { ObsidianVault } from "./obsidian-vault";

/** The wait after the last change before the status is recomputed. */
export const STATUS_DEBOUNCE_MS = 1000;

/** What the status bar needs from the plugin. */
export interface StatusHost {
	state: PublisherState;
	vaultPort: ObsidianVault;
	publishDefaults(): PublishDefaults;
	/** The item was clicked while it showed a story for this note. */
	reviewStory(file: TFile): void;
}

/** The active markdown note, or null. */
function activeNote(plugin: Plugin): TFile | null {
	const file = plugin.app.workspace.getActiveFile();
	return file && file.extension === "md" ? file : null;
}

/** Owns the status bar item; everything it listens to is registered on the plugin, so unload cleans up. */
export class StoryStatusBar {
	readonly el: HTMLElement;
	/** Recomputes after STATUS_DEBOUNCE_MS without a new call. */
	readonly schedule: Debouncer<[], void>;
	private run = 0;

	constructor(
		private readonly plugin: Plugin,
		private readonly host: StatusHost,
	) {
		const { app } = plugin;
		this.el = plugin.addStatusBarItem();
		this.el.addClass("medium-publisher-status");
		this.schedule = debounce(() => {
			void this.refresh();
		}, STATUS_DEBOUNCE_MS, true);
		const ifActive = (file: { path: string }): void => {
			if (file.path === activeNote(plugin)?.path) this.schedule();
		};
		plugin.registerEvent(app.workspace.on("active-leaf-change", () => this.schedule()));
		plugin.registerEvent(app.workspace.on("file-open", () => this.schedule()));
		plugin.registerEvent(app.vault.on("modify", ifActive));
		// Properties reach the metadata cache a moment after `modify`; the title and tags depend on them.
		plugin.registerEvent(app.metadataCache.on("changed", ifActive));
		plugin.registerDomEvent(this.el, "click", () => {
			const file = activeNote(plugin);
			if (file && this.el.getText() !== "") host.reviewStory(file);
		});
		plugin.register(() => this.schedule.cancel());
	}

	/** The status text for a note (pure of side effects; "" when there is nothing to say). */
	async textFor(file: TFile | null): Promise<string> {
		if (!file || file.extension !== "md") return "";
		const record = recordOf(this.host.state, file.path);
		const note = await this.host.vaultPort.noteOf(file);
		const defaults = this.host.publishDefaults();
		const url = note.properties[defaults.urlProperty];
		const hasUrl = typeof url === "string" && url.trim() !== "";
		if (record === null) return statusBarText({ record, hasUrl, currentHash: null });
		const story = await convertNote({ path: file.path, ...note }, this.host.vaultPort, {
			...convertOptionsFor(defaults),
			// Its links as they were sent: a linked note's new story is no edit of this one.
			noteHrefs: sentNoteHrefs(record) ?? undefined,
		});
		return statusBarText({ record, hasUrl, currentHash: hashContent(story.content) });
	}

	/** Recomputes now for the active note; a slower earlier run never overwrites a newer one. */
	async refresh(): Promise<string> {
		const run = ++this.run;
		let text: string;
		try {
			text = await this.textFor(activeNote(this.plugin));
		} catch {
			text = "";
		}
		if (run === this.run) {
			this.el.setText(text);
			this.el.toggleClass("mod-clickable", text !== "");
		}
		return text;
	}
}
