import type { ContentKindDefinition } from '@thanh-thuy/content-types';
import type { Correction, PieceData, SiteImage, TermRef } from '../lib/piece-types';
import { foldedDWords } from '../lib/fold-search-words';
import { htmlToText, renderMarkdown } from '../render/markdown';
import { publicationDates } from './publication-dates';

type Entry = Record<string, any>;

const term = (t: Entry | null | undefined): TermRef | null => (t ? { key: String(t.key ?? t.slug), label: String(t.label ?? t.name) } : null);
const terms = (list: Entry[] | null | undefined): TermRef[] => (list ?? []).map((t) => term(t) as TermRef);

/**
 * The address Astro fetches an upload from, carrying the upload's version. Replacing a file
 * in the media library keeps its CMS URL (Strapi keeps `hash` and `ext`) and changes only
 * `updatedAt`; Astro names each derived image by a hash of its source address, so the
 * version gives a replaced photo new portal URLs instead of the old, immutably cached ones.
 */
export function versionedSrc(media: Entry, mediaBase: string): string {
  const url = new URL(/^https?:\/\//.test(media.url) ? media.url : `${mediaBase}${media.url}`);
  url.searchParams.set('v', [media.hash, media.updatedAt, media.size].filter((part) => part !== undefined && part !== null).join('_'));
  return url.toString();
}

/** A CMS upload as a site image; alt text comes from the sibling field, then the media library. */
export function toSiteImage(media: Entry | null | undefined, alt: string | null | undefined, mediaBase: string): SiteImage | null {
  if (!media?.url || !media.width || !media.height) return null;
  return { src: versionedSrc(media, mediaBase), width: media.width, height: media.height, alt: (alt || media.alternativeText || '').trim() };
}

const COMMON = new Set(['title', 'slug', 'summary', 'themes', 'taskGroups', 'audiences', 'channels', 'unit', 'cover', 'coverAlt', 'corrections', 'firstPublishedAt', 'withdrawnAt', 'withdrawalReason']);
// What only the cross-post runner uses. The portal does not show the video: every build would
// fetch each referenced upload from the CMS again (site/scripts/copy-cms-uploads.mjs), tens of
// MB a clip, and the platforms' own players are where people watch it.
const CROSSPOST_ONLY = new Set(['video', 'socialCaptions']);

/** The validated entry as the data of a content-layer entry: markdown rendered, images resolved (sharedOn comes from the ledger). */
export function toPiece(kind: ContentKindDefinition, entry: Entry, mediaBase: string): Omit<PieceData, 'sharedOn'> {
  const html: Record<string, string> = {};
  const fields: Record<string, unknown> = {};
  const texts: string[] = [entry.title, entry.summary];
  for (const [name, field] of Object.entries(kind.fields)) {
    const value = entry[name];
    if (field.type === 'markdown') {
      if (typeof value === 'string' && value.trim()) {
        html[name] = renderMarkdown(value, { mediaBase });
        texts.push(htmlToText(html[name]));
      }
    } else if (!COMMON.has(name) && !CROSSPOST_ONLY.has(name)) {
      fields[name] = value ?? null;
      if (typeof value === 'string') texts.push(value);
    }
  }
  if (Array.isArray(entry.steps)) {
    fields.steps = entry.steps.map((s: Entry) => ({ text: s.text, screenshot: toSiteImage(s.screenshot, s.screenshotAlt, mediaBase) }));
    texts.push(...entry.steps.map((s: Entry) => s.text));
  }
  for (const list of ['documents', 'faqs', 'results', 'sources']) {
    if (Array.isArray(entry[list])) texts.push(...entry[list].flatMap((item: Entry) => Object.values(item).filter((v) => typeof v === 'string')));
  }
  return {
    kind: kind.key,
    documentId: entry.documentId,
    slug: entry.slug,
    title: entry.title,
    summary: entry.summary,
    ...publicationDates(entry as { publishedAt: string; firstPublishedAt?: string | null }),
    updatedAt: entry.updatedAt,
    withdrawn: entry.withdrawnAt ? { at: entry.withdrawnAt, reason: entry.withdrawalReason ?? '' } : null,
    themes: terms(entry.themes),
    taskGroups: terms(entry.taskGroups),
    audiences: terms(entry.audiences),
    channels: terms(entry.channels),
    unit: term(entry.unit),
    cover: toSiteImage(entry.cover, entry.coverAlt, mediaBase),
    corrections: ((entry.corrections ?? []) as Correction[]).map(({ date, note }) => ({ date, note })),
    html,
    searchFold: foldedDWords(texts.join(' ')),
    fields,
  };
}
