/**
 * The Hugo shortcodes and Jekyll (Liquid) tags a blog post is written with that have a Medium paragraph of
 * their own: a `figure` is a captioned image, a `highlight` block a code block with its language, and a
 * `{% raw %}` fence shows its text. Judged by what Medium shows: the story as the HTML a publish sends, read
 * back through the stand-in for Medium's importer. Other shortcodes are left out with a warning, as before.
 */

import { storyToHtml } from "../src/story/story-html";
import type { Story } from "../src/convert/story";
import type { ImageSource } from "../src/story/story-model";
import { codes, convert } from "./support/convert-helpers";
import { importHtml, showParagraph } from "./support/medium-importer";

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

/** What Medium shows for a story's body (the title paragraph left out); a vault image as uploaded to cdn.example. */
function shown(story: Story): string[] {
	const imageSrc = (s: ImageSource) => (s.kind === "url" ? s.url : s.kind === "vault" ? "https://cdn.example/" + s.path : null);
	return importHtml(storyToHtml(story, { imageSrc }).html).slice(1).map(showParagraph);
}

/** A Hugo post (content/posts/p.md) in a blog with static/ images; the note's body after a title. */
function post(body: string, files: Record<string, string | Uint8Array> = {}): Promise<Story> {
	return convert("# Post\n\n" + body, { "static/img/a.png": PNG, "content/posts/cover.png": PNG, ...files }, {}, "content/posts/p.md");
}

describe("Hugo's figure shortcode", () => {
	test("is the image, its caption and alt kept; a site-root src is the blog's static/ file", async () => {
		const s = await post('Before.\n\n{{< figure src="/img/a.png" caption="The lake at dawn" alt="A frozen lake" >}}\n\nAfter.');
		expect(s.images.map((i) => [i.path, i.alt])).toEqual([["static/img/a.png", "A frozen lake"]]);
		const img = s.blocks.find((b) => b.type === "image");
		expect(img).toMatchObject({ type: "image", source: { kind: "vault", path: "static/img/a.png" }, alt: "A frozen lake" });
		expect(shown(s)).toEqual(["P: Before.", 'IMG src=https://cdn.example/static/img/a.png alt="A frozen lake": The lake at dawn', "P: After."]);
		expect(codes(s)).toEqual([]);
	});

	test("a relative src is read from the post's folder; without alt, the caption is the alt (as Hugo writes it)", async () => {
		const s = await post("{{< figure src=\"cover.png\" title=\"Cover\" >}}\n\n{{% figure src='/img/a.png' caption=\"Two *words*\" %}}");
		expect(s.images.map((i) => [i.path, i.alt])).toEqual([
			["content/posts/cover.png", "Cover"],
			["static/img/a.png", "Two words"],
		]);
		const captions = s.blocks.filter((b) => b.type === "image").map((b) => (b.type === "image" ? b.caption : null));
		expect(captions[0]).toEqual([{ type: "text", text: "Cover" }]);
		// Hugo reads a caption as markdown: Medium's caption is its text.
		expect(captions[1]).toEqual([{ type: "text", text: "Two words" }]);
		expect(codes(s)).toEqual([]);
	});

	test("a web address is an image Medium fetches; a missing file is left out with the image's warning", async () => {
		const s = await post('{{< figure src="https://cdn.example/x.jpg" alt="X" >}}\n\n{{< figure src="/img/none.png" >}}');
		expect(s.blocks).toEqual([expect.objectContaining({ type: "image", source: { kind: "url", url: "https://cdn.example/x.jpg" }, alt: "X" })]);
		expect(codes(s)).toEqual(["missing-image"]);
	});

	test("a figure without a src, like any other shortcode, is left out with a warning", async () => {
		const s = await post('{{< figure caption="nothing" >}}\n\n{{< param foo >}}\n\nText.');
		expect(shown(s)).toEqual(["P: Text."]);
		expect(codes(s)).toEqual(["site-tag", "site-tag"]);
	});
});

describe("a shortcode written over several lines", () => {
	test("a figure whose parameters go on later lines is the image, as on one line", async () => {
		const s = await post('Before.\n\n{{< figure\n    src="/img/a.png"\n    caption="The lake at dawn"\n    alt="A frozen lake"\n>}}\n\nAfter.');
		expect(shown(s)).toEqual(["P: Before.", 'IMG src=https://cdn.example/static/img/a.png alt="A frozen lake": The lake at dawn', "P: After."]);
		expect(codes(s)).toEqual([]);
	});

	test("an unknown one is left out whole, with one warning at its first line; a highlight's options may go on later lines too", async () => {
		const s = await post('{{< notice\n  info >}}\nText.\n{{< /notice >}}\n\n{{< highlight go\n  "linenos=table" >}}\nx := 1\n{{< /highlight >}}');
		expect(shown(s)).toEqual(["P: Text.", "PRE lang=go: x := 1"]);
		expect(s.warnings.map((w) => [w.code, w.line])).toEqual([["site-tag", 3], ["site-tag", 6]]);
	});

	test("a `{{<` line that no `>}}` line closes (before a blank line) stays text", async () => {
		const s = await post("{{< figure\nsrc=x\n\n>}}");
		expect(shown(s)).toEqual(["P: {{< figure\nsrc=x", "BQ: }}"]);
	});
});

describe("highlight blocks", () => {
	test("Hugo's `{{< highlight go >}}` … `{{< /highlight >}}` is a code block with its language, its text as written", async () => {
		const s = await post('{{< highlight go "linenos=table,hl_lines=2" >}}\n// # not a heading\nfunc main() {\n\n\tfmt.Println("*hi* [[x]]")\n}\n{{< /highlight >}}\n\nAfter.');
		expect(s.blocks[0]).toEqual({ type: "code", language: "go", text: '// # not a heading\nfunc main() {\n\n\tfmt.Println("*hi* [[x]]")\n}', line: 3 });
		expect(shown(s)).toEqual(['PRE lang=go: // # not a heading\nfunc main() {\n\n\tfmt.Println("*hi* [[x]]")\n}', "P: After."]);
		expect(codes(s)).toEqual([]);
	});

	test("a `#` comment inside a highlight block is neither a heading nor the title", async () => {
		const s = await convert("{{< highlight ruby >}}\n# a comment\nputs 1\n{{< /highlight >}}", {}, {}, "Ruby notes.md");
		expect(s.title).toBe("Ruby notes");
		expect(s.blocks).toEqual([{ type: "code", language: "ruby", text: "# a comment\nputs 1", line: 1 }]);
	});

	test("Jekyll's `{% highlight ruby linenos %}` … `{% endhighlight %}` too; a fence inside stays text", async () => {
		const s = await post("{% highlight ruby linenos %}\ndef x\n  ```\nend\n{%- endhighlight -%}\n\nText.");
		expect(s.blocks[0]).toEqual({ type: "code", language: "ruby", text: "def x\n  ```\nend", line: 3 });
		expect(shown(s)[1]).toBe("P: Text.");
		expect(codes(s)).toEqual([]);
	});

	test("without a language it is a code block without one; without its closing tag it is left out as before", async () => {
		expect((await post("{{< highlight >}}\nx = 1\n{{< /highlight >}}")).blocks).toEqual([{ type: "code", language: null, text: "x = 1", line: 3 }]);
		const open = await post("{{< highlight go >}}\nx := 1");
		expect(shown(open)).toEqual(["P: x := 1"]);
		expect(codes(open)).toEqual(["site-tag"]);
	});
});

describe("Jekyll's raw tags", () => {
	test("`{% raw %}` and `{% endraw %}` lines are dropped, their text kept, without a warning", async () => {
		const s = await post("{% raw %}\nUse {{ site.title }} in a *layout*.\n{% endraw %}\n\nAfter.");
		expect(shown(s)).toEqual(["P: Use {{ site.title }} in a _layout_.", "P: After."]);
		expect(codes(s)).toEqual([]);
	});

	test("tags pair as Liquid pairs them: what lies between a raw and its endraw is text, another raw or a post_link too", async () => {
		const s = await post("A {% raw %}{{ x }} and {% raw %} and {% post_link p %}{% endraw %} end.");
		expect(shown(s)).toEqual(["P: A {{ x }} and {% raw %} and {% post_link p %} end."]);
	});

	test("a raw or endraw with no partner stays as written: that text goes through no Liquid (a note naming the tag)", async () => {
		expect(shown(await post("Write `{% raw %}` to escape Liquid."))).toEqual(["P: Write `{% raw %}` to escape Liquid."]);
		expect(shown(await post("An `{%- endraw -%}` alone, then {% raw %}."))).toEqual(["P: An `{%- endraw -%}` alone, then {% raw %}."]);
	});
});

describe("Liquid in a link's or image's address (Jekyll)", () => {
	/** A Jekyll post (_posts/…) in a site whose assets/ and other posts are in the folder. */
	function jekyllPost(body: string): Promise<Story> {
		const files = { "assets/images/sun.png": PNG, "_posts/2016-10-06-old-post.md": "---\nmedium_url: https://medium.com/@me/old-1\n---\nOld.", "docs/themes.md": "---\nmedium_url: https://medium.com/@me/themes-2\n---\nThemes." };
		return convert("# Post\n\n" + body, files, {}, "_posts/2020-01-01-p.md");
	}

	test("site.url, site.baseurl and a relative_url / absolute_url string are the site-root path they print", async () => {
		const s = await jekyllPost('![Sun]({{ site.url }}{{ site.baseurl }}/assets/images/sun.png)\n\n![Sun 2]({{ "/assets/images/sun.png" | relative_url }} "The sun")\n\nSee [themes]({{ \'/docs/themes.md\' | absolute_url }}).');
		expect(shown(s)).toEqual([
			'IMG src=https://cdn.example/assets/images/sun.png alt="Sun"',
			'IMG src=https://cdn.example/assets/images/sun.png alt="Sun 2": The sun',
			"P: See [themes](https://medium.com/@me/themes-2).",
		]);
		expect(codes(s)).toEqual([]);
	});

	test("in an HTML image's src or a link's href too", async () => {
		const s = await jekyllPost('<img src="{{ site.baseurl }}/assets/images/sun.png" alt="Sun">\n\nRead <a href="{{ \'/docs/themes.md\' | relative_url }}">themes</a>.');
		expect(shown(s)).toEqual(['IMG src=https://cdn.example/assets/images/sun.png alt="Sun"', "P: Read [themes](https://medium.com/@me/themes-2)."]);
		expect(codes(s)).toEqual([]);
	});

	test("Eleventy's url filter and Liquid's prepend: site.baseurl print the site-root path too", async () => {
		const s = await jekyllPost('![Sun]({{ "/assets/images/sun.png" | url }})\n\nSee [themes]({{ \'/docs/themes.md\' | url }}).\n\n<img src="{{ \'/assets/images/sun.png\' | url }}" alt="Sun 2">\n\n![Sun 3]({{ "/assets/images/sun.png" | prepend: site.baseurl }})\n\n![Sun 4]({{ "assets/images/sun.png" | relative_url | prepend: site.url }})');
		expect(shown(s)).toEqual([
			'IMG src=https://cdn.example/assets/images/sun.png alt="Sun"',
			"P: See [themes](https://medium.com/@me/themes-2).",
			'IMG src=https://cdn.example/assets/images/sun.png alt="Sun 2"',
			'IMG src=https://cdn.example/assets/images/sun.png alt="Sun 3"',
			'IMG src=https://cdn.example/assets/images/sun.png alt="Sun 4"',
		]);
		expect(codes(s)).toEqual([]);
	});

	test("{% post_url %} is the post it names, {% link %} the file at that site path", async () => {
		const s = await jekyllPost("Read [the old post]({% post_url 2016-10-06-old-post %}) and [themes]({% link docs/themes.md %}).");
		expect(shown(s)).toEqual(["P: Read [the old post](https://medium.com/@me/old-1) and [themes](https://medium.com/@me/themes-2)."]);
		expect(codes(s)).toEqual([]);
	});

	test("other Liquid in an address stays as written", async () => {
		const s = await jekyllPost("See [b]({{ page.url | foo }}) and [c]({% include x.html %}).");
		expect(shown(s)).toEqual(["P: See [b]({{ page.url | foo }}) and [c]({% include x.html %})."]);
	});
});

describe("Hexo's image tags", () => {
	test("{% asset_img %} is the image in the post's asset folder, its title the caption (and alt unless given); {% img %} the image at its address", async () => {
		const files = { "source/_posts/hello/sun.png": PNG, "source/images/moon.png": PNG };
		const s = await convert('# Post\n\n{% asset_img sun.png The rising sun %}\n\n{% asset_img "sun.png" "Sun title" "A bright sun" %}\n\n{% img right https://e.example/a.png 300 200 A %}', files, {}, "source/_posts/hello.md");
		expect(shown(s)).toEqual([
			'IMG src=https://cdn.example/source/_posts/hello/sun.png alt="The rising sun": The rising sun',
			'IMG src=https://cdn.example/source/_posts/hello/sun.png alt="A bright sun": Sun title',
			'IMG src=https://e.example/a.png alt="A": A',
		]);
		expect(codes(s)).toEqual([]);
	});
});

describe("Hexo's links to posts", () => {
	test("{% post_link slug [title] %} and ({% post_path slug %}) link to the post's story", async () => {
		const files = { "source/_posts/hello-world.md": "---\nmedium_url: https://medium.com/@me/hello-1\n---\nHi." };
		const s = await convert('# Post\n\nSee {% post_link hello-world %}, {% post_link hello-world "the first post" %} and [this]({% post_path hello-world %}).', files, {}, "source/_posts/second.md");
		expect(shown(s)).toEqual(["P: See [hello-world](https://medium.com/@me/hello-1), [the first post](https://medium.com/@me/hello-1) and [this](https://medium.com/@me/hello-1)."]);
		expect(codes(s)).toEqual([]);
	});
});

describe("Hexo's link tag", () => {
	test("{% link text url [external] [title] %} is a link of its text, in a sentence or alone on its line; Jekyll's {% link path %} is not one", async () => {
		const s = await convert("# Post\n\nRead {% link the Hexo docs https://hexo.io/docs/ true Docs %} first.\n\n{% link Hexo https://hexo.io %}\n\nAt {% link _posts/x.md %}.", {}, {}, "source/_posts/second.md");
		expect(shown(s)).toEqual(["P: Read [the Hexo docs](https://hexo.io/docs/) first.", "P: [Hexo](https://hexo.io)", "P: At {% link _posts/x.md %}."]);
	});
});

describe("Jekyll themes' figure and video includes", () => {
	test("{% include figure image_path=… %} is the image with its caption as text; {% include video id=… provider=… %} the video's embed", async () => {
		const files = { "assets/images/sun.png": PNG };
		const s = await convert('# Post\n\n{% include figure image_path="/assets/images/sun.png" alt="The sun" caption="Photo from [Unsplash](https://unsplash.com)." %}\n\n{% include video id="XsxDH4HcOWA" provider="youtube" %}\n\n{% include youtube.html id="dQw4w9WgXcQ" %}\n\n{% include figure.liquid path="https://e.example/a.png" title="A" %}', files, {}, "_posts/2020-01-01-p.md");
		expect(shown(s)).toEqual([
			'IMG src=https://cdn.example/assets/images/sun.png alt="The sun": Photo from Unsplash.',
			"IFRAME https://www.youtube.com/watch?v=XsxDH4HcOWA",
			"IFRAME https://www.youtube.com/watch?v=dQw4w9WgXcQ",
			'IMG src=https://e.example/a.png alt="A": A',
		]);
		expect(codes(s)).toEqual([]);
	});
});

describe("Hugo's ref and relref in a link's address", () => {
	test("link to the page they name: by name, or from the content folder when rooted", async () => {
		const s = await post('See [it]({{< ref "other-post.md" >}}), [part]({{< relref "/posts/other-post.md#intro" >}}) and [x]({{% ref other-post %}}).', { "content/posts/other-post.md": "---\nmedium_url: https://medium.com/@me/other-1\n---\nHi." });
		expect(shown(s)).toEqual(["P: See [it](https://medium.com/@me/other-1), [part](https://medium.com/@me/other-1) and [x](https://medium.com/@me/other-1)."]);
		expect(codes(s)).toEqual([]);
	});
});

describe("Pelican's {static} and {filename} addresses", () => {
	test("are paths from the content folder", async () => {
		const files = { "content/images/sun.png": PNG, "content/posts/other.md": "---\nmedium_url: https://medium.com/@me/other-1\n---\nHi." };
		const s = await convert("# Post\n\n![Sun]({static}/images/sun.png)\n\nSee [the other]({filename}/posts/other.md).", files, {}, "content/posts/p.md");
		expect(shown(s)).toEqual(['IMG src=https://cdn.example/content/images/sun.png alt="Sun"', "P: See [the other](https://medium.com/@me/other-1)."]);
		expect(codes(s)).toEqual([]);
	});
});

describe("Quarto's include shortcode", () => {
	test("shows the included file's text where it stands, as the blog does; a file not in the vault is left out with a warning", async () => {
		const files = { "posts/p/_setup.qmd": "Shared **intro**.\n\n- one", "_common.md": "Footer." };
		const s = await convert("# Post\n\nBefore.\n\n{{< include _setup.qmd >}}\n\n{{< include /_common.md >}}\n\n{{< include _missing.qmd >}}\n\nAfter.", files, {}, "posts/p/index.qmd");
		expect(shown(s)).toEqual(["P: Before.", "P: Shared **intro**.", "ULI: one", "P: Footer.", "P: After."]);
		expect(codes(s)).toEqual(["unresolved-embed"]);
	});
});

describe("themed images (GitHub's #gh-dark-mode-only, Docusaurus and MkDocs Material read it too)", () => {
	const files = { "img/light.png": PNG, "img/dark.png": PNG };
	const text = "# Post\n\n![Light](img/light.png#gh-light-mode-only)![Dark](img/dark.png#gh-dark-mode-only)\n\n![L2](img/light.png#only-light) ![D2](img/dark.png#only-dark)";

	test("a blog shows the light one only, as its light theme does: the dark one is not sent", async () => {
		const s = await convert(text, files, {}, "blog/p.md");
		expect(shown(s)).toEqual(['IMG src=https://cdn.example/img/light.png alt="Light"', 'IMG src=https://cdn.example/img/light.png alt="L2"']);
		expect(s.images.map((i) => i.path)).toEqual(["img/light.png"]);
		expect(codes(s)).toEqual([]);
	});

	test("Obsidian shows both, so a vault's note keeps both", async () => {
		const s = await convert(text, files, { obsidianVault: true }, "Note.md");
		expect(s.images.map((i) => i.path)).toEqual(["img/light.png", "img/dark.png"]);
	});
});
