/**
 * `medium-publish`: the command line over the same core as the plugin, for folders of markdown, CI, and
 * anyone who wants to see the main job without Obsidian.
 *
 *   medium-publish convert <note.md> [--vault DIR] [--json] [--format markdown|html]
 *   medium-publish publish <note.md> [--vault DIR] [--status S] [--publication ID] [--new] [--dry-run] [--diff] [--json]
 *
 * Exit codes: 0 done, 1 error (the note is unchanged), 2 wrong usage, 3 already published.
 */

import { readFile, rename, stat, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import process from "node:process";
import { convertNote } from "../convert/convert-note";
import type { ConversionWarning } from "../convert/story";
import { storyToHtml } from "../html/story-html";
import { DEFAULT_API_BASE, MediumClient } from "../medium/medium-client";
import { redactToken } from "../medium/medium-errors";
import { formatDiff } from "../publish/content-diff";
import { DEFAULT_PUBLISH, isPublishStatus, type PublishDefaults } from "../publish/publish-settings";
import { Publisher, PublishError, type ExistingStory, type PublishPlan } from "../publish/publisher";
import { emptyState, normalizeState, type PublisherState } from "../publish/publisher-state";
import { guardHeadline } from "../publish/story-status";
import { setProperty } from "../publish/set-property";
import { JsonFileStore } from "./json-file-store";
import { createNodeHttp } from "./node-http";
import { findVaultRoot, openNodeVault, type NodeVault } from "./node-vault";

/** Where output goes; tests pass their own. */
export interface CliIo {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	env: Record<string, string | undefined>;
	cwd: string;
}

class UsageError extends Error {}

const USAGE = `Usage:
  medium-publish convert <note.md> [--vault DIR] [--json] [--format markdown|html]
  medium-publish publish <note.md> [--vault DIR] [--status draft|unlisted|public] [--publication ID]
                         [--new] [--dry-run] [--diff] [--json]
Both also take --canonical-template URL, --link-template URL (with {slug}, {path}, {title}) and
--url-property NAME (default medium_url).

publish reads the integration token from MEDIUM_TOKEN and the API base from MEDIUM_API_BASE
(default ${DEFAULT_API_BASE}). Exit codes: 0 done, 1 error, 2 usage, 3 already published.`;

interface Args {
	command: string;
	note: string;
	flags: Map<string, string | true>;
}

const FLAGS: Record<string, { value: boolean; commands: string[] }> = {
	vault: { value: true, commands: ["convert", "publish"] },
	json: { value: false, commands: ["convert", "publish"] },
	format: { value: true, commands: ["convert"] },
	status: { value: true, commands: ["publish"] },
	publication: { value: true, commands: ["publish"] },
	new: { value: false, commands: ["publish"] },
	"dry-run": { value: false, commands: ["publish"] },
	diff: { value: false, commands: ["publish"] },
	"canonical-template": { value: true, commands: ["convert", "publish"] },
	"link-template": { value: true, commands: ["convert", "publish"] },
	"url-property": { value: true, commands: ["convert", "publish"] },
};

/** The conversion choices the flags make (a blog's URL scheme, the property holding story URLs). */
function defaultsFrom(args: Args): PublishDefaults {
	const flag = (name: string) => {
		const v = args.flags.get(name);
		return typeof v === "string" ? v : null;
	};
	return {
		...DEFAULT_PUBLISH,
		canonicalTemplate: flag("canonical-template") ?? DEFAULT_PUBLISH.canonicalTemplate,
		linkTemplate: flag("link-template") ?? DEFAULT_PUBLISH.linkTemplate,
		urlProperty: flag("url-property") ?? DEFAULT_PUBLISH.urlProperty,
	};
}

function parseArgs(argv: string[]): Args {
	const [command, ...rest] = argv;
	if (command !== "convert" && command !== "publish") throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
	const flags = new Map<string, string | true>();
	const positional: string[] = [];
	for (let i = 0; i < rest.length; i++) {
		const a = rest[i];
		if (!a.startsWith("--") || a === "--") {
			positional.push(a);
			continue;
		}
		const eq = a.indexOf("=");
		const name = a.slice(2, eq === -1 ? undefined : eq);
		const spec = FLAGS[name];
		if (!spec || !spec.commands.includes(command)) throw new UsageError(`Unknown option --${name} for ${command}.`);
		if (spec.value) {
			const value = eq !== -1 ? a.slice(eq + 1) : rest[++i];
			if (value === undefined || value === "") throw new UsageError(`--${name} needs a value.`);
			flags.set(name, value);
		} else {
			if (eq !== -1) throw new UsageError(`--${name} takes no value.`);
			flags.set(name, true);
		}
	}
	if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "No note given." : "Give exactly one note.");
	const format = flags.get("format");
	if (format !== undefined && format !== "markdown" && format !== "html") throw new UsageError(`--format is markdown or html, not "${String(format)}".`);
	const status = flags.get("status");
	if (status !== undefined && !isPublishStatus(status)) throw new UsageError(`--status is draft, unlisted or public, not "${String(status)}".`);
	return { command, note: positional[0], flags };
}

/** A note opened from the command line: its vault, its vault path, its text and properties. */
interface OpenedNote {
	vault: NodeVault;
	absPath: string;
	path: string;
	text: string;
	properties: Record<string, unknown>;
}

/** Whether a path is a file (false when it is missing or a folder). */
async function isFile(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

async function openNote(args: Args, io: CliIo): Promise<OpenedNote> {
	const vaultFlag = args.flags.get("vault");
	let absPath = nodePath.resolve(io.cwd, args.note);
	// With --vault, a note may also be named by its path inside the vault.
	if (!(await isFile(absPath)) && typeof vaultFlag === "string") {
		const inVault = nodePath.resolve(io.cwd, vaultFlag, args.note);
		if (await isFile(inVault)) absPath = inVault;
	}
	if (!(await isFile(absPath))) {
		let exists = false;
		try {
			await stat(absPath);
			exists = true;
		} catch {
			// missing
		}
		throw new Error(exists ? `Not a file: ${args.note}` : `Note not found: ${args.note}`);
	}
	const root = typeof vaultFlag === "string" ? nodePath.resolve(io.cwd, vaultFlag) : findVaultRoot(absPath);
	const rel = nodePath.relative(root, absPath);
	if (rel.startsWith("..") || nodePath.isAbsolute(rel)) throw new Error(`The note ${args.note} is not inside the vault ${root}.`);
	const vault = await openNodeVault(root);
	const path = vault.toVaultPath(absPath);
	const file = await vault.readNote(path);
	if (!file) throw new Error(`Cannot read the note ${args.note}.`);
	return { vault, absPath, path, text: file.text, properties: file.properties };
}

function warningLines(path: string, warnings: readonly ConversionWarning[]): string {
	return warnings.map((w) => `${path}:${w.line}: warning: ${w.message} [${w.code}]\n`).join("");
}

async function runConvert(args: Args, io: CliIo): Promise<number> {
	const note = await openNote(args, io);
	const d = defaultsFrom(args);
	const story = await convertNote(note, note.vault, { urlProperty: d.urlProperty, linkTemplate: d.linkTemplate, canonicalTemplate: d.canonicalTemplate });
	const html = args.flags.get("format") === "html";
	const content = html ? storyToHtml(story.content) : story.content;
	io.stderr(warningLines(note.path, story.warnings));
	if (args.flags.has("json")) {
		io.stdout(
			JSON.stringify(
				{
					title: story.title,
					content,
					contentFormat: html ? "html" : "markdown",
					tags: story.tags,
					canonicalUrl: story.canonicalUrl,
					images: story.images.map((i) => ({ path: i.path, alt: i.alt })),
					warnings: story.warnings,
				},
				null,
				2,
			) + "\n",
		);
	} else io.stdout(content.endsWith("\n") ? content : content + "\n");
	return 0;
}

/** Where the CLI keeps its image cache and publish records: beside the vault, out of Obsidian's sight. */
export function statePath(vaultRoot: string, env: CliIo["env"]): string {
	return env.MEDIUM_PUBLISHER_STATE ? nodePath.resolve(env.MEDIUM_PUBLISHER_STATE) : nodePath.join(vaultRoot, ".medium-publisher", "state.json");
}

/** Writes one property into the note file, re-reading it first so edits made meanwhile are kept. */
async function writeProperty(absPath: string, key: string, value: string): Promise<void> {
	const text = await readFile(absPath, "utf8");
	const next = setProperty(text, key, value);
	const tmp = `${absPath}.${process.pid}.tmp`;
	await writeFile(tmp, next, "utf8");
	await rename(tmp, absPath);
}

/** The guard's status line, worded exactly as the plugin's re-publish dialog words it, plus the URL. */
function describeExisting(existing: ExistingStory): string {
	return `${guardHeadline(existing)}: ${existing.url}`;
}

function dryRunText(plan: PublishPlan): string {
	const s = plan.story;
	const where = plan.choice.publicationId ? `publication ${plan.choice.publicationId}` : "your profile";
	const lines = [
		`Would create a ${plan.choice.status} story on ${where} (dry run: nothing is sent).`,
		`Title: ${s.title}`,
		`Tags: ${s.tags.length > 0 ? s.tags.join(", ") : "(none)"}`,
		`Canonical URL: ${s.canonicalUrl ?? "(none)"}`,
		`License: ${plan.choice.license}`,
		`Embedded notes: ${s.embeddedNotes.length > 0 ? s.embeddedNotes.join(", ") : "(none)"}`,
		`Images to upload: ${s.images.length > 0 ? s.images.map((i) => i.path).join(", ") : "(none)"}`,
		"----- content (markdown) -----",
		s.content.trimEnd(),
		"----- end of content -----",
	];
	return lines.join("\n") + "\n";
}

async function runPublish(args: Args, io: CliIo): Promise<number> {
	const note = await openNote(args, io);
	const token = (io.env.MEDIUM_TOKEN ?? "").trim();
	const defaults = defaultsFrom(args);
	const store = new JsonFileStore<PublisherState>(statePath(note.vault.root, io.env));
	const state = normalizeState((await store.load()) ?? emptyState());
	const client = token ? new MediumClient({ http: createNodeHttp(), token, apiBase: io.env.MEDIUM_API_BASE || DEFAULT_API_BASE }) : null;
	const publisher = new Publisher(
		{
			vault: note.vault,
			client: () => client,
			saveState: () => store.save(state),
			writeUrl: (_path, key, url) => writeProperty(note.absPath, key, url),
		},
		state,
	);
	const plan = await publisher.plan(note, defaults);
	const status = args.flags.get("status");
	if (typeof status === "string" && isPublishStatus(status)) plan.choice.status = status;
	const publication = args.flags.get("publication");
	if (typeof publication === "string") plan.choice.publicationId = publication;
	io.stderr(warningLines(note.path, plan.warnings));

	const allowRepublish = args.flags.has("new");
	if (plan.existing && !allowRepublish) {
		io.stdout(describeExisting(plan.existing) + "\n");
		if (args.flags.has("diff") && plan.existing.diff) io.stdout(formatDiff(plan.existing.diff) + "\n");
		io.stderr("Not published again: add --new to publish it as a new story (Medium cannot update a story).\n");
		return 3;
	}
	if (args.flags.has("dry-run")) {
		io.stdout(args.flags.has("json") ? JSON.stringify(dryRunPayload(plan), null, 2) + "\n" : dryRunText(plan));
		return 0;
	}
	if (!client) throw new PublishError("no-token", "No Medium integration token: set MEDIUM_TOKEN (Medium no longer issues new tokens; without one, use `convert --format html` and paste into Medium's editor).");
	const result = await publisher.publish(plan, {
		allowRepublish,
		onProgress: (p) => {
			if (p.phase === "images") io.stderr(`Uploading images ${p.done}/${p.total}\n`);
		},
	});
	const extra = result.warnings.slice(plan.warnings.length);
	io.stderr(warningLines(note.path, extra));
	if (!result.urlWritten) io.stderr(`The story was created, but its URL could not be written into the note (${result.urlError ?? "unknown error"}). It is kept in ${statePath(note.vault.root, io.env)}.\n`);
	if (args.flags.has("json")) io.stdout(JSON.stringify({ id: result.post.id, url: result.post.url, status: result.post.publishStatus, uploaded: result.uploaded, reused: result.reused }) + "\n");
	io.stdout(result.post.url + "\n");
	return 0;
}

/** The request `publish` would send, for `--dry-run --json`. */
function dryRunPayload(plan: PublishPlan): unknown {
	const s = plan.story;
	return {
		publicationId: plan.choice.publicationId || null,
		images: s.images.map((i) => ({ path: i.path, alt: i.alt })),
		body: {
			title: s.title,
			contentFormat: "markdown",
			content: s.content,
			tags: s.tags,
			...(s.canonicalUrl ? { canonicalUrl: s.canonicalUrl } : {}),
			publishStatus: plan.choice.status,
			license: plan.choice.license,
			notifyFollowers: plan.choice.notifyFollowers,
		},
		warnings: plan.warnings,
	};
}

/** Runs the command line; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
	if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
		(argv.length === 0 ? io.stderr : io.stdout)(USAGE + "\n");
		return argv.length === 0 ? 2 : 0;
	}
	let args: Args;
	try {
		args = parseArgs(argv);
	} catch (e) {
		io.stderr(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
		return 2;
	}
	try {
		return args.command === "convert" ? await runConvert(args, io) : await runPublish(args, io);
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		io.stderr(`Error: ${redactToken(message, io.env.MEDIUM_TOKEN)}\n`);
		if (e instanceof PublishError && e.kind === "already-published") return 3;
		return 1;
	}
}

if (require.main === module) {
	void runCli(process.argv.slice(2), {
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t),
		env: process.env,
		cwd: process.cwd(),
	}).then((code) => {
		process.exitCode = code;
	});
}
