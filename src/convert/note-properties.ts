/**
 * Reading a note's properties as Obsidian and the blogs do: names in any case, scalars as text. Shared
 * by the note's own conversion and by links to it from other notes, so both read the same property.
 */

import type { Properties } from "../core/ports";

/** A property whose name is `key` in another case (`Tags`, `TAGS`: Obsidian reads property names in any case). */
export function anyCase(props: Properties, key: string): unknown {
	for (const k in props) if (k.toLowerCase() === key) return props[k];
	return undefined;
}

/** A property as a trimmed non-empty string (a number or date as text), or null. */
export function stringProperty(props: Properties, key: string): string | null {
	const v = props[key] ?? anyCase(props, key);
	if (typeof v === "string" && v.trim() !== "") return v.trim();
	if (typeof v === "number") return String(v);
	if (v instanceof Date) return dateText(v);
	return null;
}

/**
 * The note's own canonical URL: `canonical_url` (Jekyll SEO, Gatsby, Eleventy; any case), else
 * `canonicalURL` (Hugo's PaperMod, Astro), else `canonical` (Astro blogs, Hashnode's export), the key
 * those blogs already fill for the page a post came from.
 */
export function canonicalProperty(props: Properties): string | null {
	return stringProperty(props, "canonical_url") ?? stringProperty(props, "canonicalurl") ?? stringProperty(props, "canonical");
}

/**
 * A date a YAML parser read (the command line's gray-matter makes Dates; Obsidian keeps the text) as
 * text: `2024-01-02` for a day, else the ISO form. A dated title or tag is text on Medium, not skipped.
 */
export function dateText(date: Date): string | null {
	if (Number.isNaN(date.getTime())) return null;
	const iso = date.toISOString();
	return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}
