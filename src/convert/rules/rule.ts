/**
 * The shape of a conversion rule: what a note construct becomes on Medium, the warning when that is
 * lossy, and before/after examples that are also its tests (tests/conversion-rules.test.ts).
 */

export interface RuleExample {
	/** The note's body (after a `# Title` line the test adds). */
	note: string;
	/** The note's file name, when the rule depends on it (an `.mdx` post); default `Note.md`. */
	path?: string;
	/** Properties, as the YAML between the note's `---` lines (the test puts them before the title). */
	frontmatter?: string;
	/** The story body as the markdown writer prints it (src/story/story-markdown.ts), title line left out. */
	markdown: string;
	/** Warning codes the example must raise, in order (default: none). */
	warnings?: string[];
	/** The story's block types in order, when the markdown alone cannot tell (an embed prints as its URL). */
	blocks?: string[];
	/** Conversion options for this example. */
	strictLineBreaks?: boolean;
	/** The note is in an Obsidian vault, not a site's source folder (default: a folder of markdown). */
	obsidianVault?: boolean;
}

export interface ConversionRule {
	/** What the rule is about, as the README's conversion table names it. */
	construct: string;
	/** What Medium shows. */
	medium: string;
	/** Warning code when the rule loses something (absent: nothing is lost). */
	code?: string;
	/** The warning's message, when it is always the same. */
	warning?: string;
	examples: RuleExample[];
}
