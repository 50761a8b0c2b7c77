/** Tests are TypeScript, transformed by esbuild; `obsidian` resolves to a stand-in for glue tests. */
module.exports = {
	testEnvironment: "node",
	roots: ["<rootDir>/tests"],
	testMatch: ["**/*.test.ts"],
	transform: { "\\.ts$": "<rootDir>/tests/support/esbuild-transform.cjs" },
	moduleFileExtensions: ["ts", "js", "cjs", "json"],
	testTimeout: 30000,
};
