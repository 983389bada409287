import { createHash } from 'node:crypto';
import { taxonomy } from '@thanh-thuy/content-types';
import { FEED_ITEMS } from '../lib/feed';
import { listingPages } from '../lib/listing-paths';
import { sectionListings, taskGroupListings, themeListings } from '../lib/listings';
import type { PieceData } from '../lib/piece-types';
import { pieceUrl } from '../lib/pieces';
import { searchShards } from '../lib/search-shards';
import { sections } from '../lib/sections';
import { bulletinWeeks, isRadioPiece } from '../lib/radio/bulletin';
import { weekOf } from '../lib/radio/bulletin-week';
import { siteData, type SiteData } from '../lib/site-data';

// Every page of the portal and what it reads, as a digest per URL. Two loads of the data that
// give a URL the same digest render it identically, so an incremental render re-renders only
// the URLs whose digest changed (scripts/render-site.mjs). Whatever a page reads must be in its
// digest: the equivalence test (test/rebuild/incremental-equals-full.test.ts) fails otherwise.

const pieceDigests = new WeakMap<PieceData, string>();
const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

/** A piece's digest; pieces are immutable once loaded, so it is computed once per piece. */
function pieceDigest(piece: PieceData): string {
  let digest = pieceDigests.get(piece);
  if (!digest) pieceDigests.set(piece, (digest = sha1(JSON.stringify(piece))));
  return digest;
}

const digestsOf = (pieces: PieceData[]) => pieces.map(pieceDigest);

/** Pages that read only what every page reads (the commune's name and details in header and footer). */
const FIXED_PAGES = ['/404.html', '/410.html', '/chu-de/', '/nhiem-vu/', '/gioi-thieu/', '/sitemap-index.xml'];

/** URL → digest of its inputs, for every page, feed and sitemap of the portal. */
export async function sitePages(data: SiteData = siteData()): Promise<Map<string, string>> {
  const { pieces } = data;
  const shared = sha1(JSON.stringify(data.commune));
  const pages = new Map<string, string>();
  const add = (url: string, inputs: unknown) => pages.set(url, sha1(`${shared}\n${JSON.stringify(inputs)}`));
  for (const url of FIXED_PAGES) add(url, null);
  for (const piece of pieces) {
    add(pieceUrl(piece), pieceDigest(piece));
    // Its A4 notice for boards (plan III.1): not in the sitemap or the search index.
    add(`${pieceUrl(piece)}ban-in/`, pieceDigest(piece));
  }
  // A withdrawn piece keeps its page (with the notice), and nothing else: no print notice, no
  // listing, feed, sitemap entry or search entry.
  for (const piece of data.withdrawn) add(pieceUrl(piece), pieceDigest(piece));
  // The hashes of the paths removed with "Gỡ bỏ": the portal server answers them 410 Gone.
  add('/gone-pages.json', data.gone);
  add('/tim-kiem/', searchShards(pieces.length));
  const ofKind = (kind: string, n: number) => pieces.filter((p) => p.kind === kind).slice(0, n);
  const alerts = pieces.filter((p) => p.kind === 'fact-check' && p.fields.verdict !== 'Đúng').slice(0, 3);
  add('/', digestsOf([...alerts, ...ofKind('service-guide', 6), ...ofKind('article', 6), ...ofKind('model-practice', 3)]));
  add('/ke-hoach/', data.coverage);
  for (const listings of [await sectionListings(), await themeListings(), await taskGroupListings()]) {
    for (const [url, { page }] of listingPages(listings)) add(url, [page.number, page.newer, page.older, digestsOf(page.items)]);
  }
  add('/rss.xml', digestsOf(pieces.slice(0, FEED_ITEMS)));
  for (const s of sections) add(`/${s.path}/rss.xml`, digestsOf(pieces.filter((p) => p.kind === s.key).slice(0, FEED_ITEMS)));
  for (const t of taxonomy.themes) add(`/chu-de/${t.key}/rss.xml`, digestsOf(pieces.filter((p) => p.themes.some((x) => x.key === t.key)).slice(0, FEED_ITEMS)));
  // The radio bulletin: the newest week on /truyen-thanh/ (with the list of weeks), each week on
  // its own page and as plain text.
  const weeks = bulletinWeeks(pieces);
  // Grouped once: a filter per week cost ~100 ms a publish at 10,000 pieces.
  const radioByWeek = new Map<string, PieceData[]>();
  for (const piece of pieces.filter(isRadioPiece)) {
    const slug = weekOf(piece.publishedAt).slug;
    const week = radioByWeek.get(slug);
    if (week) week.push(piece);
    else radioByWeek.set(slug, [piece]);
  }
  const ofWeek = (slug: string) => digestsOf(radioByWeek.get(slug) ?? []);
  add('/truyen-thanh/', [weeks.map((w) => w.slug), weeks[0] ? ofWeek(weeks[0].slug) : []]);
  for (const week of weeks) {
    add(`/truyen-thanh/${week.slug}/`, ofWeek(week.slug));
    add(`/truyen-thanh/${week.slug}.txt`, ofWeek(week.slug));
  }
  // The sitemap lists every HTML page but the 404 page.
  add('/sitemap-0.xml', sitemapUrls([...pages.keys()], withdrawnUrls(data)));
  return pages;
}

// One collator: localeCompare with options builds one per call (~0.5 s for 12,000 URLs).
const collator = new Intl.Collator('en', { numeric: true });

/** The pages a sitemap lists: HTML pages (URLs ending in "/") but the print notices and withdrawn pieces, in @astrojs/sitemap's order. */
export function sitemapUrls(urls: string[], withdrawn: ReadonlySet<string>): string[] {
  return urls.filter((url) => url.endsWith('/') && !url.endsWith('/ban-in/') && !withdrawn.has(url)).sort(collator.compare);
}

/** The pages of withdrawn pieces: served, but neither listed in the sitemap nor searchable. */
export const withdrawnUrls = (data: SiteData): ReadonlySet<string> => new Set(data.withdrawn.map(pieceUrl));
