import { createHash } from 'node:crypto';
import { taxonomy } from '@thanh-thuy/content-types';
import { FEED_ITEMS } from '../lib/feed';
import { listingPages } from '../lib/listing-paths';
import { sectionListings, taskGroupListings, themeListings } from '../lib/listings';
import type { PieceData } from '../lib/piece-types';
import { pieceUrl } from '../lib/pieces';
import { searchShards } from '../lib/search-shards';
import { sections } from '../lib/sections';
import { homePieces } from '../lib/home-pieces';
import { groupOf, pieceGroups } from '../lib/piece-groups';
import { bulletinWeeks } from '../lib/radio/bulletin';
import { weekOf } from '../lib/radio/bulletin-week';
import { memoized, type SiteData } from '../lib/site-data';

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

// A piece's page and its print notice read the piece and what every page reads: their URL and
// digest are kept with the piece for the `shared` digest they were made with, instead of 20,000
// hashes and URLs at every publish of 10,000 pieces.
const piecePages = new WeakMap<PieceData, { shared: string; url: string; digest: string }>();

function piecePage(piece: PieceData, shared: string): { url: string; digest: string } {
  let page = piecePages.get(piece);
  if (page?.shared !== shared) piecePages.set(piece, (page = { shared, url: pieceUrl(piece), digest: sha1(`${shared}\n${JSON.stringify(pieceDigest(piece))}`) }));
  return page;
}

/** Pages that read only what every page reads (the commune's name and details in header and footer). */
const FIXED_PAGES = ['/404.html', '/410.html', '/chu-de/', '/nhiem-vu/', '/gioi-thieu/', '/sitemap-index.xml'];

/**
 * URL → digest of its inputs, for every page, feed and sitemap of the portal; made once per load
 * of the data (the sitemap, rendered after the digests whenever a page comes or goes, reads the
 * same list: ~0.1 s a publish at 10,000 pieces).
 */
export function sitePages(data?: SiteData): Promise<ReadonlyMap<string, string>> {
  return memoized('site-pages', digestPages, data);
}

async function digestPages(data: SiteData): Promise<ReadonlyMap<string, string>> {
  const { pieces } = data;
  const shared = sha1(JSON.stringify(data.commune));
  const pages = new Map<string, string>();
  const add = (url: string, inputs: unknown) => pages.set(url, sha1(`${shared}\n${JSON.stringify(inputs)}`));
  for (const url of FIXED_PAGES) add(url, null);
  for (const piece of pieces) {
    const { url, digest } = piecePage(piece, shared);
    pages.set(url, digest);
    // Its A4 notice for boards (plan III.1): not in the sitemap or the search index.
    pages.set(`${url}ban-in/`, digest);
  }
  // A withdrawn piece keeps its page (with the notice), and nothing else: no print notice, no
  // listing, feed, sitemap entry or search entry.
  for (const piece of data.withdrawn) add(pieceUrl(piece), pieceDigest(piece));
  // The hashes of the paths removed with "Gỡ bỏ": the portal server answers them 410 Gone.
  add('/gone-pages.json', data.gone);
  add('/tim-kiem/', searchShards(pieces.length));
  const groups = pieceGroups(data);
  const home = homePieces(groups);
  add('/', digestsOf([...home.alerts, ...home.guides, ...home.articles, ...home.practices]));
  add('/ke-hoach/', data.coverage);
  for (const listings of [await sectionListings(), await themeListings(), await taskGroupListings()]) {
    for (const [url, { page }] of listingPages(listings)) add(url, [page.number, page.newer, page.older, digestsOf(page.items)]);
  }
  add('/rss.xml', digestsOf(pieces.slice(0, FEED_ITEMS)));
  for (const s of sections) add(`/${s.path}/rss.xml`, digestsOf(groupOf(groups.byKind, s.key).slice(0, FEED_ITEMS)));
  for (const t of taxonomy.themes) add(`/chu-de/${t.key}/rss.xml`, digestsOf(groupOf(groups.byTheme, t.key).slice(0, FEED_ITEMS)));
  // The radio bulletin: the newest week on /truyen-thanh/ (with the list of weeks), each week on
  // its own page and as plain text.
  const weeks = bulletinWeeks(groups.radio);
  // Grouped once: a filter per week cost ~100 ms a publish at 10,000 pieces.
  const radioByWeek = new Map<string, PieceData[]>();
  for (const piece of groups.radio) {
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
