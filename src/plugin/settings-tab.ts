/**
 * The plugin's tab in Obsidian's settings. One list of sections and rows feeds both renderers: Obsidian
 * 1.13+ reads it through `getSettingDefinitions()` (so the rows show up in settings search), older versions
 * through `display()`. The token itself never passes through here: the tab only picks the NAME of a secret
 * in Obsidian's secret storage. Requests go out only from the two buttons, never while typing.
 */

import { PluginSettingTab, SecretComponent, Setting, requireApiVersion, type App, type DropdownComponent, type Plugin, type SettingDefinitionItem } from "obsidian";
import { MEDIUM_LICENSES, type MediumClient } from "../medium/medium-client";
import { MediumError, redactToken } from "../medium/medium-errors";
import type { PublisherState } from "../publish/publisher-state";
import { MEDIUM } from "../publish/story-status";
import { DEFAULT_SETTINGS, type PluginSettings } from "./plugin-settings";

/** What the tab needs from the plugin. */
export interface SettingsHost {
	settings: PluginSettings;
	state: PublisherState;
	/** Persists settings and state. */
	saveAll(): Promise<void>;
	/** The client for the current token (the same one while the token is unchanged), or null without one. */
	getClient(): MediumClient | null;
	/** The current token, only to redact it from unexpected messages. */
	currentToken(): string | null;
}

/** One row: its name and description (for search and display) and the controls it adds. */
interface Row {
	name: string;
	desc: string;
	render: (setting: Setting) => void;
}

/** A heading and its rows; a section without rows is not shown. */
interface Section {
	heading: string;
	rows: Row[];
}

const LICENSE_LABELS: Record<(typeof MEDIUM_LICENSES)[number], string> = {
	"all-rights-reserved": "All rights reserved",
	"cc-40-by": "CC BY 4.0",
	"cc-40-by-sa": "CC BY-SA 4.0",
	"cc-40-by-nd": "CC BY-ND 4.0",
	"cc-40-by-nc": "CC BY-NC 4.0",
	"cc-40-by-nc-nd": "CC BY-NC-ND 4.0",
	"cc-40-by-nc-sa": "CC BY-NC-SA 4.0",
	"cc-40-zero": "CC0 (no rights reserved)",
	"public-domain": "Public domain",
};

/** A failure's message for the tab: MediumError messages are user-facing already; anything else is redacted. */
function messageOf(error: unknown, token: string | null): string {
	const raw = error instanceof Error ? error.message : String(error);
	return redactToken(raw, token);
}

/** The tab: account, destination, defaults for new stories, note properties and links, pending URLs. */
export class MediumSettingTab extends PluginSettingTab {
	/** The last "Check token" answer, kept across redraws. */
	tokenMessage = "";
	/** The last "Refresh" answer, kept across redraws. */
	publicationsMessage = "";

	constructor(
		app: App,
		plugin: Plugin,
		private readonly host: SettingsHost,
	) {
		super(app, plugin);
	}

	/** Rows for Obsidian 1.13+: the same rows `display()` draws, searchable by name. */
	override getSettingDefinitions(): SettingDefinitionItem[] {
		return this.sections().map((section) => ({
			type: "group" as const,
			heading: section.heading,
			items: section.rows.map((row) => ({ name: row.name, desc: row.desc, render: (setting: Setting) => row.render(setting) })),
		}));
	}

	/** Obsidian before 1.13 renders the tab through this. */
	override display(): void {
		this.draw();
	}

	/** Draws every section into the tab. */
	draw(): void {
		const el = this.containerEl;
		el.empty();
		for (const section of this.sections()) {
			new Setting(el).setName(section.heading).setHeading();
			for (const row of section.rows) row.render(new Setting(el).setName(row.name).setDesc(row.desc));
		}
	}

	/** Redraws after the rows themselves changed (publications listed, a pending URL dismissed). */
	refresh(): void {
		if (requireApiVersion("1.13.0")) this.update();
		else this.draw();
	}

	private save(): void {
		void this.host.saveAll();
	}

	private sections(): Section[] {
		const sections: Section[] = [
			{ heading: "Account", rows: [this.tokenRow(), this.checkRow()] },
			{ heading: "Where to publish", rows: [this.destinationRow()] },
			{ heading: "New stories", rows: this.storyRows() },
			{ heading: "Notes and links", rows: this.noteRows() },
		];
		if (this.host.state.pendingUrls.length > 0) sections.push({ heading: "Stories whose URL is not in their note", rows: this.pendingRows() });
		return sections;
	}

	private tokenRow(): Row {
		return {
			name: "Integration token",
			desc: `The secret that holds your ${MEDIUM} integration token. Only the secret's name is saved with the plugin's data; the token stays in Obsidian's secret storage.`,
			render: (setting) => {
				setting.addComponent((el) =>
					new SecretComponent(this.app, el).setValue(this.host.settings.tokenSecret).onChange((name) => {
						this.host.settings.tokenSecret = name.trim() === "" ? DEFAULT_SETTINGS.tokenSecret : name.trim();
						this.tokenMessage = "";
						this.save();
					}),
				);
			},
		};
	}

	private checkRow(): Row {
		const desc = `Asks ${MEDIUM} which account the token belongs to.`;
		return {
			name: "Check token",
			desc,
			render: (setting) => {
				const result = setting.descEl.createDiv({ text: this.tokenMessage, cls: "medium-publisher-result" });
				setting.addButton((b) =>
					b.setButtonText("Check token").onClick(async () => {
						result.setText("Checking\u2026");
						this.tokenMessage = await this.checkToken();
						result.setText(this.tokenMessage);
					}),
				);
			},
		};
	}

	/** "Connected as @name", or why not (the client's error messages say what to do). */
	async checkToken(): Promise<string> {
		const client = this.host.getClient();
		if (!client) return "No token: choose or create the secret that holds your integration token above.";
		try {
			const me = await client.me();
			return `Connected as @${me.username || me.name || me.id}`;
		} catch (error) {
			return messageOf(error, this.host.currentToken());
		}
	}

	private destinationRow(): Row {
		return {
			name: "Destination",
			desc: "Your profile, or a publication you write for. A note's medium_publication property overrides it.",
			render: (setting) => {
				const settings = this.host.settings;
				setting.descEl.createDiv({ text: this.publicationsMessage, cls: "medium-publisher-result" });
				setting.addDropdown((d: DropdownComponent) => {
					d.addOption("", "Your profile");
					for (const p of settings.publications) d.addOption(p.id, p.name || p.id);
					if (settings.publicationId !== "" && !settings.publications.some((p) => p.id === settings.publicationId)) {
						d.addOption(settings.publicationId, `Publication ${settings.publicationId}`);
					}
					d.setValue(settings.publicationId).onChange((value) => {
						settings.publicationId = value;
						this.save();
					});
				});
				setting.addButton((b) =>
					b.setButtonText("Refresh").setTooltip("List your publications").onClick(async () => {
						this.publicationsMessage = await this.refreshPublications();
						this.refresh();
					}),
				);
			},
		};
	}

	/** Lists the account's publications into the cache; the profile always stays available. */
	async refreshPublications(): Promise<string> {
		const client = this.host.getClient();
		if (!client) return "No token: add one above to list your publications.";
		try {
			const me = await client.me();
			const list = await client.publications(me.id);
			this.host.settings.publications = list.map((p) => ({ id: p.id, name: p.name, url: p.url }));
			await this.host.saveAll();
			if (list.length === 0) return "You write for no publication; stories go to your profile.";
			return list.length === 1 ? "Found 1 publication." : `Found ${list.length} publications.`;
		} catch (error) {
			if (error instanceof MediumError && error.kind === "missing-scope") {
				const kept = this.host.settings.publicationId === "" ? "" : " The destination stays as it is.";
				return `This token may not list publications (the permission scope is missing). You can still publish to your profile.${kept}`;
			}
			return messageOf(error, this.host.currentToken());
		}
	}

	private storyRows(): Row[] {
		const settings = this.host.settings;
		return [
			{
				name: "Status",
				desc: "Draft or unlisted by default. A public default still starts the pre-flight at draft unless the note sets medium_status: public, so nothing goes public by accident.",
				render: (setting) => {
					setting.addDropdown((d) => {
						d.addOptions({ draft: "Draft", unlisted: "Unlisted", public: "Public" });
						d.setValue(settings.status).onChange((value) => {
							if (value === "draft" || value === "unlisted" || value === "public") settings.status = value;
							this.save();
						});
					});
				},
			},
			{
				name: "License",
				desc: "The license of new stories, unless a note sets medium_license.",
				render: (setting) => {
					setting.addDropdown((d) => {
						for (const license of MEDIUM_LICENSES) d.addOption(license, LICENSE_LABELS[license]);
						d.setValue(settings.license).onChange((value) => {
							const license = MEDIUM_LICENSES.find((l) => l === value);
							if (license) settings.license = license;
							this.save();
						});
					});
				},
			},
			{
				name: "Notify followers",
				desc: "Let your followers know about a new public story.",
				render: (setting) => {
					setting.addToggle((t) =>
						t.setValue(settings.notifyFollowers).onChange((value) => {
							settings.notifyFollowers = value;
							this.save();
						}),
					);
				},
			},
			{
				name: "Confirm before publishing",
				desc: "Show what will be sent (title, tags, status, images, warnings) before anything is sent.",
				render: (setting) => {
					setting.addToggle((t) =>
						t.setValue(settings.confirmBeforePublish).onChange((value) => {
							settings.confirmBeforePublish = value;
							this.save();
						}),
					);
				},
			},
		];
	}

	private noteRows(): Row[] {
		const settings = this.host.settings;
		return [
			{
				name: "URL property",
				desc: "The property that receives the story's URL after publishing.",
				render: (setting) => {
					setting.addText((t) =>
						t.setPlaceholder(DEFAULT_SETTINGS.urlProperty).setValue(settings.urlProperty).onChange((value) => {
							settings.urlProperty = value.trim() === "" ? DEFAULT_SETTINGS.urlProperty : value.trim();
							this.save();
						}),
					);
				},
			},
			{
				name: "Canonical URL template",
				desc: "Where the text lives first, e.g. your own site; {slug} is the note's name as a slug. Empty for none. A note's canonical_url property wins.",
				render: (setting) => {
					setting.addText((t) =>
						t.setPlaceholder("https://example.com/blog/{slug}").setValue(settings.canonicalTemplate).onChange((value) => {
							settings.canonicalTemplate = value.trim();
							this.save();
						}),
					);
				},
			},
			{
				name: "Links to unpublished notes",
				desc: `Links to notes that are not on ${MEDIUM} become plain text, or links built from this URL template ({slug}, {path}, {title}).`,
				render: (setting) => {
					setting.addText((t) =>
						t.setPlaceholder("Plain text").setValue(settings.linkTemplate).onChange((value) => {
							settings.linkTemplate = value.trim();
							this.save();
						}),
					);
				},
			},
		];
	}

	private pendingRows(): Row[] {
		const state = this.host.state;
		return state.pendingUrls.map((pending) => ({
			name: pending.url,
			desc: `${pending.notePath}: ${pending.reason}`,
			render: (setting: Setting) => {
				setting.addButton((b) =>
					b.setButtonText("Copy").onClick(async () => {
						await navigator.clipboard.writeText(pending.url);
						b.setButtonText("Copied");
					}),
				);
				setting.addButton((b) =>
					b.setButtonText("Dismiss").onClick(async () => {
						state.pendingUrls = state.pendingUrls.filter((p) => p !== pending);
						await this.host.saveAll();
						this.refresh();
					}),
				);
			},
		}));
	}
}
