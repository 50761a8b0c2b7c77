/**
 * What a publish asks Medium for, built in one place from a converted story and the publish choices:
 * the publisher sends it, and the command line's dry run prints it, through the same `buildPostBody`
 * the client uses. So the dry run shows the cut title and the three tags Medium will get, not the note's.
 */

import { buildPostBody, type CreatePostInput, type PostTarget } from "../medium/medium-client";
import type { PublishChoice } from "./publish-settings";

/** The parts of a converted story a post is made of. */
export interface PostSource {
	title: string;
	content: string;
	tags: readonly string[];
	canonicalUrl: string | null;
}

/** The create-story input for a story and the choices (status, license, notify) of its publish. */
export function postInput(story: PostSource, choice: PublishChoice, contentFormat: CreatePostInput["contentFormat"] = "markdown"): CreatePostInput {
	return {
		title: story.title,
		contentFormat,
		content: story.content,
		tags: [...story.tags],
		...(story.canonicalUrl ? { canonicalUrl: story.canonicalUrl } : {}),
		publishStatus: choice.status,
		license: choice.license,
		notifyFollowers: choice.notifyFollowers,
	};
}

/** Where the story goes: the publication in the choice, else the author's profile. */
export function postTarget(choice: PublishChoice): PostTarget {
	return choice.publicationId ? { publicationId: choice.publicationId } : {};
}

/** A request as a dry run shows it: where it goes and the exact JSON body. */
export interface PostRequest {
	/** The publication the story goes to, or null for the author's profile. */
	publicationId: string | null;
	body: Record<string, unknown>;
}

/** The request the client would send for this story (throws like the client on a bad value). */
export function postRequest(story: PostSource, choice: PublishChoice, contentFormat: CreatePostInput["contentFormat"] = "markdown"): PostRequest {
	return { publicationId: choice.publicationId || null, body: buildPostBody(postInput(story, choice, contentFormat)) };
}
