/**
 * examples/github-actions/medium.yml, run the way GitHub Actions runs it: its shell steps in a blog
 * repository cloned from a (local, bare) remote, with medium-publish on the PATH (the built CLI) and the
 * fake Medium server behind MEDIUM_API_BASE. The run must publish the opted-in posts, then commit and
 * push the medium_url lines and the state file; a second run must send and commit nothing.
 */

import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import matter from "gray-matter";
import type { FakeMedium } from "./support/fake-medium-server";
import { buildGatsbyBlog, CLI, ROOT, runProgram } from "./support/gatsby-blog";
import { useFakeMedium } from "./support/use-fake-medium";

const WORKFLOW = path.join(ROOT, "examples", "github-actions", "medium.yml");

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	if?: string;
	env?: Record<string, string>;
	with?: Record<string, unknown>;
}
interface Workflow {
	on: { push: { branches: string[] } };
	permissions: Record<string, string>;
	env: Record<string, string>;
	jobs: { publish: { steps: Step[] } };
}

function readWorkflow(text: string): Workflow {
	return matter(`---\n${text}\n---\n`).data as Workflow;
}

let dir: string;
let fake: FakeMedium;
const fakeMedium = useFakeMedium();

function git(cwd: string, ...args: string[]): string {
	return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });
}

beforeEach(async () => {
	fake = fakeMedium();
	dir = await mkdtemp(path.join(tmpdir(), "mp-ci-"));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe("the GitHub Actions example", () => {
	test("publishes on push to main with the token from a repository secret, and commits the URLs and the state back", async () => {
		const text = await readFile(WORKFLOW, "utf8");
		const wf = readWorkflow(text);
		expect(wf.on.push.branches).toEqual(["main"]);
		expect(wf.permissions.contents).toBe("write");
		const steps = wf.jobs.publish.steps;
		const publish = steps.find((s) => s.run?.includes("medium-publish publish"));
		const commit = steps.find((s) => s.run?.includes("git push"));
		expect(publish?.env?.MEDIUM_TOKEN).toBe("${{ secrets.MEDIUM_TOKEN }}");
		expect(commit?.if).toBe("always()");
		expect(commit?.run).toContain(".medium-publisher/state.json");
		expect(text).not.toMatch(/MEDIUM_TOKEN:\s*[0-9a-f]{10,}/);

		// A blog repository with a remote, as actions/checkout leaves it.
		const remote = path.join(dir, "remote.git");
		const seed = path.join(dir, "seed");
		await buildGatsbyBlog(seed);
		git(dir, "init", "-q", "--bare", "-b", "main", remote);
		git(seed, "init", "-q", "-b", "main");
		git(seed, "add", "-A");
		git(seed, "commit", "-q", "-m", "blog");
		git(seed, "push", "-q", remote, "main");
		const work = path.join(dir, "checkout");
		git(dir, "clone", "-q", remote, work);

		// medium-publish on the PATH, as the install step leaves it.
		const bin = path.join(dir, "bin");
		await mkdir(bin);
		await writeFile(path.join(bin, "medium-publish"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
		await chmod(path.join(bin, "medium-publish"), 0o755);
		const PATH = `${bin}${path.delimiter}${process.env.PATH ?? ""}`;

		const runSteps = async () => {
			for (const step of steps) {
				if (!step.run || step.run.includes("npm install")) continue;
				const env: Record<string, string> = { PATH, HOME: dir, MEDIUM_API_BASE: fake.apiBase, ...wf.env };
				for (const [k, v] of Object.entries(step.env ?? {})) env[k] = v === "${{ secrets.MEDIUM_TOKEN }}" ? fake.token : v;
				const script = path.join(dir, "step.sh");
				await writeFile(script, step.run);
				// GitHub's default shell for run steps.
				const r = await runProgram("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], env, work);
				expect(r.stdout + r.stderr).not.toContain(fake.token);
				if (r.code !== 0) throw new Error(`step "${step.name ?? "?"}" exited ${r.code}: ${r.stderr}`);
			}
		};

		await runSteps();
		expect(fake.posts).toHaveLength(2);
		const urls = fake.posts.map((p) => String(p.response.url));
		const check = path.join(dir, "check");
		git(dir, "clone", "-q", remote, check);
		const first = await readFile(path.join(check, "content/blog/first-post/index.md"), "utf8");
		const second = await readFile(path.join(check, "content/blog/second-post/index.md"), "utf8");
		expect([first, second].map((t) => /medium_url: (\S+)/.exec(t)?.[1]).sort()).toEqual([...urls].sort());
		const state = JSON.parse(await readFile(path.join(check, ".medium-publisher/state.json"), "utf8")) as { records: Record<string, unknown> };
		expect(Object.keys(state.records).sort()).toEqual(["content/blog/first-post/index.md", "content/blog/second-post/index.md"]);
		expect(git(check, "log", "-1", "--format=%s")).toContain("[skip ci]");

		// The next push: nothing is sent, nothing is committed.
		const commits = git(work, "rev-list", "--count", "HEAD");
		await runSteps();
		expect(fake.posts).toHaveLength(2);
		expect(git(work, "rev-list", "--count", "HEAD")).toBe(commits);
	}, 30_000);
});
