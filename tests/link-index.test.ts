import { decodeLinkDestination, LinkIndex, resolveSiteLink, splitLinktext } from "../src/core/link-index";
import { basenameOf, dirnameOf, joinVaultPath, normalizeVaultPath } from "../src/core/vault-paths";

describe("LinkIndex: obsidian-export lookup_filename_in_vault table", () => {
	const index = new LinkIndex(["NoteA.md", "Document.pdf", "Note.1.md", "nested/NoteA.md", "Note\u00e4.md"]);
	const cases: Array<[string, string]> = [
		["NoteA.md", "NoteA.md"],
		["NoteA", "NoteA.md"],
		["notea", "NoteA.md"],
		["notea.md", "NoteA.md"],
		["nested/NoteA", "nested/NoteA.md"],
		["nested/NoteA.md", "nested/NoteA.md"],
		["NESTED/notea", "nested/NoteA.md"],
		["NESTED/notea.md", "nested/NoteA.md"],
		["Document.pdf", "Document.pdf"],
		["Note.1", "Note.1.md"],
		["Note.1.md", "Note.1.md"],
		["Note\u00e4", "Note\u00e4.md"],
		["Note\u00e4.md", "Note\u00e4.md"],
		["Notea\u0308", "Note\u00e4.md"],
		["Notea\u0308.md", "Note\u00e4.md"],
		["Note\u00c4", "Note\u00e4.md"],
		["Note\u00c4.md", "Note\u00e4.md"],
		["NoteA\u0308", "Note\u00e4.md"],
		["NoteA\u0308.md", "Note\u00e4.md"],
	];
	test.each(cases)("%j resolves to %j", (link, expected) => {
		expect(index.resolve(link, "Source.md")).toBe(expected);
	});

	test("a non-Markdown file needs its extension", () => {
		expect(index.resolve("Document", "Source.md")).toBeNull();
	});

	test("unknown names resolve to null", () => {
		expect(index.resolve("Missing", "Source.md")).toBeNull();
		expect(index.resolve("nested/Document.pdf", "Source.md")).toBeNull();
	});
});

describe("LinkIndex: folders, ties and anchoring", () => {
	const files = [
		"Note.md",
		"dir1/Note.md",
		"dir2/Note.md",
		"a/dir1/Note.md",
		"deep/deeper/Topic.md",
		"x/Topic.md",
		"b/Topic.md",
		"here/Topic.md",
		"here/sub/Leaf.md",
		"other/sub/Leaf.md",
		"assets/Figure 1.png",
		"img/Figure 1.png.md",
		"case/note.md",
		"case/Note.md",
	];
	const index = new LinkIndex(files);

	test("a folder-prefixed link picks that folder, never the root note", () => {
		expect(index.resolve("dir1/Note", "x/S.md")).toBe("dir1/Note.md");
		expect(index.resolve("dir2/Note", "x/S.md")).toBe("dir2/Note.md");
		expect(index.resolve("a/dir1/Note", "x/S.md")).toBe("a/dir1/Note.md");
		expect(index.resolve("dir3/Note", "x/S.md")).toBeNull();
	});

	test("a folder prefix matches whole folder names only", () => {
		const small = new LinkIndex(["Note.md", "a/dir1/Note.md", "xdir2/Note.md"]);
		expect(small.resolve("dir1/Note", "S.md")).toBe("a/dir1/Note.md");
		expect(small.resolve("ir1/Note", "S.md")).toBeNull();
		expect(small.resolve("dir2/Note", "S.md")).toBeNull();
		expect(new LinkIndex(["Note.md"]).resolve("dir1/Note", "S.md")).toBeNull();
	});

	test("a bare name prefers the exact vault path", () => {
		expect(index.resolve("Note", "dir2/S.md")).toBe("Note.md");
	});

	test("a bare name prefers the source's own folder, then the shortest path, then alphabetical", () => {
		expect(index.resolve("Topic", "here/S.md")).toBe("here/Topic.md");
		expect(index.resolve("Topic", "b/S.md")).toBe("b/Topic.md");
		expect(index.resolve("Topic", "elsewhere/S.md")).toBe("b/Topic.md");
		const noTie = new LinkIndex(["long-folder/Topic.md", "zz/Topic.md", "aa/Topic.md"]);
		expect(noTie.resolve("Topic", "S.md")).toBe("aa/Topic.md");
	});

	test("a path relative to the source's folder wins among suffix matches", () => {
		expect(index.resolve("sub/Leaf", "here/S.md")).toBe("here/sub/Leaf.md");
		expect(index.resolve("sub/Leaf", "other/S.md")).toBe("other/sub/Leaf.md");
	});

	test("exact case wins among case-insensitive matches", () => {
		expect(index.resolve("case/note", "S.md")).toBe("case/note.md");
		expect(index.resolve("case/Note", "S.md")).toBe("case/Note.md");
		expect(index.resolve("CASE/NOTE", "S.md")).toBe("case/Note.md");
	});

	test("a known attachment extension means the file itself", () => {
		expect(index.resolve("Figure 1.png", "S.md")).toBe("assets/Figure 1.png");
		expect(index.resolve("Figure 1.png.md", "S.md")).toBe("img/Figure 1.png.md");
	});

	test("surrounding spaces are trimmed", () => {
		expect(index.resolve("  dir1/Note \t", "x/S.md")).toBe("dir1/Note.md");
	});

	test("a leading slash anchors at the vault root", () => {
		expect(index.resolve("/Note", "dir1/S.md")).toBe("Note.md");
		expect(index.resolve("/dir1/Note.md", "x/S.md")).toBe("dir1/Note.md");
		expect(index.resolve("/Topic", "x/S.md")).toBeNull();
	});

	test("./ and ../ are relative to the source's folder", () => {
		expect(index.resolve("./Topic", "x/S.md")).toBe("x/Topic.md");
		expect(index.resolve("../b/Topic", "x/S.md")).toBe("b/Topic.md");
		expect(index.resolve("../../Note", "a/dir1/S.md")).toBe("Note.md");
		expect(index.resolve("./Note", "a/S.md")).toBeNull();
		expect(index.resolve("../../../Note", "a/dir1/S.md")).toBe("Note.md");
		expect(index.resolve("../Topic", "deep/deeper/S.md")).toBeNull();
		expect(index.resolve("./sub/../Topic", "here/S.md")).toBe("here/Topic.md");
	});

	test("../ past the vault root stops at the root, as a URL's path does (the Tasks docs' ../../images/x.png from a folder one deep)", () => {
		expect(index.resolve("../../Note", "a/S.md")).toBe("Note.md");
		expect(index.resolve("../../../dir1/Note.md", "x/S.md")).toBe("dir1/Note.md");
		expect(index.resolve("../../Topic", "x/S.md")).toBeNull();
		expect(normalizeVaultPath("../../a/../b", true)).toBe("b");
		expect(normalizeVaultPath("../../a/../b")).toBeNull();
	});

	test("an empty target is the source note itself", () => {
		expect(index.resolve("", "dir1/Note.md")).toBe("dir1/Note.md");
		expect(index.resolve("  ", "not/indexed.md")).toBeNull();
	});

	test("a folder is not a note", () => {
		expect(index.resolve("dir1/", "S.md")).toBeNull();
		expect(index.resolve("dir1", "S.md")).toBeNull();
	});
});

describe("LinkIndex: add, remove, has", () => {
	test("tracks files as they come and go", () => {
		const index = new LinkIndex(["a/Note.md"]);
		expect(index.has("a/Note.md")).toBe(true);
		expect(index.has("a/note.md")).toBe(false);
		expect(index.resolve("Note", "S.md")).toBe("a/Note.md");
		index.add("Note.md");
		index.add("Note.md");
		expect(index.resolve("Note", "S.md")).toBe("Note.md");
		index.remove("Note.md");
		expect(index.has("Note.md")).toBe(false);
		expect(index.resolve("Note", "S.md")).toBe("a/Note.md");
		index.remove("a/Note.md");
		index.remove("never/was.md");
		expect(index.resolve("Note", "S.md")).toBeNull();
	});

	test("a decomposed file name on disk is found by a composed link and vice versa", () => {
		const index = new LinkIndex(["mac/Cafe\u0301.md", "Re\u0301sume\u0301.pdf"]);
		expect(index.resolve("Caf\u00e9", "S.md")).toBe("mac/Cafe\u0301.md");
		expect(index.resolve("R\u00e9sum\u00e9.pdf", "S.md")).toBe("Re\u0301sume\u0301.pdf");
	});

	test("large vaults resolve every note by name", () => {
		const paths: string[] = [];
		for (let i = 0; i < 50000; i++) paths.push(`folder${i % 100}/note ${i}.md`);
		paths.push("target/Unique.md");
		// Their speed is a figure in `npm run bench` (a time limit here failed under load).
		const index = new LinkIndex(paths);
		const wrong: string[] = [];
		for (let i = 0; i < 20000; i++) {
			if (index.resolve(`note ${i}`, "S.md") !== `folder${i % 100}/note ${i}.md`) wrong.push(`note ${i}`);
		}
		expect(wrong).toEqual([]);
		expect(index.resolve("Unique", "S.md")).toBe("target/Unique.md");
	}, 30_000);
});

describe("splitLinktext", () => {
	test.each([
		["Just a note", "Just a note", ""],
		["A note?", "A note?", ""],
		["Note#with heading", "Note", "with heading"],
		["#Heading", "", "Heading"],
		["Note#A#B", "Note", "A#B"],
		["  Note  #Sub", "Note", "Sub"],
		["Note#^block-id", "Note", "^block-id"],
		["#^id", "", "^id"],
		["Note#", "Note", ""],
	])("%j", (text, path, subpath) => {
		expect(splitLinktext(text)).toEqual({ path, subpath });
	});
});

describe("decodeLinkDestination", () => {
	test.each([
		["Note%20name.md", "Note name.md"],
		["<My Note.md>", "My Note.md"],
		["  <Format your notes>  ", "Format your notes"],
		["caf%C3%A9.md", "caf\u00e9.md"],
		["%F0%9F%98%80.png", "\u{1F600}.png"],
		["100%", "100%"],
		["100%.md", "100%.md"],
		["50%25 off", "50% off"],
		["bad%E9name", "bad%E9name"],
		["trunc%C3", "trunc%C3"],
		["over%C0%80long", "over%C0%80long"],
		["%zz%2", "%zz%2"],
		["a\\(b\\).md", "a(b).md"],
		["keep\\a", "keep\\a"],
		["plain.md", "plain.md"],
	])("%j → %j", (dest, expected) => {
		expect(decodeLinkDestination(dest)).toBe(expected);
	});

	test("never throws where decodeURIComponent would", () => {
		expect(() => decodeURIComponent("%E9")).toThrow();
		expect(decodeLinkDestination("%E9")).toBe("%E9");
	});
});

describe("vault path helpers", () => {
	test("dirname, basename, join", () => {
		expect(dirnameOf("a/b/c.md")).toBe("a/b");
		expect(dirnameOf("c.md")).toBe("");
		expect(basenameOf("a/b/c.md")).toBe("c.md");
		expect(basenameOf("c.md")).toBe("c.md");
		expect(joinVaultPath("", "x.md")).toBe("x.md");
		expect(joinVaultPath("a", "x.md")).toBe("a/x.md");
	});

	test("normalizeVaultPath resolves dots and refuses to leave the vault", () => {
		expect(normalizeVaultPath("/a//b/./c/../d.md")).toBe("a/b/d.md");
		expect(normalizeVaultPath("a/../../x")).toBeNull();
		expect(normalizeVaultPath("..")).toBeNull();
		expect(normalizeVaultPath("a/..")).toBe("");
	});
});

describe("blog links: folder pages and files served from static/", () => {
	const blog = new LinkIndex([
		"content/blog/first-post/index.md",
		"content/blog/first-post/cover.png",
		"content/blog/second-post/index.md",
		"content/blog/third-post/README.md",
		"docs/guide/_index.md",
		"static/images/logo.png",
		"images/root.png",
		"Projects.md",
		"Projects/README.md",
	]);
	const from = "content/blog/first-post/index.md";
	test.each([
		["../second-post/", "content/blog/second-post/index.md"],
		["../second-post", "content/blog/second-post/index.md"],
		["../second-post/index.md", "content/blog/second-post/index.md"],
		["../third-post/", "content/blog/third-post/README.md"],
		["/docs/guide/", "docs/guide/_index.md"],
		["/images/logo.png", "static/images/logo.png"],
		["/images/root.png", "images/root.png"],
		["./cover.png", "content/blog/first-post/cover.png"],
		["content/blog/second-post/", "content/blog/second-post/index.md"],
	])("%s → %s", (link, expected) => {
		expect(blog.resolve(link, from)).toBe(expected);
	});
	test("names that are not written as paths keep Obsidian's resolution: a wikilink never lands on a folder page", () => {
		expect(blog.resolve("second-post", from)).toBeNull();
		expect(blog.resolve("Projects", from)).toBe("Projects.md");
		expect(blog.resolve("../missing/", from)).toBeNull();
		expect(blog.resolve("/images/missing.png", from)).toBeNull();
		expect(blog.resolve("../../../../outside/", from)).toBeNull();
	});
});

describe("blog links from the site's root: /slug/ is a post of the blog's content folder", () => {
	// A blog's repository is the vault; its site root is a content folder below it (Gatsby's
	// content/blog or src/pages, Hugo's content), so /slug/ is the post whose path ends so.
	const repo = new LinkIndex([
		"content/blog/hello-world/index.md",
		"content/posts/rinko.md",
		"content/about/_index.md",
		"src/pages/the-bug-o-notation/index.md",
		"src/pages/before-you-memo/index.md",
		"static/images/banner.png",
		"public/blog-placeholder-3.jpg",
		"public/static/images/ocean.jpeg",
		"src/assets/images/example.jpg",
	]);
	const from = "src/pages/before-you-memo/index.md";
	test.each([
		["/the-bug-o-notation/", "src/pages/the-bug-o-notation/index.md"],
		["/hello-world/", "content/blog/hello-world/index.md"],
		["/posts/rinko/", "content/posts/rinko.md"],
		["/about/", "content/about/_index.md"],
		["/images/banner.png", "static/images/banner.png"],
		// Astro and Next.js serve public/ at the site's root (an Astro post's heroImage, a Next.js <Image src>).
		["/blog-placeholder-3.jpg", "public/blog-placeholder-3.jpg"],
		["/static/images/ocean.jpeg", "public/static/images/ocean.jpeg"],
		// Zola's internal links name the page under content/.
		["@/posts/rinko.md", "content/posts/rinko.md"],
		["@/about/_index.md", "content/about/_index.md"],
		// Astro's and Vite's aliases of src/ (AstroPaper's `@/assets/…`, AstroWind's `~/assets/…`).
		["@/assets/images/example.jpg", "src/assets/images/example.jpg"],
		["~/assets/images/example.jpg", "src/assets/images/example.jpg"],
	])("%s → %s", (link, expected) => {
		expect(repo.resolve(link, from)).toBe(expected);
	});
	test("the site's root, a page that is not there and relative paths find nothing by suffix", () => {
		expect(repo.resolve("/", from)).toBeNull();
		expect(repo.resolve("/optimized-for-change/", from)).toBeNull();
		expect(repo.resolve("../the-bug-o-notation/", "content/blog/hello-world/index.md")).toBeNull();
		expect(repo.resolve("/blog/rinko/", from)).toBeNull();
		// Without the closing slash it is Obsidian's link anchored at the vault root.
		expect(repo.resolve("/the-bug-o-notation", from)).toBeNull();
	});
});

describe("resolveSiteLink over another host's resolution (the plugin passes Obsidian's)", () => {
	test("asks the host for the folder pages and the static/ file, in order, and nothing for a bare name", () => {
		const asked: string[] = [];
		const host = (link: string) => {
			asked.push(link);
			return link === "../second-post/README.md" ? "blog/second-post/README.md" : null;
		};
		expect(resolveSiteLink("../second-post/", "blog/first-post/index.md", host)).toBe("blog/second-post/README.md");
		expect(asked).toEqual(["../second-post/index.md", "../second-post/README.md"]);
		asked.length = 0;
		expect(resolveSiteLink("/images/x.png", "a.md", host)).toBeNull();
		expect(asked[0]).toBe("/static/images/x.png");
		asked.length = 0;
		expect(resolveSiteLink("second-post", "a.md", host)).toBeNull();
		expect(asked).toEqual([]);
	});
});
