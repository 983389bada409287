import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { runSiteBuild, SITE_URL } from '../helpers/site-build.ts';

// A new commune, or one that ran `npm run demo:remove`, has published nothing yet:
// pagefind writes no language index for zero pages, which breaks the search page.
describe('a portal with nothing published', () => {
  let cms: TestCms;
  let work: string;

  beforeAll(async () => {
    cms = await bootCms();
    work = mkdtempSync(join(tmpdir(), 'tt-site-empty-'));
  });
  afterAll(async () => {
    await cms?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('still builds, with its pages, feeds and a search index the search page can load', async () => {
    const out = join(work, 'dist');
    const result = await runSiteBuild({ CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL, SITE_OUT_DIR: out, SITE_CACHE_DIR: join(work, 'cache') });
    expect(result.code, result.stderr).toBe(0);
    for (const page of ['index.html', 'tin-tuc/index.html', 'tim-kiem/index.html', 'rss.xml', 'pagefind/pagefind.js']) {
      expect(existsSync(join(out, page)), page).toBe(true);
    }
    expect(readFileSync(join(out, 'ke-hoach', 'index.html'), 'utf8')).toContain('Dịch vụ công trực tuyến');
    // The search page's pagefind.js throws "No language indexes found" without a language index.
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(['vi']);
  });
});
