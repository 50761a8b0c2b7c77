// Jest transform: strip TypeScript types with esbuild (type checking is `npm run typecheck`'s job).
const { transformSync } = require("esbuild");

module.exports = {
	process(source, filename) {
		const { code, map } = transformSync(source, {
			loader: "ts",
			format: "cjs",
			target: "node20",
			sourcemap: "inline",
			sourcefile: filename,
		});
		return { code, map };
	},
};
