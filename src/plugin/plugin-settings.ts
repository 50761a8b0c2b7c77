/**
 * The plugin's saved data (`data.json`): the user's settings and the publisher's state, read defensively
 * (any older or hand-edited file still loads) and written back with known keys only. The integration token
 * is never part of it: only the NAME of the secret that holds it in Obsidian's secret storage is, so the
 * token cannot leak through a synced or shared vault folder.
 */

import { DEFAULT_API_BASE, type MediumPublication } from "../medium/medium-client";
import { DEFAULT_PUBLISH, isLicense, isPublishStatus, type PublishDefaults } from "../publish/publish-settings";
import { normalizeState, type PublisherState } from "../publish/publisher-state";

/** A publication as the destination dropdown needs it, cached so opening the tab sends no request. */
export type CachedPublication = Pick<MediumPublication, "id" | "name" | "url">;

/**
 * Everything the user can set, plus the cached publication list. (Strict line breaks is the vault's own
 * setting, read when a note is converted, never one of ours.)
 */
export interface PluginSettings extends Omit<PublishDefaults, "strictLineBreaks" | "dataviewFields" | "obsidianVault"> {
	/** Name (id) of the secret in `app.secretStorage` that holds the integration token. */
	tokenSecret: string;
	/** Show the pre-flight before every publish. */
	confirmBeforePublish: boolean;
	/** Medium's API root; not shown in the tab (tests and proxies change it in data.json). */
	apiBase: string;
	/** The publications listed by the last refresh. */
	publications: CachedPublication[];
}

/** The secret name used until the user picks another one. */
export const DEFAULT_TOKEN_SECRET = "medium-token";

/** A first run's settings: drafts, the profile, confirmation on, and Medium's real API. */
export const DEFAULT_SETTINGS: PluginSettings = {
	status: DEFAULT_PUBLISH.status,
	license: DEFAULT_PUBLISH.license,
	notifyFollowers: DEFAULT_PUBLISH.notifyFollowers,
	publicationId: DEFAULT_PUBLISH.publicationId,
	urlProperty: DEFAULT_PUBLISH.urlProperty,
	canonicalTemplate: DEFAULT_PUBLISH.canonicalTemplate,
	linkTemplate: DEFAULT_PUBLISH.linkTemplate,
	tokenSecret: DEFAULT_TOKEN_SECRET,
	confirmBeforePublish: true,
	apiBase: DEFAULT_API_BASE,
	publications: [],
};

/** What `loadData`/`saveData` hold. */
export interface PluginData {
	settings: PluginSettings;
	state: PublisherState;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
	return typeof value === "string" ? value : fallback;
}

/** A non-empty trimmed string, else the fallback: for keys that must never be blank. */
function nonEmptyOr(value: unknown, fallback: string): string {
	return typeof value === "string" && value.trim() !== "" ? value.trim() : fallback;
}

function readPublications(value: unknown): CachedPublication[] {
	if (!Array.isArray(value)) return [];
	const out: CachedPublication[] = [];
	for (const entry of value) {
		if (!isRecord(entry) || typeof entry.id !== "string" || entry.id === "") continue;
		out.push({ id: entry.id, name: stringOr(entry.name, ""), url: stringOr(entry.url, "") });
	}
	return out;
}

/**
 * Settings from whatever was saved: unknown keys are dropped (an old `token` key included, so it is
 * gone from disk at the next save), wrong types fall back to the defaults.
 */
export function readSettings(raw: unknown): PluginSettings {
	const s = isRecord(raw) ? raw : {};
	const d = DEFAULT_SETTINGS;
	return {
		status: isPublishStatus(s.status) ? s.status : d.status,
		license: isLicense(s.license) ? s.license : d.license,
		notifyFollowers: typeof s.notifyFollowers === "boolean" ? s.notifyFollowers : d.notifyFollowers,
		publicationId: stringOr(s.publicationId, d.publicationId).trim(),
		urlProperty: nonEmptyOr(s.urlProperty, d.urlProperty),
		canonicalTemplate: stringOr(s.canonicalTemplate, d.canonicalTemplate),
		linkTemplate: stringOr(s.linkTemplate, d.linkTemplate),
		tokenSecret: nonEmptyOr(s.tokenSecret, d.tokenSecret),
		confirmBeforePublish: typeof s.confirmBeforePublish === "boolean" ? s.confirmBeforePublish : d.confirmBeforePublish,
		apiBase: nonEmptyOr(s.apiBase, d.apiBase),
		publications: readPublications(s.publications),
	};
}

/** Reads `loadData()`'s result (null on first run). */
export function readPluginData(raw: unknown): PluginData {
	const data = isRecord(raw) ? raw : {};
	return { settings: readSettings(data.settings), state: normalizeState(data.state) };
}

/** The publish defaults part of the settings, as the publisher takes them. */
export function publishDefaults(settings: PluginSettings): PublishDefaults {
	return {
		status: settings.status,
		license: settings.license,
		notifyFollowers: settings.notifyFollowers,
		publicationId: settings.publicationId,
		urlProperty: settings.urlProperty.trim() || DEFAULT_PUBLISH.urlProperty,
		canonicalTemplate: settings.canonicalTemplate,
		linkTemplate: settings.linkTemplate,
		// The vault's own setting, read by the plugin (see vault-config.ts), not a setting of ours.
		strictLineBreaks: DEFAULT_PUBLISH.strictLineBreaks,
		dataviewFields: DEFAULT_PUBLISH.dataviewFields,
		obsidianVault: DEFAULT_PUBLISH.obsidianVault,
	};
}

/** What `saveData` receives: a fresh object with known keys only, so nothing else (no token) is ever written. */
export function pluginDataToSave(settings: PluginSettings, state: PublisherState): PluginData {
	return { settings: readSettings(settings), state };
}
