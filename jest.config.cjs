/** Tests are TypeScript, transformed by esbuild; `obsidian` resolves to a stand-in for glue tests. */
module.exports = {
	testEnvironment: "node",
	roots: ["<rootDir>/tests"],
	testMatch: ["**/*.test.ts"],
	// A stylesheet the command line imports (the preview page's) is its text, as esbuild's text loader gives it.
	transform: { "\\.ts$": "<rootDir>/tests/support/esbuild-transform.cjs", "\\.css$": "<rootDir>/tests/support/text-transform.cjs" },
	moduleFileExtensions: ["ts", "js", "cjs", "json", "css"],
	// marked ships ESM only; its own UMD build is the same code in a form Jest's CommonJS loader takes.
	moduleNameMapper: {
		"^marked$": "<rootDir>/node_modules/marked/lib/marked.umd.js",
		// Obsidian's package has types only: the plugin's tests (and the built main.js) get a stand-in.
		"^obsidian$": "<rootDir>/tests/support/obsidian-stub.ts",
	},
	testTimeout: 30000,
};
