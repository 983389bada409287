import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyntheticCms, type SyntheticCms } from '../../scripts/bench/synthetic-cms.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { runSiteBuild, SITE_URL } from '../helpers/site-build.ts';

// These builds run against the Strapi-shaped stand-in (scripts/bench/synthetic-cms.ts): a real
// CMS refuses to publish the invalid entries they need.
describe('the build contract', () => {
  let work: string;
  const stops: Array<() => Promise<void>> = [];
  const buildAgainst = (cms: { url: string; token: string }, name: string, cache = name) =>
    runSiteBuild({ CMS_URL: cms.url, SITE_API_TOKEN: cms.token, SITE_URL, SITE_OUT_DIR: join(work, name), SITE_CACHE_DIR: join(work, `cache-${cache}`) });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tt-site-contract-'));
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('an entry missing a required field fails the build with one line naming kind, documentId and field', async () => {
    const cms = await startSyntheticCms({
      count: 20,
      images: 0,
      mutate: (entry, kind, i) => (kind.key === 'service-guide' && i === 1 ? { ...entry, steps: [] } : entry),
    });
    stops.push(cms.stop);
    const bad = cms.entries.get('service-guides')!.find((e) => Array.isArray(e.steps) && e.steps.length === 0)!;
    const result = await buildAgainst(cms, 'invalid');
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('service-guide');
    expect(lines[0]).toContain(String(bad.documentId));
    expect(lines[0]).toContain('steps');
    expect(lines[0]).toContain('Các bước thực hiện');
  });

  it('a javascript: link in a URL field fails the build instead of reaching an href', async () => {
    const cms = await startSyntheticCms({
      count: 20,
      images: 0,
      mutate: (entry, kind, i) => (kind.key === 'service-guide' && i === 0 ? { ...entry, onlineUrl: 'javascript:alert(1)' } : entry),
    });
    stops.push(cms.stop);
    const result = await buildAgainst(cms, 'js-url');
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('onlineUrl');
  });

  it('an unreachable CMS fails the build with one line saying so', async () => {
    const port = await freePort();
    const result = await buildAgainst({ url: `http://127.0.0.1:${port}`, token: 'x' }, 'unreachable');
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/CMS unreachable: GET http:\/\/127\.0\.0\.1:\d+\/api\//);
  });

  it('a wrong token fails the build with the status the CMS answered', async () => {
    const cms = await startSyntheticCms({ count: 4, images: 0 });
    stops.push(cms.stop);
    const result = await buildAgainst({ url: cms.url, token: 'wrong' }, 'wrong-token');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('status 401');
  });

  it('a missing environment variable fails the build naming it', async () => {
    const result = await runSiteBuild({ CMS_URL: 'http://127.0.0.1:9', SITE_API_TOKEN: '', SITE_URL, SITE_OUT_DIR: join(work, 'no-env') });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('SITE_API_TOKEN');
  });

  it('a second build re-renders only the entries that changed, into a different output directory', async () => {
    const cms = await startSyntheticCms({ count: 40, images: 2 });
    stops.push(cms.stop);
    const first = await buildAgainst(cms, 'first', 'incremental');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/20 articles \(20 rendered, 0 unchanged\)/);
    const article = cms.entries.get('articles')![0];
    article.title = `${article.title} (đã sửa)`;
    article.updatedAt = new Date().toISOString();
    const second = await buildAgainst(cms, 'second', 'incremental');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/20 articles \(1 rendered, 19 unchanged\)/);
    expect(second.stdout).toMatch(/6 model-practices \(0 rendered, 6 unchanged\)/);
    // Images were processed by the first build and reused from the cache by the second.
    expect(second.stdout).toMatch(/(reused|revalidated) cache entry/);
    expect(second.stdout).not.toMatch(/\(before: \d+kB, after/);
  });
});
