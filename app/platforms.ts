/**
 * The registry of chat platforms: one line per platform. Adding a platform is a folder under
 * `adapters/` that exports a `Platform`, and one line here; nothing else names a platform.
 */
import { discord } from "../adapters/discord/index.ts";
import { slack } from "../adapters/slack/index.ts";

/** Every chat platform paperbot can run on, in the order they start and are listed. */
export const PLATFORMS = [slack, discord] as const;
