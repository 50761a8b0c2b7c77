/**
 * What identifies a story's local image (a vault file or bytes written in the note): the key its uploaded
 * URL is kept under when publishing, the key the image's first line is found by for warnings, and the name
 * the preview shows when it cannot show the image. One function, so the three never drift apart.
 */

import { dataImageStandIn } from "./story-markdown";
import type { ImageSource } from "./story-model";

/** A local image's source: anything but a URL Medium fetches itself. */
export type LocalImageSource = Exclude<ImageSource, { kind: "url" }>;

/**
 * A local image's key: its vault path (as written, not URI-encoded), or for an image written in the note
 * its markdown stand-in (`data:image/png;hash=…`, {@link dataImageStandIn}), the same for the same bytes.
 */
export function imageKey(source: LocalImageSource): string {
	return source.kind === "vault" ? source.path : dataImageStandIn(source.mime, source.key);
}
