// Lint with the Obsidian review's own rules (eslint-plugin-obsidianmd, recommended), unchanged for the
// plugin. The command line, tests, scripts and benchmark run on Node, so Node modules are allowed there.
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "dist/", "coverage/", "examples/", "**/*.cjs", "**/*.mjs"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ["eslint.config.mjs"] },
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		files: ["src/cli/**/*.ts", "tests/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
		languageOptions: {
			globals: Object.fromEntries(
				["process", "console", "Buffer", "__dirname", "require", "module", "setTimeout", "clearTimeout", "setInterval", "clearInterval",
					"describe", "test", "it", "expect", "beforeAll", "afterAll", "beforeEach", "afterEach", "jest"].map((g) => [g, "readonly"]),
			),
		},
		rules: {
			"import/no-nodejs-modules": "off",
			"obsidianmd/no-nodejs-modules": "off",
		},
	},
]);
