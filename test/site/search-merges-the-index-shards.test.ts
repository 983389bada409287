import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyntheticCms, type SyntheticCms } from '../../scripts/bench/synthetic-cms.ts';
import { loadedSearchResults } from '../helpers/search-results.ts';
import { CHROMIUM, runSiteBuild, serveSite, SITE_URL } from '../helpers/site-build.ts';

// A portal with more than 128 content pages has its search index cut into shards
// (site/src/lib/search-shards.ts), so a publish re-indexes one shard. The search page must still
// find every page, in whichever shard it is, and fold đ as before.
const PIECES = 300;
// A word of its own for each piece (its slug is unique), e.g. "masoq3k9z".
const word = (slug: unknown) => `maso${createHash('sha1').update(String(slug)).digest('hex').slice(0, 8)}`;

describe('search on a portal whose index is cut into shards', () => {
  let cms: SyntheticCms;
  let work: string;
  let out: string;
  let server: Awaited<ReturnType<typeof serveSite>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Each piece carries a word of its own, so a search names exactly one page.
    cms = await startSyntheticCms({ count: PIECES, images: 0, mutate: (entry) => ({ ...entry, summary: `${String(entry.summary)} Đơn vị đăng tải, mã tra cứu ${word(entry.slug)}.` }) });
    work = mkdtempSync(join(tmpdir(), 'tt-search-shards-'));
    out = join(work, 'out');
    const result = await runSiteBuild({ CMS_URL: cms.url, SITE_API_TOKEN: cms.token, SITE_URL, SITE_OUT_DIR: out, SITE_CACHE_DIR: join(work, 'cache') });
    if (result.code !== 0) throw new Error(`The build failed:\n${result.stderr}`);
    server = await serveSite(out);
    browser = await chromium.launch(CHROMIUM);
    page = await browser.newPage();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await cms?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes several shards, and the search page lists the ones it merges', () => {
    const html = readFileSync(join(out, 'tim-kiem', 'index.html'), 'utf8');
    const merged = /data-merge-index="([^"]+)"/.exec(html)?.[1].split(' ') ?? [];
    expect(merged.length).toBeGreaterThan(0);
    for (const path of merged) expect(existsSync(join(out, path, 'pagefind-entry.json')), path).toBe(true);
  });

  it('the search box finds a page in whichever shard it is, first', async () => {
    const entries = [...cms.entries.values()].flat();
    // 24 pieces spread over the list: with 4 shards, each shard holds some of them.
    for (const entry of entries.filter((_, n) => n % Math.floor(entries.length / 24) === 0)) {
      await page.goto(`${server.url}/tim-kiem/?q=${word(entry.slug)}`);
      const links = await loadedSearchResults(page);
      // Each shard answers with its own best matches; the one page holding the word ranks first.
      expect(links[0], `${word(entry.slug)}: ${links.join(', ')}`).toContain(`/${String(entry.slug)}/`);
    }
  });

  it('an accent-free query with đ finds the pages of every shard', async () => {
    await page.goto(`${server.url}/tim-kiem/?q=don+vi+dang+tai`);
    await page.waitForSelector('.pagefind-ui__result-link');
    const message = (await page.locator('.pagefind-ui__message').textContent()) ?? '';
    expect(Number(/(\d+) kết quả/.exec(message)?.[1]), message).toBe(PIECES);
  });
});
