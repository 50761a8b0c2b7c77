/**
 * The Gatsby case, end to end through the built command line: a blog repository (posts in
 * content/blog/<slug>/index.md, images beside them and under static/, .git, package.json) built in a
 * temporary folder, published to the fake Medium server over real HTTP.
 */

import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { useCliFixture } from "./support/cli-fixture";
import type { FakeMedium } from "./support/fake-medium-server";
import { buildGatsbyBlog, FIRST_POST as FIRST, runCliBuilt as run } from "./support/gatsby-blog";

const CANONICAL = "https://blog.example/{slug}/";

let dir: string;
let blog: string;
let fake: FakeMedium;
const cli = useCliFixture("mp-blog-");
const env = cli.env;

beforeEach(async () => {
	fake = cli.fake();
	dir = cli.dir();
	blog = path.join(dir, "my blog");
	await buildGatsbyBlog(blog);
	await mkdir(path.join(blog, ".git"));
	await writeFile(path.join(blog, ".git", "HEAD"), "ref: refs/heads/main\n");
});
interface DryRunDoc {
	dryRun: boolean;
	vault: string;
	notes: Array<{ path: string; result: string; url: string | null; request?: { publicationId: string | null; body: Record<string, unknown>; images: Array<{ path: string }> } }>;
	exitCode: number;
}

describe("a Gatsby blog", () => {
	test("a dry run lists the opted-in posts, linked-to post first, and sends nothing", async () => {
		const r = await run(["publish", "content/blog", "--dry-run", "--canonical-template", CANONICAL], {}, blog);
		expect(r.stderr).not.toMatch(/ at .*\.js:\d+/); // no stack trace
		expect(r.code).toBe(0);
		expect(fake.requests).toHaveLength(0);
		expect(r.stdout).toContain("Would create a draft story on your profile from content/blog/second-post/index.md");
		expect(r.stdout).toContain("Images to upload: content/blog/first-post/cover.png, static/images/banner.png");
		const table = r.stdout.slice(r.stdout.indexOf("NOTE"));
		expect(table.split("\n").filter((l) => l !== "")).toEqual([
			expect.stringMatching(/^NOTE +RESULT +URL$/),
			expect.stringMatching(/^content\/blog\/second-post\/index\.md +would publish +-$/),
			expect.stringMatching(/^content\/blog\/first-post\/index\.md +would publish +-$/),
		]);
		expect(await readFile(path.join(blog, "content/blog/first-post/index.md"), "utf8")).toBe(FIRST);
		expect(existsSync(path.join(blog, ".medium-publisher"))).toBe(false);
	});

	test("a run publishes each post once, with its canonical URL and its images; a second run sends nothing", async () => {
		const dry = await run(["publish", "content/blog", "--dry-run", "--json", "--canonical-template", CANONICAL], {}, blog);
		const plan = JSON.parse(dry.stdout) as DryRunDoc;
		expect(plan.vault).toBe(blog);
		expect(plan.notes.map((n) => n.path)).toEqual(["content/blog/second-post/index.md", "content/blog/first-post/index.md"]);

		const r = await run(["publish", "content/blog", "--canonical-template", CANONICAL], env(), blog);
		expect(r.code).toBe(0);
		expect(fake.posts).toHaveLength(2);
		expect(fake.images.map((i) => i.filename).sort()).toEqual(["banner.png", "cover.png"]);
		const [second, first] = fake.posts;
		expect(second.request.canonicalUrl).toBe("https://blog.example/second-post/");
		expect(first.request.canonicalUrl).toBe("https://blog.example/first-post/");
		const secondUrl = String(second.response.url);
		// The linked post went first, so the link points to its story; no relative path reaches Medium.
		const shown = first.paragraphs;
		const links = shown.flatMap((p) => p.markups.filter((m) => m.type === "a").map((m) => [p.text.slice(m.start, m.end), m.href, m.broken]));
		expect(links).toEqual([["the second post", secondUrl, undefined], ["its source", secondUrl, undefined]]);
		expect(shown.filter((p) => p.type === "IMG").map((p) => [p.src, p.broken])).toEqual(fake.images.map((i) => [i.url, undefined]));
		// The request is the dry run's, but for what only the run knows: image and story URLs.
		const planned = plan.notes[1].request?.body ?? {};
		const cover = fake.images.find((i) => i.filename === "cover.png")?.url ?? "";
		const banner = fake.images.find((i) => i.filename === "banner.png")?.url ?? "";
		const expected = String(planned.content)
			.replace("https://upload-pending.invalid/content/blog/first-post/cover.png", cover)
			.replace("https://upload-pending.invalid/static/images/banner.png", banner)
			.split("https://blog.example/second-post/").join(secondUrl);
		expect(first.request).toEqual({ ...planned, content: expected });
		expect(second.request).toEqual(plan.notes[0].request?.body);
		// Medium keeps 3 tags and a title up to 100 characters: the dry run showed exactly that.
		expect(first.request.tags).toEqual(["gatsby", "blogging", "markdown"]);
		expect(String(first.request.title).length).toBeLessThanOrEqual(100);

		const firstText = await readFile(path.join(blog, "content/blog/first-post/index.md"), "utf8");
		expect(firstText).toContain(`medium_url: ${String(first.response.url)}`);
		expect(await readFile(path.join(blog, "content/blog/draft-post/index.md"), "utf8")).not.toContain("medium_url");
		const state = JSON.parse(await readFile(path.join(blog, ".medium-publisher", "state.json"), "utf8")) as { records: Record<string, unknown> };
		expect(Object.keys(state.records).sort()).toEqual(["content/blog/first-post/index.md", "content/blog/second-post/index.md"]);

		const again = await run(["publish", "content/blog", "--canonical-template", CANONICAL], env(), blog);
		expect(again.code).toBe(0);
		expect(fake.posts).toHaveLength(2);
		expect(fake.requestsTo("posts")).toHaveLength(2);
		expect(fake.requestsTo("images")).toHaveLength(2);
		expect(again.stdout).toMatch(/^content\/blog\/first-post\/index\.md +unchanged +https:\/\/medium\.com\//m);
	});

	test("a changed post is reported, not published again, and the run exits 3; --new publishes it", async () => {
		expect((await run(["publish", "content/blog", "--canonical-template", CANONICAL], env(), blog)).code).toBe(0);
		const file = path.join(blog, "content/blog/second-post/index.md");
		await writeFile(file, (await readFile(file, "utf8")).replace("Short and plain.", "Short, plain, and edited."));
		const r = await run(["publish", "content/blog", "--canonical-template", CANONICAL, "--json"], env(), blog);
		expect(r.code).toBe(3);
		expect(fake.posts).toHaveLength(2);
		const doc = JSON.parse(r.stdout) as DryRunDoc;
		expect(doc.notes.find((n) => n.path === "content/blog/second-post/index.md")?.result).toBe("changed");
		expect(doc.notes.find((n) => n.path === "content/blog/first-post/index.md")?.result).toBe("unchanged");
		expect(doc.exitCode).toBe(3);
		expect(r.stderr).toContain("--new");
		const forced = await run(["publish", "content/blog/second-post/index.md", "--canonical-template", CANONICAL, "--new"], env(), blog);
		expect(forced.code).toBe(0);
		expect(fake.posts).toHaveLength(3);
	});

	test("--new on the folder publishes again only the changed post; an unchanged one stays alone unless named", async () => {
		expect((await run(["publish", "content/blog", "--canonical-template", CANONICAL], env(), blog)).code).toBe(0);
		expect(fake.posts).toHaveLength(2);
		const file = path.join(blog, "content/blog/second-post/index.md");
		await writeFile(file, (await readFile(file, "utf8")).replace("Short and plain.", "Short, plain, and edited."));
		const firstFile = path.join(blog, "content/blog/first-post/index.md");
		const firstBefore = await readFile(firstFile, "utf8");

		const r = await run(["publish", "content/blog", "--canonical-template", CANONICAL, "--new", "--json"], env(), blog);
		expect(r.code).toBe(0);
		expect(fake.posts).toHaveLength(3);
		expect(fake.posts[2].request.title).toBe("The second post");
		const doc = JSON.parse(r.stdout) as DryRunDoc;
		expect(doc.notes.find((n) => n.path === "content/blog/second-post/index.md")?.result).toBe("published");
		expect(doc.notes.find((n) => n.path === "content/blog/first-post/index.md")?.result).toBe("unchanged");
		expect(r.stderr).toContain("1 other post already on Medium was left alone");
		expect(await readFile(firstFile, "utf8")).toBe(firstBefore);

		// Named with --new, an unchanged post is published again as it is.
		const named = await run(["publish", "content/blog/first-post/index.md", "--canonical-template", CANONICAL, "--new"], env(), blog);
		expect(named.code).toBe(0);
		expect(fake.posts).toHaveLength(4);
		expect(named.stderr).not.toContain("left alone");
	});

	test("the hint after a changed post names that post with --new, ready to paste, so a folder run is not repeated with --new", async () => {
		expect((await run(["publish", "content/blog", "--canonical-template", CANONICAL], env(), blog)).code).toBe(0);
		const file = path.join(blog, "content/blog/second-post/index.md");
		await writeFile(file, (await readFile(file, "utf8")).replace("Short and plain.", "Short, plain, and edited."));
		const r = await run(["publish", "content/blog", "--canonical-template", CANONICAL], env(), blog);
		expect(r.code).toBe(3);
		const command = "medium-publish publish content/blog/second-post/index.md --new";
		expect(r.stderr).toContain(command);
		expect(r.stderr).not.toContain("first-post/index.md --new");
		// Pasted as given (with the run's other flags), it publishes only that post again.
		const again = await run([...command.split(" ").slice(1), "--canonical-template", CANONICAL], env(), blog);
		expect(again.code).toBe(0);
		expect(fake.posts).toHaveLength(3);
		expect(fake.posts[2].request.title).toBe("The second post");
		// Run from elsewhere, the path it names is where the post is from there (quoted for the shell). The
		// first post's link to the second one's new story is no edit of it: it changes only when edited.
		await writeFile(file, (await readFile(file, "utf8")).replace("and edited.", "and edited twice."));
		const firstFile = path.join(blog, "content/blog/first-post/index.md");
		expect((await run(["publish", "content/blog", "--canonical-template", CANONICAL], env(), blog)).stderr).not.toContain("first-post/index.md");
		await writeFile(firstFile, (await readFile(firstFile, "utf8")).replace("This is the first post.", "This is the first post, edited."));
		const outside = await run(["publish", path.join("my blog", "content/blog"), "--canonical-template", CANONICAL], env(), dir);
		expect(outside.code).toBe(3);
		expect(outside.stderr).toContain("name them with --new: medium-publish publish 'my blog/content/blog/first-post/index.md' 'my blog/content/blog/second-post/index.md' --new");
	});

	test("Medium's daily limit stops the run and names the posts left for tomorrow (exit 4)", async () => {
		fake.failNext("posts", { status: 429, json: { errors: [{ message: "User has reached the rate limit for publishing today.", code: 1007 }] } }, 5);
		const r = await run(["publish", "content/blog", "--json"], env(), blog);
		expect(r.code).toBe(4);
		expect(fake.requestsTo("posts")).toHaveLength(1);
		const doc = JSON.parse(r.stdout) as { leftForTomorrow: string[] };
		expect(doc.leftForTomorrow).toEqual(["content/blog/second-post/index.md", "content/blog/first-post/index.md"]);
		expect(await readFile(path.join(blog, "content/blog/first-post/index.md"), "utf8")).toBe(FIRST);
	});

	test("a post that failed before the daily limit stopped the run exits 1, not 4, so CI does not pass over it", async () => {
		fake.failNext("posts", { status: 400, json: { errors: [{ message: "Unexpected fields specified.", code: 6007 }] } });
		fake.failNext("posts", { status: 429, json: { errors: [{ message: "User has reached the rate limit for publishing today.", code: 1007 }] } }, 5);
		const r = await run(["publish", "content/blog", "--json", "--canonical-template", CANONICAL], env(), blog);
		expect(r.code).toBe(1);
		const doc = JSON.parse(r.stdout) as { notes: Array<{ path: string; result: string }>; leftForTomorrow: string[] };
		expect(doc.notes.map((n) => n.result)).toEqual(["failed", "left-for-tomorrow"]);
		expect(doc.leftForTomorrow).toEqual(["content/blog/first-post/index.md"]);
		expect(fake.posts).toHaveLength(0);
	});

	test("a post Medium refuses fails alone: the others are published, the run exits 1; a refused token stops the run", async () => {
		fake.failNext("posts", { status: 400, json: { errors: [{ message: "Unexpected fields specified.", code: 6007 }] } });
		const r = await run(["publish", "content/blog", "--canonical-template", CANONICAL], env(), blog);
		expect(r.code).toBe(1);
		expect(r.stdout).toMatch(/^content\/blog\/second-post\/index\.md +failed +-$/m);
		expect(r.stdout).toMatch(/^content\/blog\/first-post\/index\.md +published +https:/m);
		expect(r.stderr).toMatch(/^content\/blog\/second-post\/index\.md: .*invalid/m);
		expect(fake.posts).toHaveLength(1);
		expect(await readFile(path.join(blog, "content/blog/second-post/index.md"), "utf8")).not.toContain("medium_url");

		fake.failNext("posts", { status: 401, json: { errors: [{ message: "Token was invalid.", code: 6003 }] } });
		await mkdir(path.join(blog, "content/blog/third-post"));
		await writeFile(path.join(blog, "content/blog/third-post/index.md"), "---\nmedium_publish: true\n---\nThird.\n");
		const denied = await run(["publish", "content/blog", "--json", "--canonical-template", CANONICAL], env(), blog);
		expect(denied.code).toBe(1);
		const doc = JSON.parse(denied.stdout) as { notes: Array<{ path: string; result: string; error?: string }> };
		expect(doc.notes.filter((n) => n.result !== "unchanged").map((n) => n.result)).toEqual(["failed", "not-tried"]);
		expect(doc.notes.find((n) => n.result === "failed")?.error).toContain("MEDIUM_TOKEN");
		expect(fake.requestsTo("posts")).toHaveLength(3);
	});

	test("a post named directly needs no opt-in; without the canonical template, the link to an unpublished post is plain text", async () => {
		const r = await run(["convert", "content/blog/draft-post/index.md"], {}, blog);
		expect(r.code).toBe(0);
		expect(r.stdout.startsWith("# Not yet\n")).toBe(true);
		const first = await run(["convert", "content/blog/first-post/index.md"], {}, blog);
		expect(first.stdout).toContain("Read the second post next");
		expect(first.stdout).not.toContain("../second-post");
		const pub = await run(["publish", "content/blog/draft-post/index.md", "--dry-run"], {}, blog);
		expect(pub.code).toBe(0);
		expect(pub.stdout).toMatch(/^content\/blog\/draft-post\/index\.md +would publish/m);
	});

	test("a post that opts in but is a draft of the blog (draft: true) is left out of a folder run, said once; named, it goes", async () => {
		await mkdir(path.join(blog, "content/blog/wip"), { recursive: true });
		await writeFile(path.join(blog, "content/blog/wip/index.md"), "---\ntitle: Work in progress\ndraft: true\nmedium_publish: true\n---\n\nNot on the blog yet.\n");
		const r = await run(["publish", "content/blog", "--dry-run", "--json"], {}, blog);
		expect(r.code).toBe(0);
		const doc = JSON.parse(r.stdout) as DryRunDoc;
		expect(doc.notes.map((n) => n.path)).not.toContain("content/blog/wip/index.md");
		expect(r.stderr).toContain("content/blog/wip/index.md: left out, it is a draft of the blog (draft: true)");
		const named = await run(["publish", "content/blog/wip/index.md", "--dry-run"], {}, blog);
		expect(named.stdout).toMatch(/^content\/blog\/wip\/index\.md +would publish/m);
		expect(named.stderr).toContain("content/blog/wip/index.md:3: warning: This note is marked draft: true");
	});

	test("a garden's publish: false or dg-publish: false keeps an opted-in note out of a folder run too", async () => {
		await mkdir(path.join(blog, "content/garden"), { recursive: true });
		await writeFile(path.join(blog, "content/garden/private.md"), "---\npublish: false\nmedium_publish: true\n---\n\nPrivate.\n");
		await writeFile(path.join(blog, "content/garden/unlisted.md"), "---\ndg-publish: false\nmedium_publish: true\n---\n\nUnlisted.\n");
		await writeFile(path.join(blog, "content/garden/open.md"), "---\ndg-publish: true\nmedium_publish: true\n---\n\nOpen.\n");
		const r = await run(["publish", "content/garden", "--dry-run", "--json"], {}, blog);
		expect(r.code).toBe(0);
		expect((JSON.parse(r.stdout) as DryRunDoc).notes.map((n) => n.path)).toEqual(["content/garden/open.md"]);
		expect(r.stderr).toContain("content/garden/private.md: left out, its site leaves it out (publish: false)");
		expect(r.stderr).toContain("content/garden/unlisted.md: left out, its site leaves it out (dg-publish: false)");
	});

	test("the blog's own folder (`publish .`, or the vault named by --vault) is searched like any other", async () => {
		const dot = await run(["publish", ".", "--dry-run", "--json"], {}, blog);
		expect(dot.stderr).not.toContain("outside the vault");
		expect(dot.code).toBe(0);
		const doc = JSON.parse(dot.stdout) as DryRunDoc;
		// Opted-in posts only; public/, node_modules/ and hidden folders stay skipped from the root too.
		expect(doc.notes.map((n) => n.path).sort()).toEqual(["content/blog/first-post/index.md", "content/blog/second-post/index.md"]);
		const blogDir = path.join(blog, "content", "blog");
		const asVault = await run(["publish", blogDir, "--vault", blogDir, "--dry-run", "--json"], {}, dir);
		expect(asVault.code).toBe(0);
		expect((JSON.parse(asVault.stdout) as DryRunDoc).notes.map((n) => n.path).sort()).toEqual(["first-post/index.md", "second-post/index.md"]);
	});

	test("a folder where nothing opts in says how to opt in", async () => {
		const r = await run(["publish", "content/blog/draft-post", "--dry-run"], {}, blog);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain("medium_publish: true");
		// Naming the post's folder page instead needs no opt-in: the message says how, ready to paste.
		expect(r.stderr).toContain(`name it: medium-publish publish ${path.join("content/blog/draft-post", "index.md")}`);
		const named = await run(["publish", path.join("content/blog/draft-post", "index.md"), "--dry-run"], {}, blog);
		expect(named.stdout).toMatch(/draft-post\/index\.md +would publish/);
	});
});

describe("posts that link to each other", () => {
	// Part one links to part two and part two back to part one: whichever goes first links to the
	// other's canonical URL, which becomes its story URL once that one is on Medium. That is not an
	// edit of the post: a later run must not call it changed (nor send it again with --new).
	const PART_ONE = "---\ntitle: Part one\nmedium_publish: true\n---\n\nStart here, then read [part two](../part-two/).\n";
	const PART_TWO = "---\ntitle: Part two\nmedium_publish: true\n---\n\nBack to [part one](../part-one/).\n";
	const LATER = "---\ntitle: Later\n---\n\nWritten after.\n";
	const put = async (rel: string, text: string) => {
		await mkdir(path.dirname(path.join(blog, rel)), { recursive: true });
		await writeFile(path.join(blog, rel), text);
	};

	test("a second run finds both unchanged; an edit is still a change, and its diff shows only the edit", async () => {
		await put("content/series/part-one/index.md", PART_ONE);
		await put("content/series/part-two/index.md", PART_TWO);
		const first = await run(["publish", "content/series", "--canonical-template", CANONICAL], env(), blog);
		expect(first.code).toBe(0);
		expect(fake.posts).toHaveLength(2);
		const again = await run(["publish", "content/series", "--canonical-template", CANONICAL, "--json"], env(), blog);
		const doc = JSON.parse(again.stdout) as DryRunDoc;
		expect(doc.notes.map((n) => n.result)).toEqual(["unchanged", "unchanged"]);
		expect(again.code).toBe(0);
		const renew = await run(["publish", "content/series", "--new", "--canonical-template", CANONICAL], env(), blog);
		expect(renew.code).toBe(0);
		expect(fake.posts).toHaveLength(2);

		const onePath = path.join(blog, "content/series/part-one/index.md");
		await writeFile(onePath, (await readFile(onePath, "utf8")).replace("Start here", "Begin here"));
		const edited = await run(["publish", "content/series", "--canonical-template", CANONICAL, "--diff"], env(), blog);
		expect(edited.code).toBe(3);
		expect(edited.stdout).toMatch(/^content\/series\/part-one\/index\.md +changed/m);
		expect(edited.stdout).toMatch(/^content\/series\/part-two\/index\.md +unchanged/m);
		// The diff is of the post's own edit, its link as it was sent.
		expect(edited.stdout).toMatch(/^- Start here, then read \[part two\]\((.+)\)\.$/m);
		expect(edited.stdout).toMatch(/^\+ Begin here, then read \[part two\]\((.+)\)\.$/m);
	});

	test("a post linking to one that opts in later is not changed by that", async () => {
		await put("content/series/part-one/index.md", PART_ONE.replace("../part-two/", "../later/"));
		await put("content/series/later/index.md", LATER);
		expect((await run(["publish", "content/series"], env(), blog)).code).toBe(0);
		expect(fake.posts).toHaveLength(1);
		await put("content/series/later/index.md", LATER.replace("title: Later", "title: Later\nmedium_publish: true"));
		const next = await run(["publish", "content/series", "--json"], env(), blog);
		expect(next.code).toBe(0);
		const doc = JSON.parse(next.stdout) as DryRunDoc;
		expect(doc.notes.map((n) => [n.path, n.result]).sort()).toEqual([
			["content/series/later/index.md", "published"],
			["content/series/part-one/index.md", "unchanged"],
		]);
	});
});
