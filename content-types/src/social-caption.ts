import type { TextLimit } from './fields';
import { SHARED_CHANNEL_NAMES, SHARED_CHANNELS, type SharedChannel } from './internal/crosspost-job';

// An editor's own caption for one platform (component shared.social-caption). Where it goes and
// how long it may be, from each platform's documentation; the runner's caption.ts reads the
// same limits, so a caption the CMS accepted is sent whole, never cut.

/** The part of the post an editor's caption becomes, and its documented limit. */
export const SOCIAL_CAPTION_LIMITS: Readonly<Record<SharedChannel, TextLimit & { part: string }>> = {
  /** Graph API page post `message` (the link to the portal is attached on its own). */
  facebook: { max: 63_206, unit: 'character', part: 'message' },
  /** Zalo OA article/create `description`. */
  zalo: { max: 300, unit: 'character', part: 'description' },
  /** YouTube Data API videos.insert `snippet.description`: 5,000 bytes of UTF-8. */
  youtube: { max: 5_000, unit: 'byte', part: 'description' },
  /** TikTok Content Posting API `post_info.title`, the video's caption: 2,200 UTF-16 runes. */
  tiktok: { max: 2_200, unit: 'character', part: 'title' },
};

/** The words editors pick for the channel of a caption: the platforms' own names. */
export const SOCIAL_CAPTION_CHANNEL_NAMES: readonly string[] = SHARED_CHANNELS.map((c) => SHARED_CHANNEL_NAMES[c]);

/** The channel key of a caption's platform name ("Zalo" → "zalo"), or undefined. */
export function socialCaptionChannel(name: unknown): SharedChannel | undefined {
  return SHARED_CHANNELS.find((c) => SHARED_CHANNEL_NAMES[c] === name);
}

/** Each platform's limit keyed by the name editors pick, for TextField.maxLengthBy. */
export function socialCaptionLimitsByName(): Record<string, TextLimit> {
  return Object.fromEntries(SHARED_CHANNELS.map((c) => [SHARED_CHANNEL_NAMES[c], { max: SOCIAL_CAPTION_LIMITS[c].max, unit: SOCIAL_CAPTION_LIMITS[c].unit }]));
}

const utf8 = new TextEncoder();

/** A text's size as a platform counts it (the text is NFC: the CMS stores it so). */
export function textSize(text: string, unit: TextLimit['unit']): number {
  return unit === 'byte' ? utf8.encode(text).length : text.length;
}
