/**
 * The `User-Agent` every request to Medium carries, from the plugin and the command line alike: a plain
 * one naming the product and its version. A browser-like one can be answered by Cloudflare's challenge
 * page instead of the API (see ../shared/docs/medium-api.md). The version is the manifest's, read at
 * build time (only that field is bundled).
 */

import { version } from "../../manifest.json";

/** `medium-publisher/<version>`. */
export const USER_AGENT = `medium-publisher/${version}`;
