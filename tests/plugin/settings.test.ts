/**
 * Settings and the settings tab: what reaches data.json (never the token), the secret picked by name,
 * the "Check token" and "Refresh" buttons against the fake Medium server, one client per token, no
 * request while typing, and the pending URLs list.
 */

import MediumPublisherPlugin from "../../src/plugin/medium-publisher-plugin";
import { DEFAULT_SETTINGS, pluginDataToSave, readPluginData, readSettings } from "../../src/plugin/plugin-settings";
import type { MediumSettingTab } from "../../src/plugin/settings-tab";
import { emptyState } from "../../src/publish/publisher-state";
import {
	DropdownComponent,
	SecretComponent,
	TextComponent,
	ToggleComponent,
	apiVersion,
	buttonIn,
	clipboardWrites,
	componentIn,
	requestLog,
	resetStub,
	waitFor,
	type PluginSettingTab as StubSettingTab,
	type Setting as StubSetting,
} from "../support/obsidian-stub";
import type { FakeMedium } from "../support/fake-medium-server";
import { useFakeMedium } from "../support/use-fake-medium";
import { startPlugin, type Started } from "../support/plugin-harness";

const fakeMedium = useFakeMedium({ beforeEach: resetStub });
let fake: FakeMedium;
beforeEach(() => {
	fake = fakeMedium();
});

function start(opts: { token?: string | null; settings?: Record<string, unknown>; state?: unknown } = {}): Promise<Started<MediumPublisherPlugin>> {
	return startPlugin(MediumPublisherPlugin, { apiBase: fake.apiBase, token: opts.token === undefined ? fake.token : opts.token, settings: opts.settings, state: opts.state });
}

function tabOf(s: Started<MediumPublisherPlugin>): MediumSettingTab {
	const tab = s.app.settingTabs[0] as unknown as MediumSettingTab;
	tab.draw();
	return tab;
}

/** The stand-in's view of the tab (its test helpers) over the real tab object. */
function stubTab(tab: MediumSettingTab): StubSettingTab {
	return tab as unknown as StubSettingTab;
}

function rowOf(tab: MediumSettingTab, name: string): StubSetting {
	return stubTab(tab).row(name);
}

describe("plugin data", () => {
	test("defaults on first run; only the secret's name, never a token key", () => {
		const data = readPluginData(null);
		expect(data.settings).toEqual(DEFAULT_SETTINGS);
		expect(data.settings.tokenSecret).toBe("medium-token");
		expect(data.settings.status).toBe("draft");
		expect(data.settings.urlProperty).toBe("medium_url");
		expect(data.settings.confirmBeforePublish).toBe(true);
		expect(data.state).toEqual(emptyState());
	});

	test("an old token key, unknown keys and wrong types are dropped on the next save", () => {
		const raw = { settings: { token: "secret-token-value", status: "loud", license: "cc-40-by", tokenSecret: "  ", extra: 1, publications: [{ id: "p", name: "P" }, { nope: true }] } };
		const { settings, state } = readPluginData(raw);
		expect(settings.status).toBe("draft");
		expect(settings.license).toBe("cc-40-by");
		expect(settings.tokenSecret).toBe("medium-token");
		expect(settings.publications).toEqual([{ id: "p", name: "P", url: "" }]);
		const json = JSON.stringify(pluginDataToSave({ ...settings, token: "secret-token-value" } as never, state));
		expect(json).not.toContain("secret-token-value");
		expect(json).not.toContain("\"token\"");
		expect(Object.keys(readSettings(settings)).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
	});

	test("saving from the plugin never writes the token, only the secret's name", async () => {
		const s = await start({ settings: { token: "legacy-token-in-data" } });
		await s.plugin.saveAll();
		const saved = s.app.savedJson[s.app.savedJson.length - 1];
		expect(saved).not.toContain(fake.token);
		expect(saved).not.toContain("legacy-token-in-data");
		expect((JSON.parse(saved) as { settings: { tokenSecret: string } }).settings.tokenSecret).toBe("medium-token");
	});
});

describe("the token", () => {
	test("the secret component picks a name; the token is read from secret storage", async () => {
		const s = await start({ token: null });
		s.app.secretStorage.setSecret("work-medium", fake.token);
		const tab = tabOf(s);
		const secret = componentIn(rowOf(tab, "Integration token").controlEl, SecretComponent);
		expect(secret.getValue()).toBe("medium-token");
		expect(s.plugin.getClient()).toBeNull();
		await secret.choose("work-medium");
		expect(s.plugin.settings.tokenSecret).toBe("work-medium");
		await waitFor(() => s.app.savedJson.length > 0, "a save");
		const saved = s.app.savedJson[s.app.savedJson.length - 1];
		expect((JSON.parse(saved) as { settings: { tokenSecret: string } }).settings.tokenSecret).toBe("work-medium");
		expect(saved).not.toContain(fake.token);
		expect(s.plugin.getClient()).not.toBeNull();
	});

	test("Check token: connected as @username", async () => {
		const s = await start();
		const tab = tabOf(s);
		const row = rowOf(tab, "Check token");
		await buttonIn(row.controlEl, "Check token").click();
		expect(row.descEl.textContent).toContain("Connected as @fakewriter");
		expect(fake.requestsTo("me")).toHaveLength(1);
	});

	test("Check token: the client's precise message on 401, without the token", async () => {
		const bad = "f".repeat(64);
		const s = await start({ token: bad });
		const tab = tabOf(s);
		const row = rowOf(tab, "Check token");
		await buttonIn(row.controlEl, "Check token").click();
		expect(row.descEl.textContent).toContain("Medium rejected the integration token (invalid or revoked)");
		expect(row.descEl.textContent).not.toContain(bad);
	});

	test("Check token without a token says what to do, and sends nothing", async () => {
		const s = await start({ token: null });
		expect(await tabOf(s).checkToken()).toMatch(/^No token/);
		expect(requestLog).toHaveLength(0);
	});

	test("one client per token: GET /me once, again only after the secret's value changes", async () => {
		const s = await start();
		const client = s.plugin.getClient();
		const tab = tabOf(s);
		await tab.checkToken();
		await tab.checkToken();
		await tab.refreshPublications();
		expect(s.plugin.getClient()).toBe(client);
		expect(fake.requestsTo("me")).toHaveLength(1);
		s.app.secretStorage.setSecret("medium-token", "e".repeat(64));
		expect(await tab.checkToken()).toMatch(/rejected the integration token/);
		expect(fake.requestsTo("me")).toHaveLength(2);
		s.app.secretStorage.setSecret("medium-token", fake.token);
		expect(await tab.checkToken()).toBe("Connected as @fakewriter");
		expect(fake.requestsTo("me")).toHaveLength(3);
	});
});

describe("where to publish", () => {
	test("Refresh lists the publications into the dropdown; the profile stays first", async () => {
		const s = await start();
		const tab = tabOf(s);
		await buttonIn(rowOf(tab, "Destination").controlEl, "Refresh").click();
		expect(s.plugin.settings.publications.map((p) => p.name)).toEqual(["Edited Journal", "Writers Room"]);
		const dropdown = componentIn(rowOf(tab, "Destination").controlEl, DropdownComponent);
		expect(dropdown.options()).toEqual([["", "Your profile"], ["b969ac62a46b", "Edited Journal"], ["b45573563f5a", "Writers Room"]]);
		expect(rowOf(tab, "Destination").descEl.textContent).toContain("Found 2 publications.");
		await dropdown.userSets("b45573563f5a");
		expect(s.plugin.settings.publicationId).toBe("b45573563f5a");
		await waitFor(() => s.app.savedJson.some((j) => j.includes("\"publicationId\": \"b45573563f5a\"")), "the choice to be saved");
	});

	test("a token without the publications scope: says so and keeps the profile", async () => {
		const s = await start();
		fake.setPublicationsScope(false);
		const tab = tabOf(s);
		await buttonIn(rowOf(tab, "Destination").controlEl, "Refresh").click();
		const text = rowOf(tab, "Destination").descEl.textContent;
		expect(text).toContain("may not list publications (the permission scope is missing)");
		expect(text).toContain("You can still publish to your profile");
		expect(s.plugin.settings.publicationId).toBe("");
		expect(componentIn(rowOf(tab, "Destination").controlEl, DropdownComponent).options()).toEqual([["", "Your profile"]]);
	});
});

describe("the tab", () => {
	test("headings, all the rows, no 'settings' in headings; the 1.13 definitions mirror them", async () => {
		const s = await start();
		const tab = tabOf(s);
		const rows = stubTab(tab).rows();
		const headings = rows.filter((r) => r.heading).map((r) => r.nameEl.textContent);
		expect(headings).toEqual(["Account", "Where to publish", "New stories", "Notes and links"]);
		for (const h of headings) expect(h).not.toMatch(/settings|options|general/i);
		const names = rows.filter((r) => !r.heading).map((r) => r.nameEl.textContent);
		expect(names).toEqual([
			"Integration token",
			"Check token",
			"Destination",
			"Status",
			"License",
			"Notify followers",
			"Confirm before publishing",
			"URL property",
			"Canonical URL template",
			"Links to unpublished notes",
		]);
		const defs = tab.getSettingDefinitions() as Array<{ heading: string; items: Array<{ name: string }> }>;
		expect(defs.map((d) => d.heading)).toEqual(headings);
		expect(defs.flatMap((d) => d.items.map((i) => i.name))).toEqual(names);
	});

	test("defaults: status and the nine licenses; changes are saved; typing sends no request", async () => {
		const s = await start();
		const tab = tabOf(s);
		const status = componentIn(rowOf(tab, "Status").controlEl, DropdownComponent);
		expect(status.options().map(([v]) => v)).toEqual(["draft", "unlisted", "public"]);
		const license = componentIn(rowOf(tab, "License").controlEl, DropdownComponent);
		expect(license.options()).toHaveLength(9);
		await license.userSets("cc-40-by-sa");
		await componentIn(rowOf(tab, "Notify followers").controlEl, ToggleComponent).userSets(true);
		await componentIn(rowOf(tab, "Confirm before publishing").controlEl, ToggleComponent).userSets(false);
		const canonical = componentIn(rowOf(tab, "Canonical URL template").controlEl, TextComponent);
		for (const partial of ["h", "ht", "https://example.com/blog/{slug}"]) await canonical.userSets(partial);
		await componentIn(rowOf(tab, "URL property").controlEl, TextComponent).userSets(" story_url ");
		await componentIn(rowOf(tab, "Links to unpublished notes").controlEl, TextComponent).userSets("https://example.com/n/{slug}");
		expect(s.plugin.settings).toMatchObject({
			license: "cc-40-by-sa",
			notifyFollowers: true,
			confirmBeforePublish: false,
			canonicalTemplate: "https://example.com/blog/{slug}",
			urlProperty: "story_url",
			linkTemplate: "https://example.com/n/{slug}",
		});
		await waitFor(() => s.app.savedJson.some((j) => j.includes("story_url")), "the settings to be saved");
		expect(requestLog).toHaveLength(0);
		expect(fake.requests).toHaveLength(0);
	});

	test("pending URLs are listed with a copy button, and can be dismissed", async () => {
		const pending = { notePath: "Gone.md", url: "https://medium.com/p/pending-1", createdAt: "2025-01-01T00:00:00Z", reason: "The note was locked." };
		const s = await start({ state: { pendingUrls: [pending] } });
		const tab = tabOf(s);
		const row = rowOf(tab, pending.url);
		expect(row.descEl.textContent).toContain("Gone.md");
		await buttonIn(row.controlEl, "Copy").click();
		expect(clipboardWrites[clipboardWrites.length - 1].data["text/plain"]).toBe(pending.url);
		await buttonIn(row.controlEl, "Dismiss").click();
		expect(s.plugin.state.pendingUrls).toEqual([]);
		expect(() => rowOf(tab, pending.url)).toThrow(/No setting named/);
	});

	test("on Obsidian 1.13+ a change of rows goes through update()", async () => {
		const s = await start();
		apiVersion.current = "1.13.1";
		const tab = tabOf(s);
		tab.refresh();
		expect((tab as unknown as { settingItems: unknown[] }).settingItems).toHaveLength(4);
	});
});
