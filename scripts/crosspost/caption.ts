import { SOCIAL_CAPTION_LIMITS } from '@thanh-thuy/content-types';
import type { ChannelName } from './channels/channel.ts';

// Default captions per channel, cut to each platform's documented limits.
//
// Counting: text is NFC first (Vietnamese typed on some keyboards arrives decomposed, NFD,
// and would count twice as long). Limits are counted in UTF-16 code units, the largest of the
// three ways platforms count "characters" (UTF-16 units ≥ code points ≥ graphemes), so a text
// that fits here fits however the platform counts; for NFC Vietnamese all three agree. Cuts
// fall only on grapheme boundaries (Intl.Segmenter), so a combining mark, a surrogate pair or
// an emoji sequence is never split. YouTube's description limit is in UTF-8 bytes.

/**
 * Documented limits, one place. Those an editor's own caption must fit are defined with the
 * content model (content-types social-caption.ts), where the CMS refuses a longer caption on
 * save: a caption the CMS accepted is sent whole.
 */
export const LIMITS = {
  /** Zalo OA article create: title ≤ 150, description ≤ 300. */
  zaloTitle: 150,
  zaloDescription: SOCIAL_CAPTION_LIMITS.zalo.max,
  /**
   * Facebook accepts a post message up to 63,206 characters; a page post is read in a feed,
   * so the default keeps the summary short and only an editor's own caption may run long.
   */
  facebookMessage: SOCIAL_CAPTION_LIMITS.facebook.max,
  facebookSummary: 500,
  /** YouTube Data API videos.insert: title ≤ 100 characters, description ≤ 5,000 bytes. */
  youtubeTitle: 100,
  youtubeDescriptionBytes: SOCIAL_CAPTION_LIMITS.youtube.max,
  /**
   * TikTok Content Posting API `post_info.title` (the caption): at most 2,200 UTF-16 runes.
   * FACTS.md does not list it; this is TikTok's documented figure.
   */
  tiktokTitle: SOCIAL_CAPTION_LIMITS.tiktok.max,
} as const;

export const ELLIPSIS = '…';

export type Measure = 'utf16' | 'utf8';

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
const utf8 = new TextEncoder();

function sizeOf(text: string, measure: Measure): number {
  return measure === 'utf8' ? utf8.encode(text).length : text.length;
}

/** Punctuation that reads badly right before "…". */
const TRAILING_JOINERS = /[\s,;:.\-–—/|(]+$/u;

/** The largest code-point boundary whose prefix measures at most `room`. */
function roomEnd(text: string, room: number, measure: Measure): number {
  if (measure === 'utf16') return Math.min(room, text.length);
  let bytes = 0;
  let index = 0;
  for (const char of text) {
    const size = utf8.encode(char).length;
    if (bytes + size > room) break;
    bytes += size;
    index += char.length;
  }
  return index;
}

/**
 * Returns `text` (NFC) when it fits in `max`, otherwise its longest prefix that ends on a word
 * boundary followed by "…", the whole within `max`. A single word longer than half the room
 * is cut between graphemes instead, so a long URL or name still leaves something to read.
 * A `max` too small for the ellipsis itself gives "".
 */
export function fitText(text: string, max: number, measure: Measure = 'utf16'): string {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`fitText: max must be a positive integer, got ${max}`);
  const nfc = text.normalize('NFC');
  if (sizeOf(nfc, measure) <= max) return nfc;
  const room = max - sizeOf(ELLIPSIS, measure);
  if (room < 0) return '';

  // containing() asks ICU for the one boundary it needs; iterating every grapheme of a long
  // caption is quadratic in V8 (seconds for an editor's 60,000-character Facebook text).
  const segments = segmenter.segment(nfc);
  const boundaryAtOrBefore = (index: number) => (index >= nfc.length ? nfc.length : (segments.containing(index)?.index ?? index));
  const end = boundaryAtOrBefore(roomEnd(nfc, room, measure));
  // The cut already falls on a word boundary when the next character is a space.
  if (end < nfc.length && /\s/u.test(nfc[end])) return nfc.slice(0, end).replace(TRAILING_JOINERS, '') + ELLIPSIS;
  let space = end;
  while (space > 0 && !/\s/u.test(nfc[space - 1])) space -= 1;
  const wordEnd = space > 0 ? boundaryAtOrBefore(space - 1) : 0;
  const cutAt = wordEnd > 0 && wordEnd >= end / 2 ? wordEnd : end;
  return nfc.slice(0, cutAt).replace(TRAILING_JOINERS, '') + ELLIPSIS;
}

export interface CaptionSource {
  title: string;
  summary: string;
  /** The piece's portal URL: every copy links back to it. */
  url: string;
  /**
   * The editor's own caption for this channel; overrides the default. The CMS refuses one over
   * the limit on save; cutting here is the guard for anything that did not pass through it.
   */
  custom?: string;
}

/**
 * What each channel sends. `text` is the single ready-to-paste caption (what the runner puts in
 * Publication.caption and shows in outbox mode); the other fields are the platform's own parts.
 */
export type Caption =
  | { channel: 'facebook'; text: string; message: string }
  | { channel: 'zalo'; text: string; title: string; description: string }
  | { channel: 'youtube'; text: string; title: string; description: string }
  | { channel: 'tiktok'; text: string; title: string }
  | { channel: 'webhook'; text: string };

function blank(value: string | undefined): value is undefined | '' {
  return value === undefined || value.trim() === '';
}

/** Joins non-empty paragraphs with a blank line. */
function paragraphs(...parts: string[]): string {
  return parts.map((part) => part.trim()).filter(Boolean).join('\n\n');
}

/**
 * Title and summary cut so that the whole, with the URL (never cut: a cut link is a broken
 * link) as the last paragraph, fits in `max`.
 */
function withLink(title: string, summary: string, url: string, max: number, measure: Measure = 'utf16'): string {
  const tail = `\n\n${url}`;
  const room = max - sizeOf(tail, measure);
  if (room < 1) return fitText(url, max, measure);
  const fittedTitle = fitText(title.trim(), room, measure);
  const summaryRoom = room - sizeOf(`${fittedTitle}\n\n`, measure);
  const fittedSummary = summaryRoom >= 1 && summary.trim() ? fitText(summary.trim(), summaryRoom, measure) : '';
  return paragraphs(fittedTitle, fittedSummary, url);
}

/**
 * YouTube rejects "<" and ">" in titles and descriptions (invalidTitle / invalidDescription);
 * the single angle quotation marks keep what the editor meant ("giá > 5 triệu").
 */
function withoutAngleBrackets(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

/** The caption for one channel, from the piece or the editor's own words. */
export function captionFor(channel: ChannelName, source: CaptionSource): Caption {
  const title = source.title.normalize('NFC').trim();
  const summary = source.summary.normalize('NFC').trim();
  const url = source.url.trim();
  const custom = blank(source.custom) ? undefined : source.custom.normalize('NFC').trim();

  switch (channel) {
    case 'facebook': {
      const message = custom
        ? fitText(custom, LIMITS.facebookMessage)
        : withLink(title, fitText(summary, LIMITS.facebookSummary), url, LIMITS.facebookMessage);
      return { channel, text: message, message };
    }
    case 'zalo': {
      const zaloTitle = fitText(title, LIMITS.zaloTitle);
      const description = fitText(custom ?? summary, LIMITS.zaloDescription);
      return { channel, text: paragraphs(zaloTitle, description, url), title: zaloTitle, description };
    }
    case 'youtube': {
      const ytTitle = fitText(withoutAngleBrackets(title), LIMITS.youtubeTitle);
      const description = custom
        ? fitText(withoutAngleBrackets(custom), LIMITS.youtubeDescriptionBytes, 'utf8')
        : withLink('', withoutAngleBrackets(summary), url, LIMITS.youtubeDescriptionBytes, 'utf8');
      return { channel, text: paragraphs(ytTitle, description), title: ytTitle, description };
    }
    case 'tiktok': {
      const tiktokTitle = custom ? fitText(custom, LIMITS.tiktokTitle) : withLink(title, summary, url, LIMITS.tiktokTitle);
      return { channel, text: tiktokTitle, title: tiktokTitle };
    }
    case 'webhook':
      // The webhook carries the whole piece as data; its caption is a convenience, never cut.
      return { channel, text: custom ?? paragraphs(title, summary, url) };
  }
}
