/** A stylesheet imported by the command line: bundled as its text (esbuild's text loader). */
declare module "*.css" {
	const text: string;
	export default text;
}
