// The search index of a release (pagefind, Node API), cut into shards (src/lib/search-shards.ts):
// a full build indexes every shard, an incremental one only the shards holding a page that
// changed or went away. Only content pages are indexed (listings would repeat their titles).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileOf } from './render-site.mjs';

const CONTENT_PAGE = /^\/(tin-tuc|dien-hinh|dich-vu-cong|kiem-chung)\/[^/]+\/$/;

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
  mkdirSync(dirname(target), { recursive: true });
  const temp = mkdtempSync(join(dirname(target), '.pagefind-'));
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', maxFragments: 2000 });
    if (!index) throw new SearchIndexError(`pagefind could not start: ${errors.join('; ')}`);
    for (const url of urls) {
      const added = await index.addHTMLFile({ url, content: readFileSync(join(outDir, fileOf(url)), 'utf8') });
      if (added.errors.length) throw new SearchIndexError(`pagefind failed to index ${url}: ${added.errors[0]}`);
    }
    // With nothing published yet (a new commune, or after demo:remove) pagefind writes no
    // language index and fails ("No language indexes found"): index the home page instead,
    // so the search page works and finds nothing else.
    if (urls.length === 0) {
      const home = await index.addCustomRecord({ url: '/', content: 'Trang chủ cổng thông tin điện tử xã', language: 'vi', meta: { title: 'Trang chủ' } });
      if (home.errors.length) throw new SearchIndexError(`pagefind could not index the empty portal: ${home.errors[0]}`);
    }
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
function linkShard(from, outDir, path) {
  const target = join(outDir, path);
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target.replace(/\/$/, '')}.${process.pid}.link`;
  const cp = spawnSync('cp', ['-al', join(from, path), temp], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (cp.status !== 0) throw new SearchIndexError(`cp -al ${join(from, path)} failed: ${cp.stderr?.toString().trim() || cp.error?.message}`);
  if (existsSync(target)) rmSync(target, { recursive: true });
  renameSync(temp, target);
}

/**
 * Brings the search index of `outDir` up to date with its pages. `previousDir` is the live
 * release it was made from (incremental), `changed` and `removed` the URLs rendered and removed.
 * When the release started as an older spare, `sinceLive` lists the URLs that differ from the
 * live release: a shard that changed since the spare but not since the live release is linked
 * from the live release instead of being indexed again.
 * @returns {Promise<{ pages: number; shards: number; indexed: number[]; linked: number[] }>}
 */
export async function updateSearchIndex({ outDir, urls, previousDir = null, changed = [], removed = [], sinceLive = null, search }) {
  const content = urls.filter((url) => CONTENT_PAGE.test(url)).sort();
  const shards = search.searchShards(content.length);
  const members = Array.from({ length: shards }, () => []);
  for (const url of content) members[search.shardOf(url, shards)].push(url);
  let stale = members.map((_, k) => k);
  let linked = [];
  const shardsTouched = (list) => new Set(list.filter((url) => CONTENT_PAGE.test(url)).map((url) => search.shardOf(url, shards)));
  if (previousDir && shardsOnDisk(outDir, search.shardPath) === shards) {
    const touched = shardsTouched([...changed, ...removed]);
    stale = stale.filter((k) => touched.has(k));
    if (sinceLive && shardsOnDisk(previousDir, search.shardPath) === shards) {
      const live = shardsTouched(sinceLive);
      linked = stale.filter((k) => !live.has(k));
      stale = stale.filter((k) => live.has(k));
      for (const k of linked) linkShard(previousDir, outDir, search.shardPath(k));
    }
  }
  // Shards of a larger cut that the portal no longer has.
  for (let k = shards; existsSync(join(outDir, search.shardPath(k))); k++) rmSync(join(outDir, search.shardPath(k)), { recursive: true });
  if (shards === 1) rmSync(join(outDir, 'pagefind-shards'), { recursive: true, force: true });
  if (stale.length) {
    const pagefind = await import('pagefind');
    try {
      for (const k of stale) await indexShard(pagefind, outDir, members[k], join(outDir, search.shardPath(k)));
    } finally {
      await pagefind.close();
    }
  }
  return { pages: content.length, shards, indexed: stale, linked };
}
