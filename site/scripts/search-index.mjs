// The search index of a release (pagefind, Node API), cut into shards (src/lib/search-shards.ts):
// a full build indexes every shard, an incremental one only the shards holding a page that
// changed or went away. Only content pages are indexed (listings would repeat their titles).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileOf, linkTree } from './render-site.mjs';

const CONTENT_PAGE = /^\/(tin-tuc|dien-hinh|dich-vu-cong|kiem-chung)\/[^/]+\/$/;

/** Whether the search index holds a page (content pages only). */
export const isIndexed = (url) => CONTENT_PAGE.test(url);

export class SearchIndexError extends Error {
  name = 'SearchIndexError';
}

/** Shards of a release on disk: /pagefind/ and each /pagefind-shards/<k>/. */
function shardsOnDisk(dir, shardPath) {
  let count = 0;
  while (existsSync(join(dir, shardPath(count), 'pagefind-entry.json'))) count++;
  return count;
}

/**
 * Indexes `urls` (sorted, so the same pages make the same files) of `outDir` into `target`. The
 * index is written beside it and renamed into place: the folder of a release that started as
 * hard links to the live one is replaced, never written into.
 */
async function indexShard(pagefind, outDir, urls, target) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', maxFragments: 2000 });
  if (!index) throw new SearchIndexError(`pagefind could not start: ${errors.join('; ')}`);
  // All pages sent at once, not each after the answer to the one before: the backend takes
  // them in order, and the answers wait for our event loop, busy rendering the listings.
  const added = await Promise.all(urls.map((url) => index.addHTMLFile({ url, content: readFileSync(join(outDir, fileOf(url)), 'utf8') })));
  const failed = added.findIndex((result) => result.errors.length);
  if (failed >= 0) throw new SearchIndexError(`pagefind failed to index ${urls[failed]}: ${added[failed].errors[0]}`);
  // With nothing published yet (a new commune, or after demo:remove) pagefind writes no
  // language index and fails ("No language indexes found"): index the home page instead,
  // so the search page works and finds nothing else.
  if (urls.length === 0) {
    const home = await index.addCustomRecord({ url: '/', content: 'Trang chủ cổng thông tin điện tử xã', language: 'vi', meta: { title: 'Trang chủ' } });
    if (home.errors.length) throw new SearchIndexError(`pagefind could not index the empty portal: ${home.errors[0]}`);
  }
  await writeShard(index, target);
}

// Pages sent to pagefind and not yet answered, beyond which the feed says it is busy and
// rendering turns to pages the index does not read (or waits, when none are left).
const FEED_BACKLOG = 256;

/**
 * The search index of a full build, fed while the pages render: each content page's HTML goes
 * to its shard's index as soon as it is rendered (no second read from disk), and pagefind's
 * backend, a process of its own, indexes on the other core meanwhile. Each shard still takes
 * its pages in URL order, so it is the same index `updateSearchIndex` makes from the files.
 * A page is sent without waiting for the answer to the one before: the backend handles its
 * messages one at a time in the order they come (pagefind's service loop), so order is kept
 * and it never waits for a round trip through our event loop.
 * `take(url, html)` returns a promise when the backlog is full (wait for it before rendering
 * more pages for the index); `busy()` says whether it is; `finish()` writes every shard into
 * `outDir`.
 */
export async function feedSearchIndex({ outDir, urls, search }) {
  const content = urls.filter((url) => CONTENT_PAGE.test(url) && search.searchable(url)).sort();
  const shards = search.searchShards(content.length);
  if (content.length === 0) return null;
  const pagefind = await import('pagefind');
  const members = Array.from({ length: shards }, () => []);
  for (const url of content) members[search.shardOf(url, shards)].push(url);
  const indexes = await Promise.all(
    members.map(async (list) => {
      if (list.length === 0) return null;
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', maxFragments: 2000 });
      if (!index) throw new SearchIndexError(`pagefind could not start: ${errors.join('; ')}`);
      return index;
    }),
  );
  const state = members.map(() => ({ next: 0, waiting: new Map(), written: null }));
  const pending = [];
  let backlog = 0;
  let failure = null;
  let drained = [];
  const fail = (error) => {
    failure ??= error;
  };
  const answered = () => {
    backlog--;
    if (backlog < FEED_BACKLOG / 2) for (const resolve of drained.splice(0)) resolve();
  };
  function take(url, html) {
    if (!CONTENT_PAGE.test(url) || !search.searchable(url)) return undefined;
    const k = search.shardOf(url, shards);
    const shard = state[k];
    shard.waiting.set(url, html);
    // In URL order: a page waits until the pages before it in its shard have come.
    for (let u = members[k][shard.next]; u !== undefined && shard.waiting.has(u); u = members[k][shard.next]) {
      const text = shard.waiting.get(u);
      shard.waiting.delete(u);
      shard.next++;
      if (failure) continue;
      backlog++;
      const added = indexes[k].addHTMLFile({ url: u, content: text }).then((result) => {
        if (result.errors.length) throw new SearchIndexError(`pagefind failed to index ${u}: ${result.errors[0]}`);
      });
      pending.push(added.catch(fail).finally(answered));
      // A shard with all its pages is written at once (sent behind them), while the other pages
      // still render: writing every shard after rendering cost ~8 s at 10,000 pieces.
      if (shard.next === members[k].length) shard.written = added.then(() => writeShard(indexes[k], join(outDir, search.shardPath(k)))).catch(fail);
    }
    return backlog >= FEED_BACKLOG ? new Promise((resolve) => drained.push(resolve)) : undefined;
  }
  async function finish() {
    await Promise.all([...pending, ...state.map((s) => s.written)]);
    const missing = state.findIndex((s, k) => s.next !== members[k].length);
    if (!failure && missing >= 0) failure = new SearchIndexError(`the search index did not get every page of shard ${missing} (${members[missing][state[missing].next]} never came)`);
    try {
      if (failure) throw failure;
      // A shard no page fell into (rare: the cut is by hash) is indexed as an empty portal is.
      for (let k = 0; k < shards; k++) if (!state[k].written) await indexShard(pagefind, outDir, [], join(outDir, search.shardPath(k)));
    } finally {
      await pagefind.close();
    }
    return { pages: content.length, shards, indexed: members.map((_, k) => k), linked: [] };
  }
  return { take, busy: () => backlog >= FEED_BACKLOG, finish, abort: () => pagefind.close() };
}

/** Writes an index beside `target` and renames it into place. */
async function writeShard(index, target) {
  mkdirSync(dirname(target), { recursive: true });
  const temp = mkdtempSync(join(dirname(target), '.pagefind-'));
  try {
    const written = await index.writeFiles({ outputPath: temp });
    if (written.errors.length) throw new SearchIndexError(`pagefind failed to write its index: ${written.errors[0]}`);
    await index.deleteIndex();
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(temp, target);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Hard links of a shard of `from` in place of the same shard of `outDir` (by temp name and rename). */
async function linkShard(from, outDir, path) {
  const target = join(outDir, path);
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target.replace(/\/$/, '')}.${process.pid}.link`;
  // In a child process: the stale shards are being indexed meanwhile.
  try {
    await linkTree(join(from, path), temp);
  } catch (error) {
    throw new SearchIndexError(`The search shard ${path} could not be linked from ${from}: ${error.message}`, { cause: error });
  }
  if (existsSync(target)) rmSync(target, { recursive: true });
  renameSync(temp, target);
}

/**
 * Brings the search index of `outDir` up to date with its pages. `previousDir` is the live
 * release it was made from (incremental), `changed` and `removed` the URLs rendered and removed.
 * When the release started as an older spare, `sinceLive` lists the URLs that differ from the
 * live release: a shard that changed since the spare but not since the live release is linked
 * from the live release instead of being indexed again. `keepOpen` leaves pagefind's backend
 * process running for the next call (a long-lived build process).
 * @returns {Promise<{ pages: number; shards: number; indexed: number[]; linked: number[] }>}
 */
export async function updateSearchIndex({ outDir, urls, previousDir = null, changed = [], removed = [], sinceLive = null, search, keepOpen = false }) {
  const content = urls.filter((url) => CONTENT_PAGE.test(url) && search.searchable(url)).sort();
  const shards = search.searchShards(content.length);
  const members = Array.from({ length: shards }, () => []);
  for (const url of content) members[search.shardOf(url, shards)].push(url);
  let stale = members.map((_, k) => k);
  let linked = [];
  let linking = Promise.resolve();
  const shardsTouched = (list) => new Set(list.filter((url) => CONTENT_PAGE.test(url)).map((url) => search.shardOf(url, shards)));
  if (previousDir && shardsOnDisk(outDir, search.shardPath) === shards) {
    const touched = shardsTouched([...changed, ...removed]);
    stale = stale.filter((k) => touched.has(k));
    if (sinceLive && shardsOnDisk(previousDir, search.shardPath) === shards) {
      const live = shardsTouched(sinceLive);
      linked = stale.filter((k) => !live.has(k));
      stale = stale.filter((k) => live.has(k));
      // Linked while the stale shards are indexed.
      linking = Promise.all(linked.map((k) => linkShard(previousDir, outDir, search.shardPath(k))));
      linking.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
    }
  }
  // Shards of a larger cut that the portal no longer has.
  for (let k = shards; existsSync(join(outDir, search.shardPath(k))); k++) rmSync(join(outDir, search.shardPath(k)), { recursive: true });
  if (shards === 1) rmSync(join(outDir, 'pagefind-shards'), { recursive: true, force: true });
  if (stale.length) {
    const pagefind = await import('pagefind');
    let failed = true;
    try {
      // Two shards at a time, so that one is read and sent while the backend works on the other.
      const queue = [...stale];
      await Promise.all(
        [0, 1].map(async () => {
          for (let k = queue.shift(); k !== undefined; k = queue.shift()) await indexShard(pagefind, outDir, members[k], join(outDir, search.shardPath(k)));
        }),
      );
      failed = false;
    } finally {
      // The build service keeps pagefind's backend running between publishes: starting it
      // costs a few hundred milliseconds a publish. After a failure it is closed, so the next
      // build starts a fresh one (pagefind never restarts a backend that died).
      if (failed || !keepOpen) await pagefind.close();
    }
  }
  await linking;
  return { pages: content.length, shards, indexed: stale, linked };
}
