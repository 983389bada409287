import Parser from 'rss-parser';
import { describe, expect, inject, it } from 'vitest';
import { publicationDates } from '../../site/src/loaders/publication-dates.ts';
import { FIRST_PUBLISHED, readBuilt } from '../helpers/site-build.ts';
import { attr, descendants, elements, textOf } from './dist-helpers.ts';

// The setup publishes an article "on 29/08/2025" and a correction of it today
// (correctOldArticle in test/helpers/site-build.ts): the portal must date and order it by the
// first publication everywhere and show the correction as "Cập nhật".
const build = inject('siteBuild');
const { piece, note } = build.corrected;
const url = `/tin-tuc/${piece.slug}/`;
const parser = new Parser({ customFields: { item: ['guid'] } });
const day = (iso: string) => new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

function jsonLdOf(html: string): Record<string, unknown> {
  const script = elements(html).find((el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json')!;
  return JSON.parse(textOf(script));
}
const metaOf = (html: string, property: string) => attr(elements(html).find((el) => el.tagName === 'meta' && attr(el, 'property') === property)!, 'content');

describe('a piece first published on 29/08/2025 and corrected today', () => {
  it('was really published again today, after its first publication', () => {
    expect(piece.publishedAt).toBe(FIRST_PUBLISHED);
    expect(Date.now() - Date.parse(piece.lastPublishedAt)).toBeLessThan(60 * 60_000);
  });

  it('its page is dated 29/08/2025 and shows "Cập nhật" with today’s date and the change note', () => {
    const html = readBuilt(build.outDir, url);
    const header = elements(html).find((el) => el.tagName === 'header' && attr(el, 'class') === 'piece-header')!;
    const time = elements(html).find((el) => el.tagName === 'time' && attr(el, 'datetime') === FIRST_PUBLISHED);
    expect(time && textOf(time)).toBe('Thứ Sáu, 29/08/2025');
    const text = textOf(header).replace(/\s+/g, ' ');
    expect(text).toContain(`Cập nhật Thứ`);
    expect(text).toMatch(new RegExp(`Cập nhật Thứ [^,]+, ${day(piece.lastPublishedAt)}`));
    expect(text).toContain(note);
  });

  it('its structured data and share tags keep the first publication and name the update', () => {
    const html = readBuilt(build.outDir, url);
    const data = jsonLdOf(html);
    expect(data.datePublished).toBe(FIRST_PUBLISHED);
    expect(data.dateModified).toBe(piece.lastPublishedAt);
    expect(metaOf(html, 'article:published_time')).toBe(FIRST_PUBLISHED);
    expect(metaOf(html, 'article:modified_time')).toBe(piece.lastPublishedAt);
  });

  it('keeps its place in the news list: the oldest article, last on the oldest archive page, dated 29/08/2025', () => {
    const cards = elements(readBuilt(build.outDir, '/tin-tuc/trang/1/')).filter((el) => el.tagName === 'article' && attr(el, 'class') === 'card');
    const last = cards.at(-1)!;
    const href = (card: typeof last) => attr(descendants(card).find((el) => el.tagName === 'a')!, 'href');
    expect(href(last)).toBe(url);
    expect(textOf(last)).toContain('29/08/2025');
    expect(readBuilt(build.outDir, '/tin-tuc/')).not.toContain(piece.title);
  });

  it.each(['/rss.xml', '/tin-tuc/rss.xml', '/chu-de/tien-do-nhiem-vu/rss.xml'])('keeps its date and place in the feed %s', async (path) => {
    const feed = await parser.parseString(readBuilt(build.outDir, path));
    const guid = `urn:thanh-thuy:article:${piece.documentId}`;
    const item = feed.items.find((i) => String((i as { guid?: unknown }).guid) === guid);
    const dates = feed.items.map((i) => Date.parse(i.isoDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    if (!item) {
      // Only the newest 50 are listed: then it is left out because it is old, not listed as new.
      expect(feed.items).toHaveLength(50);
      expect(Math.min(...dates)).toBeGreaterThanOrEqual(Date.parse(FIRST_PUBLISHED));
      return;
    }
    expect(item.isoDate).toBe(FIRST_PUBLISHED);
    expect(feed.items[0]).not.toBe(item);
  });

  it('is sorted in search by its first publication', () => {
    const html = readBuilt(build.outDir, url);
    const sort = elements(html).find((el) => attr(el, 'data-pagefind-sort') === 'date')!;
    expect(textOf(sort)).toBe(FIRST_PUBLISHED);
  });
});

describe('what counts as a later publish', () => {
  const first = '2025-08-29T03:00:00.000Z';
  it.each([
    ['published once', { firstPublishedAt: first, publishedAt: '2025-08-29T03:00:00.004Z' }, null],
    ['published again within the minute (one save-and-publish)', { firstPublishedAt: first, publishedAt: '2025-08-29T03:00:40.000Z' }, null],
    ['published again the next day', { firstPublishedAt: first, publishedAt: '2025-08-30T01:00:00.000Z' }, '2025-08-30T01:00:00.000Z'],
    ['served by a CMS without the field', { publishedAt: first }, null],
  ])('%s', (_name, entry, republishedAt) => {
    expect(publicationDates(entry)).toEqual({ publishedAt: first, republishedAt });
  });
});
