/**
 * The notices of a publish run, built with Obsidian's DOM helpers (never HTML strings): a progress notice
 * updated in place, a success notice that links to the story, failures that keep Medium's advice, and a
 * long notice for a URL that could not be written into the note. Every message that may come from an
 * error goes through `redactToken`, so the token cannot reach the screen.
 */

import { Notice } from "obsidian";
import { redactToken } from "../medium/medium-errors";
import { isWebUrl } from "../core/web-url";

/** Long enough to read a failure's advice, or to copy a URL. */
export const LONG_NOTICE_MS = 15_000;

/** A notice that stays while the run lasts and changes its text in place. */
export class ProgressNotice {
	private notice: Notice | null = null;

	/** Shows the text, or replaces the one shown. */
	set(text: string): void {
		if (this.notice) this.notice.setMessage(text);
		else this.notice = new Notice(text, 0);
	}

	/** Removes the notice (the run ended). */
	hide(): void {
		this.notice?.hide();
		this.notice = null;
	}
}

/** A fragment with a text and a link after it: the success notice, or a pending URL. */
export function textWithLink(text: string, url: string, after = ""): DocumentFragment {
	return createFragment((frag) => {
		frag.appendText(text);
		// Only a web address becomes a link; anything else (a `javascript:` URL from a server) stays text.
		if (isWebUrl(url)) frag.createEl("a", { text: url, href: url });
		else frag.appendText(url);
		if (after !== "") frag.appendText(after);
	});
}

/** A failure, in the error's own (user-facing) words, with the token removed if it was ever quoted. */
export function showFailure(error: unknown, token: string | null): void {
	const raw = error instanceof Error ? error.message : String(error);
	new Notice(redactToken(raw, token), LONG_NOTICE_MS);
}

/**
 * The "no token" failure with a button that opens the plugin's tab, or the plain message when the host
 * cannot open it (the settings API is not part of the public typings).
 */
export function showNoToken(message: string, openSettings: (() => boolean) | null): void {
	if (!openSettings) {
		new Notice(message, LONG_NOTICE_MS);
		return;
	}
	const notice = new Notice(
		createFragment((frag) => {
			frag.createDiv({ text: message });
			const button = frag.createEl("button", { text: "Open settings", cls: "medium-publisher-notice-button" });
			button.addEventListener("click", () => {
				if (openSettings()) notice.hide();
			});
		}),
		LONG_NOTICE_MS,
	);
}
