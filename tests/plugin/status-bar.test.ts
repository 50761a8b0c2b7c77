/**
 * The status bar item: empty for never-published notes, the story's status after a publish, "changed"
 * after an edit, recomputed once per pause (debounced) rather than per keystroke, never on mobile, and
 * opening the guard when clicked.
 */

import MediumPublisherPlugin from "../../src/plugin/medium-publisher-plugin";
import { STATUS_DEBOUNCE_MS } from "../../src/plugin/status-bar";
import { Platform, openModals, requestLog, resetStub, waitFor, type App, type StubElement } from "../support/obsidian-stub";
import type { FakeMedium } from "../support/fake-medium-server";
import { useFakeMedium } from "../support/use-fake-medium";
import { MANIFEST, NOTE, startPlugin, type Started } from "../support/plugin-harness";

const fakeMedium = useFakeMedium({ beforeEach: resetStub });
let fake: FakeMedium;
beforeEach(() => {
	fake = fakeMedium();
});

function start(): Promise<Started<MediumPublisherPlugin>> {
	return startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token: fake.token, settings: { confirmBeforePublish: false } });
}

async function publish(s: Started<MediumPublisherPlugin>): Promise<void> {
	s.app.runCommand(`${MANIFEST.id}:publish-current-note`);
	await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the publish run");
}

/** Replaces the note's last line (whatever it is now) with another. */
async function edit(app: App, lastLine: string): Promise<void> {
	const lines = app.vault.textOf(NOTE).trimEnd().split("\n");
	lines[lines.length - 1] = lastLine;
	await app.vault.modify(app.vault.getFileByPath(NOTE)!, lines.join("\n") + "\n");
}

test("empty before publishing, then the status, then changed after an edit", async () => {
	const s = await start();
	const bar = s.plugin.statusBar!;
	expect(s.app.statusBarItems).toEqual([bar.el]);
	expect(await bar.refresh()).toBe("");
	expect(bar.el.getText()).toBe("");

	await publish(s);
	await waitFor(() => bar.el.getText() === "Medium: draft", "the draft status");
	expect(bar.el.hasClass("mod-clickable")).toBe(true);

	await edit(s.app, "A different ending.");
	expect(await bar.refresh()).toBe("Medium: draft \u00b7 changed");
	// Back to what was sent: no longer changed.
	await edit(s.app, "The end.");
	expect(await bar.refresh()).toBe("Medium: draft");
	expect(fake.requests.filter((r) => r.route !== null).length).toBe(3);
});

test("no network and no work per keystroke: modifications are debounced", async () => {
	const s = await start();
	await publish(s);
	const bar = s.plugin.statusBar!;
	const requests = requestLog.length;
	const textFor = jest.spyOn(bar, "textFor");
	jest.useFakeTimers();
	try {
		for (const c of ["a", "ab", "abc", "abcd", "abcde"]) {
			await edit(s.app, c);
			jest.advanceTimersByTime(100);
		}
		expect(textFor).not.toHaveBeenCalled();
		jest.advanceTimersByTime(STATUS_DEBOUNCE_MS);
		// modify and the metadata cache's changed event both land in the same debounced call.
		expect(textFor).toHaveBeenCalledTimes(1);
	} finally {
		jest.useRealTimers();
	}
	await waitFor(() => bar.el.getText() === "Medium: draft \u00b7 changed", "the changed status");
	expect(requestLog.length).toBe(requests);
});

test("edits to another note do not recompute", async () => {
	const s = await start();
	const bar = s.plugin.statusBar!;
	const schedule = jest.spyOn(bar, "textFor");
	jest.useFakeTimers();
	try {
		await s.app.vault.modify(s.file("Background.md"), "# Background\n\nEdited.\n");
		jest.advanceTimersByTime(STATUS_DEBOUNCE_MS * 2);
		expect(schedule).not.toHaveBeenCalled();
	} finally {
		jest.useRealTimers();
	}
});

test("clicking the item opens the guard for a published note, and does nothing otherwise", async () => {
	const s = await start();
	const bar = s.plugin.statusBar!;
	await bar.refresh();
	await (bar.el as unknown as StubElement).click();
	expect(openModals).toHaveLength(0);

	await publish(s);
	await bar.refresh();
	await (bar.el as unknown as StubElement).click();
	const modal = await waitFor(() => openModals[0], "the guard");
	expect(modal.titleEl.getText()).toMatch(/^Unchanged since it was published on /);
	modal.close();
	await waitFor(() => !s.plugin.publisher.isBusy(NOTE), "the guard to close");
});

test("no status bar on mobile", async () => {
	Platform.isMobile = true;
	const s = await start();
	expect(s.plugin.statusBar).toBeNull();
	expect(s.app.statusBarItems).toHaveLength(0);
});
