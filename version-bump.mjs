// `npm version <x.y.z>` runs this: the plugin's manifest and the version → minAppVersion map follow
// package.json, so a release tag, the manifest and versions.json always agree.
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";

const version = process.env.npm_package_version;
if (!version) {
	console.error("version-bump.mjs runs from `npm version` (npm_package_version is not set).");
	process.exit(1);
}
const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
manifest.version = version;
writeFileSync("manifest.json", JSON.stringify(manifest, null, "\t") + "\n");

const versions = JSON.parse(readFileSync("versions.json", "utf8"));
versions[version] = manifest.minAppVersion;
writeFileSync("versions.json", JSON.stringify(versions, null, "\t") + "\n");
console.log(`manifest.json and versions.json now at ${version} (minAppVersion ${manifest.minAppVersion}).`);
