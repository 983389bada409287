// The first publish stamps firstPublishedAt a moment before Strapi stamps publishedAt; a later
// publish is one that went public more than this after the first.
const REPUBLISH_MARGIN_MS = 60_000;

/**
 * The piece's first publication date and, when it was published again later (a correction),
 * that date. A CMS older than firstPublishedAt serves none: its publishedAt is all there is.
 */
export function publicationDates(entry: { publishedAt: string; firstPublishedAt?: string | null }): { publishedAt: string; republishedAt: string | null } {
  const first = entry.firstPublishedAt ?? entry.publishedAt;
  const later = Date.parse(entry.publishedAt) - Date.parse(first) > REPUBLISH_MARGIN_MS;
  return { publishedAt: first, republishedAt: later ? entry.publishedAt : null };
}
