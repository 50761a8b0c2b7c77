// Builds the plugin bundle (main.js, for Obsidian desktop and mobile), the command line
// (dist/cli.js, for Node) and the benchmark (dist/bench.js). `node esbuild.config.mjs [production|watch]`.
import esbuild from "esbuild";
import { chmodSync } from "node:fs";
import { builtinModules } from "node:module";
import process from "node:process";

const mode = process.argv[2] ?? "production";
const production = mode !== "watch";

// Obsidian provides these at run time; Node built-ins must never be bundled into the plugin.
const pluginExternals = [
	"obsidian",
	"electron",
	"@codemirror/*",
	"@lezer/*",
	...builtinModules,
	...builtinModules.map((m) => `node:${m}`),
];

const plugin = {
	entryPoints: ["main.ts"],
	bundle: true,
	format: "cjs",
	platform: "browser",
	target: "es2021",
	external: pluginExternals,
	outfile: "main.js",
	minify: production,
	sourcemap: production ? false : "inline",
	treeShaking: true,
	logLevel: mode === "watch" ? "info" : "warning",
};

const node = {
	bundle: true,
	format: "cjs",
	platform: "node",
	target: "node20",
	logLevel: mode === "watch" ? "info" : "warning",
};

// The CLI's preview page inlines the preview section of styles.css: one stylesheet for the view and the page.
const cli = { ...node, entryPoints: ["src/cli/cli.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" }, loader: { ".css": "text" } };
const bench = { ...node, entryPoints: ["bench/bench.ts"], outfile: "dist/bench.js" };

if (mode === "watch") {
	const ctx = await esbuild.context(plugin);
	await ctx.watch();
} else if (mode === "bench") {
	await esbuild.build(bench);
} else {
	await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
	// `npm link` / `npm install -g .` run dist/cli.js directly: it must be executable (its shebang is the banner).
	chmodSync(cli.outfile, 0o755);
}
