/**
 * `medium-publish publish <folder|note>…`: publishes notes named directly, and the notes under named
 * folders that opt in with `medium_publish: true` (a Gatsby or Hugo blog, a vault folder). Notes already
 * on Medium are left alone; changed ones are reported (exit 3) and published again only with `--new`.
 */

import * as nodePath from "node:path";
import process from "node:process";
import { setTimeout as nodeSleep } from "node:timers/promises";
import { MediumClient } from "../../medium/medium-client";
import { isPublishStatus } from "../../publish/publish-settings";
import { CliError, EXIT, type CliIo } from "../cli-io";
import { inNoteOrder, printable, vaultWarning, warningLines } from "../cli-messages";
import { apiBaseFrom, CONVERSION_FLAGS, JSON_FLAG, NO_TOKEN_MESSAGE, tokenFrom, VAULT_FLAG } from "../cli-settings";
import { flagValue, type CliCommand } from "../command";
import { createNodeHttp } from "../node-http";
import { OPT_IN_PROPERTY, resolveRunNotes } from "../note-inputs";
import { leftOutOutcome, runPublishBatch, type BatchReport, type NoteOutcome } from "../publish-batch";
import { formatTable } from "../summary-table";
import { vaultBoundary } from "../node-vault";
import { writeUrlProperty } from "../note-writer";
import { lockNotesForPublish, openSharedState } from "../shared-state";
import { vaultDefaults } from "../single-note";

/** Where the command line keeps its image cache and publish records: beside the vault, out of Obsidian's sight. */
export function statePath(vaultRoot: string, env: CliIo["env"], cwd = process.cwd()): string {
	return env.MEDIUM_PUBLISHER_STATE ? nodePath.resolve(cwd, env.MEDIUM_PUBLISHER_STATE) : nodePath.join(vaultRoot, ".medium-publisher", "state.json");
}

/** A path as a shell argument: as is when it is plain, else in single quotes. */
function shellQuoted(path: string): string {
	return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.split("'").join("'\\''")}'`;
}

/** The RESULT column's words. */
function resultWords(o: NoteOutcome): string {
	switch (o.result) {
		case "published":
			return o.again ? "published again" : "published";
		case "would-publish":
			return o.again ? "would publish again" : "would publish";
		case "unchanged":
			return "unchanged";
		case "changed":
			return "changed, not published";
		case "no-record":
			return "on Medium (no record)";
		case "failed":
			return "failed";
		case "left-for-tomorrow":
			return "left for tomorrow";
		case "not-tried":
			return "not tried";
	}
}

/** The dry run's description of one request. */
function planText(o: NoteOutcome, withContent: boolean): string {
	const r = o.request;
	if (!r) return "";
	const b = r.body;
	const where = r.publicationId ? `the publication ${r.publicationId}` : "your profile";
	const tags = Array.isArray(b.tags) ? (b.tags as string[]).join(", ") : "(none)";
	const lines = [
		`Would create a ${String(b.publishStatus)} story on ${where} from ${printable(o.path)}${o.again ? " (again: it is on Medium already)" : ""}:`,
		`  Title: ${printable(String(b.title))}`,
		`  Tags: ${tags === "" ? "(none)" : printable(tags)}`,
		`  Canonical URL: ${typeof b.canonicalUrl === "string" ? b.canonicalUrl : "(none)"}`,
		`  License: ${String(b.license)}`,
		`  Notes inlined: ${r.embeddedNotes.length > 0 ? r.embeddedNotes.map(printable).join(", ") : "(none)"}`,
		`  Images to upload: ${r.images.length > 0 ? r.images.map((i) => printable(i.path) + (i.line === undefined ? "" : ` (line ${String(i.line)})`)).join(", ") : "(none)"}`,
	];
	if (withContent) lines.push(`----- content (${String(b.contentFormat)}) -----`, String(b.content).trimEnd(), "----- end of content -----");
	return lines.join("\n") + "\n";
}

/** The run's exit code: a failed note, then the daily limit, then a stopped run, then changed notes left alone. */
function exitCode(report: BatchReport): number {
	// A failed note wins over the daily limit: CI treats 4 as "the next run publishes the rest", and a
	// failure hidden behind it would never be looked at.
	if (report.outcomes.some((o) => o.result === "failed")) return EXIT.error;
	if (report.rateLimited) return EXIT.rateLimited;
	if (report.outcomes.some((o) => o.result === "not-tried")) return EXIT.error;
	if (report.outcomes.some((o) => o.result === "changed")) return EXIT.changed;
	return EXIT.ok;
}

export const publishCommand: CliCommand = {
	name: "publish",
	summary: "Publish notes, or the opted-in posts of a folder, to Medium (once each)",
	usage: "<folder|note.md>… [options]",
	description: `Publishes each note named, and each .md, .mdx or .qmd under each folder named whose properties say
${OPT_IN_PROPERTY}: true (node_modules, public, .git, .obsidian and hidden folders are skipped, and so
is a post its site leaves out, draft: true, published: false, publish: false or dg-publish: false,
unless named).
A note not on Medium yet is published and its story URL written into it (medium_url); a note
published and unchanged is left alone; a note changed since is reported and not published again
unless --new is given (Medium cannot update a story); --new on a folder publishes again only its
changed posts, a note named with --new is published again as it is. Notes that others link to go first, so those
links point to their new stories. Medium allows about 10 new stories a day: the run stops at the
limit and lists the notes left for the next run. A summary table ends the run.

The token comes from MEDIUM_TOKEN (not needed for --dry-run). Stories are drafts unless --status or
the note's medium_status says otherwise. Records of what was sent live in
<vault>/.medium-publisher/state.json (or MEDIUM_PUBLISHER_STATE): keep that file, in git for CI.

Exit codes: 0 done, 1 a note failed, 2 wrong usage, 3 a changed note was not published again,
4 Medium's daily limit stopped the run.`,
	positionals: { name: "folder or note", min: 1, max: Infinity },
	flags: [
		{ name: "dry-run", description: "Show the plan, the exact requests and the table; send nothing and change no file." },
		{ name: "new", description: "Publish notes already on Medium again, as new stories (Medium cannot update one): the changed posts of a folder, or the notes named." },
		{ name: "status", value: "STATUS", choices: ["draft", "unlisted", "public"], description: "draft, unlisted or public, over the notes' medium_status (default draft)." },
		{ name: "publication", value: "ID", description: "Publish into this Medium publication (its id) instead of your profile, over medium_publication." },
		{ name: "diff", description: "For a note changed since it was published, show what changed." },
		JSON_FLAG,
		VAULT_FLAG,
		...CONVERSION_FLAGS,
	],
	examples: [
		{ command: "medium-publish publish content/blog --dry-run --canonical-template 'https://blog.example/{slug}/'", explanation: "See what a Gatsby blog would publish, sending nothing" },
		{ command: "MEDIUM_TOKEN=… medium-publish publish content/blog --canonical-template 'https://blog.example/{slug}/'", explanation: "Publish the posts that opt in (medium_publish: true) as drafts" },
		{ command: "medium-publish publish Notes/Idea.md --status public", explanation: "Publish one note, publicly" },
		{ command: "medium-publish publish Notes/Idea.md --new --diff", explanation: "Publish a changed note again, as a new story" },
		{ command: "medium-publish publish content/blog --json > run.json", explanation: "One JSON document for scripts and CI" },
	],
	async run(args, io) {
		const apiBase = apiBaseFrom(io.env);
		const token = tokenFrom(io.env);
		const dryRun = args.flags.has("dry-run");
		if (!dryRun && token === "") throw new CliError(NO_TOKEN_MESSAGE);
		const status = flagValue(args, "status");
		const publication = flagValue(args, "publication");
		if (publication !== null && !/^[A-Za-z0-9_-]+$/.test(publication)) {
			throw new CliError(`--publication takes a publication id (letters and digits, like 1a2b3c4d5e6f), not "${printable(publication)}".`, EXIT.usage);
		}
		const json = args.flags.has("json");
		const { vault, notes, named, emptyFolders } = await resolveRunNotes(args.positionals, io.cwd, flagValue(args, "vault"), { folders: true, warn: vaultWarning(io) });
		for (const folder of emptyFolders) {
			const page = folder.folderPage === null ? "" : ` To publish ${printable(folder.folderPage)} without opting in, name it: medium-publish publish ${shellQuoted(printable(folder.folderPage))}`;
			io.stderr(`No note under ${printable(folder.written)} opts in: add "${OPT_IN_PROPERTY}: true" to the properties of the posts to publish.${page}\n`);
		}

		// One run per note at a time, across processes; the notes and the state are read under those locks
		// (so a run that comes second sees the story the first one created), and the state is saved merged.
		const stateFile = statePath(vault.root, io.env, io.cwd);
		// A note another run is publishing is left out (and reported as failed); the rest of the folder goes on.
		const locks = dryRun ? null : await lockNotesForPublish(stateFile, notes.map((path) => ({ path, abs: vault.toAbsPath(path) })));
		const busy = locks?.busy ?? new Map<string, string>();
		const runNotes = notes.filter((path) => !busy.has(path));
		let report: BatchReport;
		try {
			for (const path of runNotes) vault.forget(path);
			const shared = await openSharedState(stateFile);
			const boundary = await vaultBoundary(vault.root);
			const client = dryRun ? null : new MediumClient({ http: createNodeHttp(), token, apiBase, sleep: (ms) => nodeSleep(ms) });
			report = await runPublishBatch({
				vault,
				notes: runNotes,
				defaults: await vaultDefaults(args, vault),
				state: shared.state,
				saveState: () => shared.save(),
				stateFile: shared.filePath,
				writeUrl: (path, key, url) => writeUrlProperty(vault.toAbsPath(path), key, url, boundary),
				client,
				dryRun,
				allowNew: args.flags.has("new"),
				named,
				status: isPublishStatus(status) ? status : null,
				publication,
				token,
				onWarnings: (path, warnings) => io.stderr(warningLines(path, warnings)),
				onProgress: (text) => io.stderr(printable(text) + "\n"),
			});
		} finally {
			await locks?.release();
		}
		if (busy.size > 0) report.outcomes.unshift(...[...busy].map(([path, why]) => leftOutOutcome(path, why)));
		const code = exitCode(report);
		const { outcomes } = report;
		const left = outcomes.filter((o) => o.result === "left-for-tomorrow").map((o) => o.path);

		for (const o of outcomes) {
			if (o.result === "failed" || (o.result === "published" && o.error)) io.stderr(`${printable(o.path)}: ${o.error ?? "failed"}\n`);
		}
		const changedPaths = outcomes.filter((o) => o.result === "changed").map((o) => o.path);
		if (changedPaths.length > 0) {
			// The command names exactly these notes (as paths from here), ready to paste.
			const named = changedPaths.map((p) => shellQuoted(printable(nodePath.relative(io.cwd, vault.toAbsPath(p)) || p))).join(" ");
			const n = changedPaths.length;
			const what = n === 1 ? "1 note changed since it was published and was not published again; to publish it as a new story, name it with --new" : `${n} notes changed since they were published and were not published again; to publish them as new stories, name them with --new`;
			io.stderr(`${what}: medium-publish publish ${named} --new${args.flags.has("diff") ? "" : " (--diff shows the changes)"}\n`);
		}
		const keptOnNew = args.flags.has("new") ? outcomes.filter((o) => o.result === "unchanged" || o.result === "no-record").length : 0;
		if (keptOnNew > 0) {
			const which = keptOnNew === 1 ? "1 other post already on Medium was" : `${keptOnNew} other posts already on Medium were`;
			io.stderr(`--new on a folder publishes again only the posts that changed since they were published; ${which} left alone (name a note to publish it again as it is).\n`);
		}
		if (left.length > 0) {
			io.stderr(`Medium's limit of new stories per day was reached. Left for tomorrow: ${left.map(printable).join(", ")}\n`);
		}
		if (json) {
			const doc = {
				dryRun,
				vault: vault.root,
				notes: outcomes.map((o) => ({
					path: o.path,
					result: o.result,
					again: o.again,
					url: o.url,
					title: o.title,
					...(o.request ? { request: o.request } : {}),
					...(o.diff !== null && args.flags.has("diff") ? { diff: o.diff } : {}),
					...(o.error !== null ? { error: o.error } : {}),
					warnings: inNoteOrder(o.warnings),
				})),
				leftForTomorrow: left,
				exitCode: code,
			};
			io.stdout(JSON.stringify(doc, null, 2) + "\n");
			return code;
		}

		const planned = outcomes.filter((o) => o.request !== null);
		for (const o of planned) io.stdout(planText(o, planned.length === 1) + "\n");
		for (const o of outcomes) {
			if (o.result === "changed" && args.flags.has("diff") && o.diff) io.stdout(`${printable(o.path)}: ${o.error ?? ""}\n${o.diff}\n\n`);
		}
		if (outcomes.length > 0) {
			io.stdout(formatTable(outcomes.map((o) => ({ note: printable(o.path), result: resultWords(o), url: o.url ?? "" }))));
		}
		if (dryRun) io.stderr("Dry run: nothing was sent and no file was changed.\n");
		return code;
	},
};
