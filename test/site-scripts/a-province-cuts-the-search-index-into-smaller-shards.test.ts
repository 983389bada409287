import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyntheticCms, type SyntheticCms } from '../../scripts/bench/synthetic-cms.ts';
import { communeBuildEnv, PROVINCE_SHARD_PAGES } from '../../scripts/rebuild/queue/build-worker.ts';
import { MAX_SHARDS, SHARD_PAGES, searchShards, shardPages, shardPath } from '../../site/src/lib/search-shards.ts';
import { runSiteBuild, SITE_URL } from '../helpers/site-build.ts';

// A publish re-indexes the search shard holding its page (pagefind has no incremental index).
// A province's workers cut smaller shards than one commune does: a hundred portals share the
// cores, and a shard of 64 pages costs half the indexing of one of 128.
describe('the size of search shards', () => {
  it('is 128 pages by default and what SITE_SEARCH_SHARD_PAGES says when it is set', () => {
    expect(shardPages({})).toBe(SHARD_PAGES);
    expect(SHARD_PAGES).toBe(128);
    expect(shardPages({ SITE_SEARCH_SHARD_PAGES: '64' })).toBe(64);
    expect(searchShards(200, 128)).toBe(2);
    expect(searchShards(200, 64)).toBe(4);
    expect(searchShards(64, 64)).toBe(1);
    // Never more than MAX_SHARDS, whatever the size: each is more requests per search.
    expect(searchShards(100_000, 8)).toBe(MAX_SHARDS);
  });

  it('refuses a size that is not a whole number of pages from 8 to 4096, naming the variable', () => {
    for (const bad of ['abc', '0', '7', '64.5', '5000']) {
      expect(() => shardPages({ SITE_SEARCH_SHARD_PAGES: bad }), bad).toThrow(`SITE_SEARCH_SHARD_PAGES must be a whole number of pages from 8 to 4096, not "${bad}"`);
    }
  });

  it("is 64 pages in a province commune's build, unless the installation sets another", () => {
    const previous = process.env.SITE_SEARCH_SHARD_PAGES;
    try {
      delete process.env.SITE_SEARCH_SHARD_PAGES;
      expect(PROVINCE_SHARD_PAGES).toBe(64);
      expect(communeBuildEnv({}, 'dao-xa', 'http://dao-xa.test').SITE_SEARCH_SHARD_PAGES).toBe('64');
      process.env.SITE_SEARCH_SHARD_PAGES = '32';
      expect(communeBuildEnv({}, 'dao-xa', 'http://dao-xa.test').SITE_SEARCH_SHARD_PAGES).toBe('32');
    } finally {
      if (previous === undefined) delete process.env.SITE_SEARCH_SHARD_PAGES;
      else process.env.SITE_SEARCH_SHARD_PAGES = previous;
    }
  });
});

describe('a build with SITE_SEARCH_SHARD_PAGES', () => {
  let cms: SyntheticCms;
  let work: string;
  beforeAll(async () => {
    cms = await startSyntheticCms({ count: 100, images: 0 });
    work = mkdtempSync(join(tmpdir(), 'tt-shard-size-'));
  });
  afterAll(async () => {
    await cms?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });
  const build = (name: string, pages: string) =>
    runSiteBuild({ CMS_URL: cms.url, SITE_API_TOKEN: cms.token, SITE_URL, SITE_OUT_DIR: join(work, name), SITE_CACHE_DIR: join(work, `cache-${name}`), SITE_SEARCH_SHARD_PAGES: pages });

  it('writes shards of at most that many pages, every page in one of them, and the search page merges them all', async () => {
    const result = await build('small', '32');
    expect(result.code, result.stderr).toBe(0);
    const out = join(work, 'small');
    const pieces = [...cms.entries.values()].flat().length;
    const shards = searchShards(pieces, 32);
    expect(shards).toBe(4);
    const counts = Array.from({ length: shards }, (_, k) => {
      const entry = JSON.parse(readFileSync(join(out, shardPath(k), 'pagefind-entry.json'), 'utf8')) as { languages: { vi: { page_count: number } } };
      return entry.languages.vi.page_count;
    });
    for (const count of counts) expect(count).toBeLessThanOrEqual(32);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(pieces);
    expect(existsSync(join(out, shardPath(shards), 'pagefind-entry.json'))).toBe(false);
    const merged = /data-merge-index="([^"]+)"/.exec(readFileSync(join(out, 'tim-kiem', 'index.html'), 'utf8'))?.[1].split(' ');
    expect(merged).toEqual(Array.from({ length: shards - 1 }, (_, k) => shardPath(k + 1)));
  });

  it('fails with one line naming the variable when its value is wrong', async () => {
    const result = await build('wrong', 'soixantequatre');
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual(['Site build failed: SITE_SEARCH_SHARD_PAGES must be a whole number of pages from 8 to 4096, not "soixantequatre"']);
  });
});
