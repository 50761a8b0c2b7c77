/**
 * The Obsidian glue: wires Obsidian's vault, network, secret storage and UI into the pure publish flow
 * (src/publish/publisher.ts) and keeps everything registered through the plugin, so disabling it leaves
 * nothing behind. `onload` only reads the plugin's data and registers: no request, no conversion.
 */

import { Notice, Platform, Plugin, TFile, TFolder, type TAbstractFile } from "obsidian";
import type { HttpPort } from "../core/ports";
import { isWebUrl } from "../core/web-url";
import type { ConvertOptions } from "../convert/story";
import { MediumClient } from "../medium/medium-client";
import { MediumError } from "../medium/medium-errors";
import { noteImageLabel, PublishError, Publisher, type NoteToPublish } from "../publish/publisher";
import { convertOptionsFor, type PublishDefaults } from "../publish/publish-settings";
import { emptyState, markDeleted, renameRecord, type PublisherState } from "../publish/publisher-state";
import { LABELS, MEDIUM, PUBLIC_DEFAULT_WITHOUT_PREFLIGHT, initialStatus, progressText, successText } from "../publish/story-status";
import { copyForMedium, type CopyDeps } from "./copy-for-medium";
import { LONG_NOTICE_MS, ProgressNotice, showFailure, showNoToken, textWithLink } from "./notices";
import { createObsidianHttp } from "./obsidian-http";
import { ObsidianVault } from "./obsidian-vault";
import { DEFAULT_SETTINGS, pluginDataToSave, publishDefaults, readPluginData, type PluginSettings } from "./plugin-settings";
import { PREVIEW_VIEW_TYPE, PreviewView, type PreviewHost } from "./preview-view";
import { PublishModal } from "./publish-modal";
import { RepublishModal } from "./republish-modal";
import { MediumSettingTab, type SettingsHost } from "./settings-tab";
import { StoryStatusBar, type StatusHost } from "./status-bar";
import { vaultDataviewFields, vaultIsObsidianNotes, vaultStrictLineBreaks } from "./vault-config";

/** Obsidian's settings window, which the public typings leave out. */
interface SettingWindow {
	open?: () => void;
	openTabById?: (id: string) => unknown;
}

/** Waits with the window's timer (Obsidian's guidance for plugins, and popout-safe). */
function windowSleep(ms: number): Promise<void> {
	return new Promise((resolve) => {
		window.setTimeout(resolve, ms);
	});
}

/**
 * The plugin: owns the settings and the publisher's state (one object, shared with the Publisher so every
 * change is saved together), the one Medium client per token, and the commands, ribbon and status bar.
 */
export default class MediumPublisherPlugin extends Plugin implements SettingsHost, StatusHost, PreviewHost {
	override settings: PluginSettings = { ...DEFAULT_SETTINGS };
	state: PublisherState = emptyState();
	vaultPort!: ObsidianVault;
	publisher!: Publisher;
	settingTab!: MediumSettingTab;
	/** Null on mobile, where the status bar does not exist. */
	statusBar: StoryStatusBar | null = null;
	private http!: HttpPort;
	private client: MediumClient | null = null;
	private clientToken = "";
	private clientBase = "";

	override async onload(): Promise<void> {
		const data = readPluginData(await this.loadData());
		this.settings = data.settings;
		this.state = data.state;
		this.vaultPort = new ObsidianVault(this.app);
		this.http = createObsidianHttp();
		this.publisher = new Publisher(
			{
				vault: this.vaultPort,
				client: () => this.getClient(),
				saveState: () => this.saveAll(),
				writeUrl: (path, key, url) => this.writeUrl(path, key, url),
			},
			this.state,
		);

		this.settingTab = new MediumSettingTab(this.app, this, this);
		this.addSettingTab(this.settingTab);

		this.addRibbonIcon("send", LABELS.publishCommand, () => {
			const file = this.activeNote();
			if (file) void this.publishNote(file);
			else new Notice(`Open a note to publish it to ${MEDIUM}.`);
		});
		this.addCommand({
			id: "publish-current-note",
			name: LABELS.publishCommand,
			checkCallback: (checking) => this.withActiveNote(checking, (file) => this.publishNote(file)),
		});
		this.addCommand({
			id: "copy-current-note",
			name: LABELS.copyCommand,
			checkCallback: (checking) => this.withActiveNote(checking, (file) => this.copyNote(file)),
		});

		// Disabling the plugin closes its views (Obsidian unregisters the type); leaves are not detached here.
		this.registerView(PREVIEW_VIEW_TYPE, (leaf) => new PreviewView(leaf, this));
		this.addCommand({
			id: "preview-current-note",
			name: `Preview current note as a ${MEDIUM} story`,
			checkCallback: (checking) => this.withActiveNote(checking, (file) => this.openPreview(file)),
		});

		this.registerEvent(this.app.vault.on("rename", (file, oldPath) => this.onRename(file, oldPath)));
		this.registerEvent(this.app.vault.on("delete", (file) => this.onDelete(file)));

		if (!Platform.isMobile) {
			const statusBar = new StoryStatusBar(this, this);
			this.statusBar = statusBar;
			this.app.workspace.onLayoutReady(() => statusBar.schedule());
		}
	}

	/** Persists settings and state (known keys only: never the token). */
	async saveAll(): Promise<void> {
		await this.saveData(pluginDataToSave(this.settings, this.state));
	}

	publishDefaults(): PublishDefaults {
		return { ...publishDefaults(this.settings), strictLineBreaks: vaultStrictLineBreaks(this.app), dataviewFields: vaultDataviewFields(this.app), obsidianVault: vaultIsObsidianNotes(this.app) };
	}

	/** The token from Obsidian's secret storage, or null when the secret is missing or empty. */
	currentToken(): string | null {
		try {
			const value = this.app.secretStorage.getSecret(this.settings.tokenSecret);
			return value && value.trim() !== "" ? value.trim() : null;
		} catch {
			return null;
		}
	}

	/**
	 * One client per token (and API root): the profile it read (GET /me) is reused until the secret's
	 * value changes, so checking the token, listing publications and publishing ask for it once.
	 */
	getClient(): MediumClient | null {
		const token = this.currentToken();
		if (token === null) return null;
		const apiBase = this.settings.apiBase;
		if (this.client && this.clientBase === apiBase) {
			if (this.clientToken !== token) this.client.setToken(token);
		} else {
			this.client = new MediumClient({ http: this.http, token, apiBase, sleep: windowSleep });
			this.clientBase = apiBase;
		}
		this.clientToken = token;
		return this.client;
	}

	/** The options a publish converts with, so the preview shows what would be sent. */
	previewConvertOptions(): ConvertOptions {
		return convertOptionsFor(this.publishDefaults());
	}

	/** Shows a note in the preview: the open preview if there is one, else a new one beside the note. */
	async openPreview(file: TFile): Promise<void> {
		const { workspace } = this.app;
		const leaf = workspace.getLeavesOfType(PREVIEW_VIEW_TYPE)[0] ?? workspace.getLeaf("split", "vertical");
		await leaf.setViewState({ type: PREVIEW_VIEW_TYPE, active: false, state: { file: file.path } });
		await workspace.revealLeaf(leaf);
	}

	/** The active file when it is a markdown note. */
	activeNote(): TFile | null {
		const file = this.app.workspace.getActiveFile();
		return file && file.extension === "md" ? file : null;
	}

	/** A command's checkCallback: offered only with a markdown note open. */
	private withActiveNote(checking: boolean, run: (file: TFile) => Promise<void>): boolean {
		const file = this.activeNote();
		if (!file) return false;
		if (!checking) void run(file);
		return true;
	}

	/** Publishes a note: the guard or the pre-flight, then the publish, with notices all the way. */
	publishNote(file: TFile): Promise<void> {
		return this.runStory(file, "publish");
	}

	/** The status bar's click: the guard for a note that has a story, nothing otherwise. */
	reviewStory(file: TFile): void {
		void this.runStory(file, "review");
	}

	/** Copies a note for Medium's editor (no token needed). */
	async copyNote(file: TFile): Promise<void> {
		try {
			await copyForMedium(await this.readNote(file), this.copyDeps());
		} catch (error) {
			showFailure(error, this.currentToken());
		}
	}

	private copyDeps(): CopyDeps {
		return { vault: this.vaultPort, defaults: this.publishDefaults(), imageCache: this.state.imageCache };
	}

	private async readNote(file: TFile): Promise<NoteToPublish> {
		return { path: file.path, ...(await this.vaultPort.noteOf(file)) };
	}

	/**
	 * The whole run under the note's lock, taken before anything else so a second click while the first
	 * run is in its modal or its upload sends nothing.
	 */
	private async runStory(file: TFile, mode: "publish" | "review"): Promise<void> {
		const release = this.publisher.lock(file.path);
		if (!release) {
			new Notice("This note is already being published; wait for that run to end.");
			return;
		}
		const progress = new ProgressNotice();
		try {
			const note = await this.readNote(file);
			const problem = this.vaultPort.propertiesProblem(file, note.text);
			if (problem !== null) {
				progress.hide();
				new Notice(problem, LONG_NOTICE_MS);
				return;
			}
			let plan = await this.publisher.plan(note, this.publishDefaults());
			let allowRepublish = false;
			if (plan.existing) {
				const action = await new RepublishModal(this.app, plan.existing).choose();
				if (action === "open") {
					if (isWebUrl(plan.existing.url)) window.open(plan.existing.url);
					else new Notice("The note's story URL is not a web address, so it was not opened.");
					return;
				}
				if (action === "copy") {
					await copyForMedium(note, this.copyDeps());
					return;
				}
				if (action !== "new") return;
				allowRepublish = true;
			} else if (mode === "review") {
				return;
			}
			if (this.getClient() === null) {
				this.noToken(`No ${MEDIUM} integration token is set. Choose the secret that holds it in the plugin's tab, or copy the note for ${MEDIUM}'s editor instead.`);
				return;
			}
			const start = initialStatus(plan.choice.status, note.properties);
			if (this.settings.confirmBeforePublish) {
				// Only the images a publish will upload are listed; the others' warnings show beside the rest.
				const sendable = await this.publisher.imagesToSend(plan.story);
				const shown = { ...plan, warnings: [...plan.warnings, ...sendable.warnings] };
				const choice = await new PublishModal(this.app, shown, this.settings.publications, [...sendable.paths, ...sendable.inNote.map(noteImageLabel)], () => void this.openPreview(file)).choose();
				if (!choice) return;
				plan = { ...plan, choice };
			} else {
				plan = { ...plan, choice: { ...plan.choice, status: start.status } };
			}
			progress.set(`Publishing to ${MEDIUM}\u2026`);
			const result = await this.publisher.publish(plan, {
				holdsLock: true,
				allowRepublish,
				onProgress: (p) => progress.set(progressText(p)),
			});
			progress.hide();
			const after = !this.settings.confirmBeforePublish && start.hint !== null ? PUBLIC_DEFAULT_WITHOUT_PREFLIGHT : "";
			if (result.urlWritten) {
				new Notice(textWithLink(successText(result.post.publishStatus), result.post.url, after), LONG_NOTICE_MS);
			} else {
				new Notice(
					textWithLink(
						result.stateError === null
							? "The story was created, but its URL could not be written into the note. It is kept in the plugin's settings tab: "
							: "The story was created, but its URL could not be written into the note. Keep it: ",
						result.post.url,
						result.urlError ? ` (${result.urlError})` : "",
					),
					0,
				);
			}
			if (result.stateError !== null) {
				new Notice(textWithLink(`The plugin could not save its record of this story (${result.stateError}). Its URL: `, result.post.url), 0);
			}
		} catch (error) {
			progress.hide();
			const noToken = (error instanceof PublishError || error instanceof MediumError) && error.kind === "no-token";
			if (noToken) this.noToken(error.message);
			else showFailure(error, this.currentToken());
		} finally {
			release();
			void this.statusBar?.refresh();
		}
	}

	private noToken(message: string): void {
		const setting = (this.app as unknown as { setting?: SettingWindow }).setting;
		const canOpen = typeof setting?.open === "function" && typeof setting.openTabById === "function";
		showNoToken(message, canOpen ? () => this.openSettingsTab() : null);
	}

	/** Opens this plugin's tab in Obsidian's settings; false when the host has no such API. */
	openSettingsTab(): boolean {
		const setting = (this.app as unknown as { setting?: SettingWindow }).setting;
		if (typeof setting?.open !== "function" || typeof setting.openTabById !== "function") return false;
		setting.open();
		setting.openTabById(this.manifest.id);
		return true;
	}

	/** Writes the story's URL into the note's properties (Obsidian's own frontmatter writer). */
	private async writeUrl(path: string, key: string, url: string): Promise<void> {
		const file = this.vaultPort.fileAt(path);
		if (!file) throw new Error(`The note ${path} was moved or deleted before its URL could be written.`);
		await this.app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
			frontmatter[key] = url;
		});
	}

	/** Records (and pending URLs) follow a note, or every note of a folder, to its new path. */
	private onRename(file: TAbstractFile, oldPath: string): void {
		let changed = renameRecord(this.state, oldPath, file.path);
		if (file instanceof TFolder) {
			const prefix = oldPath + "/";
			const paths = new Set([...Object.keys(this.state.records), ...this.state.pendingUrls.map((p) => p.notePath)]);
			for (const path of paths) {
				if (path.startsWith(prefix)) changed = renameRecord(this.state, path, file.path + "/" + path.slice(prefix.length)) || changed;
			}
		}
		if (changed) void this.saveAll();
	}

	/** A deleted note keeps its record (marked), so its story URL is never lost. */
	private onDelete(file: TAbstractFile): void {
		let changed = markDeleted(this.state, file.path);
		if (file instanceof TFolder) {
			const prefix = file.path + "/";
			for (const path of Object.keys(this.state.records)) {
				if (path.startsWith(prefix)) changed = markDeleted(this.state, path) || changed;
			}
		}
		if (changed) void this.saveAll();
	}
}
