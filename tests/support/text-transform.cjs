// Jest transform: a stylesheet imported by the command line is its text, as esbuild's text loader makes it.
module.exports = {
	process(source) {
		return { code: `module.exports = ${JSON.stringify(source)};` };
	},
};
