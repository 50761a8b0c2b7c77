import { fillUrlTemplate, isFolderNote, noteName, notePagePath, noteSlug, slugify } from "../src/core/url-template";

describe("a note's name and slug", () => {
	test.each([
		["content/blog/first-post/index.md", "first-post"],
		["content/blog/Second Post/README.md", "second-post"],
		["docs/guide/_index.md", "guide"],
		["content/blog/first-post/INDEX.MD", "first-post"],
		["Notes/My Note!.md", "my-note"],
		["index.md", "index"],
		["Café crème.md", "cafe-creme"],
		// Jekyll, Eleventy and Docusaurus name a dated post YYYY-MM-DD-slug and serve it at the slug.
		["_posts/2019-01-25-the-bug-o-notation.md", "the-bug-o-notation"],
		["blog/2021-08-26-welcome/index.md", "welcome"],
		["Daily/2024-01-02.md", "2024-01-02"],
		["Notes/2024-01-02 standup.md", "2024-01-02-standup"],
		// MDX posts (Docusaurus, Gatsby, Next.js, Astro) are named as markdown ones.
		["blog/2021-11-21-docsearch/index.mdx", "docsearch"],
		["src/content/blog/using-mdx.MDX", "using-mdx"],
		["src/pages/posts/a.mdx.md", "a-mdx"],
		// A Quarto blog keeps each post as posts/<name>/index.qmd.
		["posts/2025-07-23-parameterized-reports/index.qmd", "parameterized-reports"],
		["blog/Notes.QMD", "notes"],
	])("%s → %s", (path, slug) => {
		expect(noteSlug(path)).toBe(slug);
	});
	test("folder pages are named after their folder; other notes after their file", () => {
		expect(isFolderNote("a/index.md")).toBe(true);
		expect(isFolderNote("index.md")).toBe(false);
		expect(isFolderNote("a/indexes.md")).toBe(false);
		expect(noteName("blog/Hello World/index.md")).toBe("Hello World");
		expect(notePagePath("blog/hello/index.md")).toBe("blog/hello");
		expect(notePagePath("Notes/A.md")).toBe("Notes/A");
	});
	test("slugify keeps letters of any script, collapses the rest into single dashes", () => {
		expect(slugify("  Hello,  World -- again ")).toBe("hello-world-again");
		expect(slugify("日本語 ノート")).toBe("日本語-ノート");
	});
	test("slugify keeps a script's marks and composed letters: only Latin accents are dropped", () => {
		// Kana with voicing marks, Hangul syllables (NFC, as the blog's file name and URL), Devanagari's vowel signs and virama.
		expect(slugify("ガイドブック")).toBe("ガイドブック");
		expect(slugify("한국어 노트")).toBe("한국어-노트");
		expect(slugify("한국어 노트")).toBe("한국어 노트".normalize("NFC").replace(" ", "-"));
		expect(slugify("हिन्दी नोट्स")).toBe("हिन्दी-नोट्स");
		expect(slugify("مُلاحظة عربية")).toBe("مُلاحظة-عربية");
		expect(slugify("Café déjà vu")).toBe("cafe-deja-vu");
		expect(noteSlug("_posts/2024-01-02-数学ガイド.md")).toBe("数学ガイド");
	});
});

describe("fillUrlTemplate", () => {
	test("fills slug, path and title from a folder page", () => {
		expect(fillUrlTemplate("https://blog.example/{slug}/", "content/blog/first-post/index.md")).toBe("https://blog.example/first-post/");
		// A slug the post gives itself (its `slug` property) wins over its file's name.
		expect(fillUrlTemplate("https://blog.example/{slug}/", "content/blog/first-post/index.md", "hello-world")).toBe("https://blog.example/hello-world/");
		expect(fillUrlTemplate("https://x.example/{path}", "content/blog/first post/index.md")).toBe("https://x.example/content/blog/first%20post");
		expect(fillUrlTemplate("https://x.example/?t={title}", "Notes/A & B.md")).toBe("https://x.example/?t=A%20%26%20B");
	});
	test("characters that would break a URL path are encoded", () => {
		expect(fillUrlTemplate("https://x.example/{path}", "dir/What? (draft) #2.md")).toBe("https://x.example/dir/What%3F%20%28draft%29%20%232");
	});
	test("a decomposed (NFD) file name, as macOS may store it, gives the composed URL the site serves", () => {
		const nfd = "Blog/Cafe\u0301 cre\u0300me.md";
		expect(fillUrlTemplate("https://x.example/{path}", nfd)).toBe("https://x.example/Blog/Caf%C3%A9%20cr%C3%A8me");
		expect(fillUrlTemplate("https://x.example/?t={title}", nfd)).toBe("https://x.example/?t=Caf%C3%A9%20cr%C3%A8me");
		expect(fillUrlTemplate("https://x.example/{slug}", nfd, "cafe\u0301")).toBe("https://x.example/caf%C3%A9");
		expect(fillUrlTemplate("https://x.example/{path}", nfd, null, "Cafe\u0301/Notes")).toBe("https://x.example/Caf%C3%A9/Notes");
	});
});
