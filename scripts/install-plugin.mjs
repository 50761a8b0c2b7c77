// `npm run install-plugin -- <vault path> [--config-dir .obsidian]`: builds the plugin and copies it into
// that vault's plugins folder, so trying a change in a real vault is one command.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import * as path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
let configDir = ".obsidian";
const positional = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === "--config-dir") configDir = args[++i] ?? configDir;
	else positional.push(args[i]);
}
if (positional.length !== 1) {
	console.error("Usage: npm run install-plugin -- <vault path> [--config-dir .obsidian]");
	process.exit(2);
}
const vault = path.resolve(positional[0]);
if (!existsSync(vault) || !statSync(vault).isDirectory()) {
	console.error(`No such vault folder: ${vault}`);
	process.exit(1);
}
if (!existsSync(path.join(vault, configDir))) {
	console.error(`${vault} has no ${configDir} folder: open it in Obsidian once first (or pass --config-dir).`);
	process.exit(1);
}
// fileURLToPath, not URL.pathname: a clone under "My Projects" would otherwise be looked for under "My%20Projects".
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [path.join(root, "esbuild.config.mjs"), "production"], { cwd: root, stdio: "inherit" });
const target = path.join(vault, configDir, "plugins", "medium-publisher");
mkdirSync(target, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) {
	if (existsSync(path.join(root, file))) copyFileSync(path.join(root, file), path.join(target, file));
}
console.log(`Installed into ${target}. In Obsidian: Settings → Community plugins → enable "Medium Publisher" (reload if it was on).`);
