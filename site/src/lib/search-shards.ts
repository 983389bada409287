import { createHash } from 'node:crypto';

// The search index is cut into shards so that a publish re-indexes one shard, not the whole
// site (pagefind has no incremental index; shared/FACTS.md). The browser merges them
// (pagefind's mergeIndex, public/search.js). The cut is a function of the published pages
// only, so a full build and an incremental one make the same shards.

/** Pages a shard holds at most while there are fewer than MAX_SHARDS: indexing costs ~2–4 ms a page here. */
export const SHARD_PAGES = 128;
/** Each shard is a few more requests per search in the browser: beyond this, shards grow instead. */
export const MAX_SHARDS = 32;

/**
 * Pages a shard holds at most: SHARD_PAGES, or SITE_SEARCH_SHARD_PAGES where the installation
 * sets it. A province's workers set 64 (scripts/rebuild/queue/build-worker.ts): a hundred
 * portals share the cores, and a publish re-indexes half as many pages, for one more
 * pagefind file (~55 KB, its wasm) per extra shard on a citizen's first search.
 */
export function shardPages(env: Record<string, string | undefined> = process.env): number {
  const set = env.SITE_SEARCH_SHARD_PAGES;
  if (set === undefined || set === '') return SHARD_PAGES;
  const pages = Number(set);
  if (!Number.isInteger(pages) || pages < 8 || pages > 4096) throw new Error(`SITE_SEARCH_SHARD_PAGES must be a whole number of pages from 8 to 4096, not "${set}"`);
  return pages;
}

/** How many shards `pages` content pages are cut into: a power of two, so it rarely changes. */
export function searchShards(pages: number, perShard = shardPages()): number {
  let shards = 1;
  while (pages / shards > perShard && shards < MAX_SHARDS) shards *= 2;
  return shards;
}

/** The shard of a content page: by a hash of its URL, so it stays put as others come and go. */
export function shardOf(url: string, shards: number): number {
  return shards === 1 ? 0 : createHash('sha1').update(url).digest().readUInt32BE(0) % shards;
}

/** Where shard `k` is written and served: the first at /pagefind/ (pagefind's UI loads from there). */
export const shardPath = (k: number) => (k === 0 ? '/pagefind/' : `/pagefind-shards/${k}/`);
