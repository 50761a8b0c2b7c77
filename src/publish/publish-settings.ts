/**
 * What a publish uses: the user's defaults (plugin settings, or CLI flags) overridden per note by its
 * properties. Shared by the plugin and the command line so both decide the same way.
 */

import type { Properties } from "../core/ports";
import type { ConvertOptions } from "../convert/story";
import { MEDIUM_LICENSES, PUBLISH_STATUSES, type MediumLicense, type PublishStatus } from "../medium/medium-client";

export interface PublishDefaults {
	status: PublishStatus;
	license: MediumLicense;
	notifyFollowers: boolean;
	/** A publication id, or "" for the user's profile. */
	publicationId: string;
	/** The property that receives the story's URL. */
	urlProperty: string;
	canonicalTemplate: string;
	/** "" for plain text, else a URL template for links to notes that are not on Medium. */
	linkTemplate: string;
	/** The vault's "Strict line breaks": a single newline inside a paragraph is a space, not a line break. */
	strictLineBreaks: boolean;
	/** Whether the vault runs Dataview, which shows inline fields `[key:: value]` as `key: value`. */
	dataviewFields: boolean;
	/** Whether the notes are in an Obsidian vault, not a site's source folder (ConvertOptions.obsidianVault). */
	obsidianVault: boolean;
}

export const DEFAULT_PUBLISH: PublishDefaults = {
	status: "draft",
	license: "all-rights-reserved",
	notifyFollowers: false,
	publicationId: "",
	urlProperty: "medium_url",
	canonicalTemplate: "",
	linkTemplate: "",
	strictLineBreaks: false,
	dataviewFields: true,
	obsidianVault: false,
};

/**
 * What a note is converted with under these defaults: by a publish, and by everything that shows what a
 * publish would send (the preview, the status bar's changed check, the clipboard copy, `convert`). One
 * mapping, so a new conversion setting reaches them all.
 */
export function convertOptionsFor(defaults: PublishDefaults): ConvertOptions {
	return {
		urlProperty: defaults.urlProperty,
		linkTemplate: defaults.linkTemplate,
		canonicalTemplate: defaults.canonicalTemplate,
		strictLineBreaks: defaults.strictLineBreaks,
		dataviewFields: defaults.dataviewFields,
		obsidianVault: defaults.obsidianVault,
	};
}

/** The fields of one publish, after per-note properties were applied. */
export interface PublishChoice {
	status: PublishStatus;
	license: MediumLicense;
	notifyFollowers: boolean;
	publicationId: string;
}

function prop(props: Properties, key: string): string | null {
	const v = props[key];
	return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

export function isPublishStatus(v: unknown): v is PublishStatus {
	return typeof v === "string" && (PUBLISH_STATUSES as readonly string[]).includes(v);
}

export function isLicense(v: unknown): v is MediumLicense {
	return typeof v === "string" && (MEDIUM_LICENSES as readonly string[]).includes(v);
}

/**
 * Applies `medium_status`, `medium_publication`, `medium_license` over the defaults. An unknown value is
 * ignored (and reported), so a typo never makes a story public.
 */
export function choiceFor(props: Properties, defaults: PublishDefaults): { choice: PublishChoice; problems: string[] } {
	const problems: string[] = [];
	const status = prop(props, "medium_status");
	const license = prop(props, "medium_license");
	if (status !== null && !isPublishStatus(status.toLowerCase())) problems.push(`medium_status "${status}" is not draft, unlisted or public; using ${defaults.status}.`);
	if (license !== null && !isLicense(license.toLowerCase())) problems.push(`medium_license "${license}" is not a Medium license; using ${defaults.license}.`);
	const s = status?.toLowerCase();
	const l = license?.toLowerCase();
	return {
		choice: {
			status: isPublishStatus(s) ? s : defaults.status,
			license: isLicense(l) ? l : defaults.license,
			notifyFollowers: defaults.notifyFollowers,
			publicationId: prop(props, "medium_publication") ?? defaults.publicationId,
		},
		problems,
	};
}
