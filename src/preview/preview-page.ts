/**
 * The command line's preview page: the preview tree (preview-layout.ts) as one self-contained HTML file
 * with the plugin's own preview stylesheet inline. No script, no external stylesheet or font: the only
 * thing a browser may fetch is a remote image the note itself links (local images arrive as data URLs).
 */

import { escapeHtml } from "../html/escape-html";
import { PREVIEW_CLASS } from "./preview-layout";
import { previewToHtml, type PreviewElement } from "./preview-tree";

const START = `/* ${PREVIEW_CLASS}:start */`;
const END = `/* ${PREVIEW_CLASS}:end */`;

/**
 * The preview's section of styles.css (between its start and end markers): the one source of the
 * preview's look, shared by the plugin and the page. Throws when the markers are missing, so a broken
 * stylesheet fails the build's tests rather than shipping an unstyled page.
 */
export function previewStylesheet(stylesheet: string): string {
	const start = stylesheet.indexOf(START);
	const end = stylesheet.indexOf(END, start + START.length);
	if (start === -1 || end === -1) throw new Error(`styles.css has no ${PREVIEW_CLASS} section`);
	return stylesheet.slice(start + START.length, end).trim();
}

/**
 * Light values for the Obsidian theme variables the preview stylesheet uses, close to Medium's own
 * colours: the page has no Obsidian theme to take them from.
 */
export const PAGE_THEME = `:root {
	--background-primary: #ffffff;
	--background-modifier-border: #e6e6e6;
	--code-background: #f2f2f2;
	--text-normal: #242424;
	--text-muted: #6b6b6b;
	--text-warning: #b85c00;
}
html, body { margin: 0; padding: 0; background: #ffffff; }`;

/** Choices for {@link previewPage}. */
export interface PreviewPageOptions {
	/** The page's title (the story's title). */
	title: string;
	/** The preview section of styles.css ({@link previewStylesheet}). */
	stylesheet: string;
}

/** The whole page: doctype, inline styles, the preview, and nothing that runs. */
export function previewPage(tree: PreviewElement, options: PreviewPageOptions): string {
	return [
		"<!doctype html>",
		"<html lang=\"en\">",
		"<head>",
		"<meta charset=\"utf-8\">",
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
		// No script may run and nothing but images may load, whatever the page holds.
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'\">",
		"<meta name=\"referrer\" content=\"no-referrer\">",
		`<title>${escapeHtml(options.title)} \u00b7 Medium preview</title>`,
		// `</` cannot end the style element early: the stylesheet is ours, but stay safe.
		`<style>\n${PAGE_THEME}\n${options.stylesheet.split("</").join("<\\/")}\n</style>`,
		"</head>",
		"<body>",
		previewToHtml(tree),
		"</body>",
		"</html>",
		"",
	].join("\n");
}
