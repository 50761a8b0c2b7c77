/**
 * Whether a note's properties keep it off its own site or off Medium: a garden or blog publishes only
 * what its flags let through (Quartz's and the blogs' `draft: true`, Jekyll's `published: false`, Obsidian
 * Publish's and Quartz's `publish: false`, Digital Garden's `dg-publish: false`), and `medium_publish: false` opts out of
 * Medium. Such a note can still be published by name, embedded or linked: the converter says so
 * (it never publishes text its writer marked as not ready without a word), and a link template
 * gives it no address (its site has no page for it).
 */

import type { Properties } from "../core/ports";

/** A flag that keeps a note off its site (or off Medium): the property and the value that does it. */
export interface OffSiteFlag {
	key: string;
	/** As the note would write it: `draft: true`. */
	written: string;
	/** Whether it opts the note out of Medium itself (not only out of its site). */
	medium: boolean;
}

/** The flags, in the order they are reported: the property and the value that keeps the note off. */
const FLAGS: ReadonlyArray<{ key: string; value: boolean; medium: boolean }> = [
	{ key: "medium_publish", value: false, medium: true },
	{ key: "draft", value: true, medium: false },
	{ key: "publish", value: false, medium: false },
	{ key: "published", value: false, medium: false },
	{ key: "dg-publish", value: false, medium: false },
];

/** A property holding `value` as YAML writes it (`true`, or the text `"true"` a hand-written note may quote). */
function holds(v: unknown, value: boolean): boolean {
	return v === value || (typeof v === "string" && v.trim().toLowerCase() === String(value));
}

/** The first flag that keeps the note off its site or off Medium, or null for a note free to go. */
export function offSiteFlag(props: Properties): OffSiteFlag | null {
	for (const f of FLAGS) {
		if (holds(props[f.key], f.value)) return { key: f.key, written: `${f.key}: ${String(f.value)}`, medium: f.medium };
	}
	return null;
}

/** What such a note is, for a warning: "marked draft: true (its site leaves it out)". */
export function offSiteText(flag: OffSiteFlag): string {
	return `marked ${flag.written} (${flag.medium ? "it opted out of Medium" : "its site leaves it out"})`;
}

/**
 * The 1-based line of the property `key` in a note's text (its frontmatter, up to `bodyLine`, 0-based),
 * or 1 when it is not written there on a line of its own (JSON frontmatter, a host's own properties).
 */
export function propertyLine(text: string, key: string, bodyLine: number): number {
	let start = 0;
	for (let line = 0; line < bodyLine && start < text.length; line++) {
		if (text.startsWith(key, start) && (text.charCodeAt(start + key.length) === 58 || text.charCodeAt(start + key.length) === 32)) return line + 1;
		const next = text.indexOf("\n", start);
		if (next === -1) break;
		start = next + 1;
	}
	return 1;
}
