/**
 * End to end, judged by what Medium would show: the command line publishes a note over real HTTP to the
 * fake Medium, which imports the content the way Medium does; the assertions are on that paragraph list,
 * not on strings of our own output. The note is the one from the issue: a title then a `##` section, two
 * lines, a deep heading, a callout, a fenced code block, a captioned image, a nested list with an image in
 * an item, a table, a footnote and a web embed.
 */

import { mkdir, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { DEFAULT_CONFIG_DIR } from "../src/cli/node-vault";
import { useCliFixture } from "./support/cli-fixture";
import type { FakeMedium } from "./support/fake-medium-server";
import type { MediumParagraph } from "./support/medium-importer";
import { expectIssueNoteShown, ISSUE_NOTE } from "./support/issue-note";
import { runCli, type Run } from "./support/run-cli";

/** A valid 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");


const cli = useCliFixture("mp-shows-");
let fake: FakeMedium;
let dir: string;

beforeEach(() => {
	fake = cli.fake();
	dir = cli.dir();
});

/** A vault with the note and its image; `app` is `.obsidian/app.json` (null: no `.obsidian` at all). */
async function makeVault(app: Record<string, unknown> | null): Promise<string> {
	const vault = path.join(dir, "vault");
	await mkdir(path.join(vault, "attachments"), { recursive: true });
	if (app !== null) {
		await mkdir(path.join(vault, DEFAULT_CONFIG_DIR), { recursive: true });
		await writeFile(path.join(vault, DEFAULT_CONFIG_DIR, "app.json"), JSON.stringify(app));
	}
	await writeFile(path.join(vault, "Ice walks.md"), ISSUE_NOTE);
	await writeFile(path.join(vault, "attachments", "lake.png"), PNG);
	return vault;
}

function publish(vault: string): Promise<Run> {
	return runCli(["publish", path.join(vault, "Ice walks.md"), "--vault", vault], cli.env(), dir);
}

async function shown(app: Record<string, unknown> | null): Promise<MediumParagraph[]> {
	const r = await publish(await makeVault(app));
	expect(r.stderr).not.toContain(fake.token);
	expect(r.code).toBe(0);
	expect(fake.posts).toHaveLength(1);
	return fake.storyParagraphs(String(fake.posts[0].response.id));
}

test("the issue's note lands on Medium the way Obsidian shows it", async () => {
	const story = await shown({});
	expect(fake.images).toHaveLength(1);
	expectIssueNoteShown(story, fake.images[0].url);
});

test("a vault with Strict line breaks on joins the two lines", async () => {
	const story = await shown({ strictLineBreaks: true });
	expect(story[2]).toMatchObject({ type: "P", text: "First line second line" });
});

test("a folder that is not an Obsidian vault follows standard markdown: the lines join", async () => {
	const story = await shown(null);
	expect(story.find((p) => p.text.startsWith("First line"))).toMatchObject({ type: "P", text: "First line second line" });
});
