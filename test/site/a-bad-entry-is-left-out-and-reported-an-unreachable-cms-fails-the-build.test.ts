import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyntheticCms, type SyntheticCms } from '../../scripts/bench/synthetic-cms.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { runSiteBuild, SITE_URL } from '../helpers/site-build.ts';
import { listFiles } from './dist-helpers.ts';

// These builds run against the Strapi-shaped stand-in (scripts/bench/synthetic-cms.ts): a real
// CMS refuses to publish the invalid entries they need (they come from data stored before a
// check existed, a database edited by hand, or a model that gained a required field).
describe('the build contract', () => {
  let work: string;
  const stops: Array<() => Promise<void>> = [];
  const buildAgainst = (cms: { url: string; token: string }, name: string, cache = name, env: Record<string, string> = {}) =>
    runSiteBuild({ CMS_URL: cms.url, SITE_API_TOKEN: cms.token, SITE_URL, SITE_OUT_DIR: join(work, name), SITE_CACHE_DIR: join(work, `cache-${cache}`), ...env });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tt-site-contract-'));
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    rmSync(work, { recursive: true, force: true });
  });

  // Decided in site/README.md: one invalid entry must not stop everyone else's publishing, and
  // must not go unnoticed. It is left out of the site and reported, one line each on stderr and
  // a JSON record in SITE_SKIPPED_REPORT (the rebuild worker's GET /status shows it).
  it('an entry missing a required field is left out and reported in one line naming kind, documentId, field and the Vietnamese message', async () => {
    const cms = await startSyntheticCms({
      count: 20,
      images: 0,
      mutate: (entry, kind, i) => (kind.key === 'service-guide' && i === 1 ? { ...entry, steps: [] } : entry),
    });
    stops.push(cms.stop);
    const guides = cms.entries.get('service-guides')!;
    const bad = guides.find((e) => Array.isArray(e.steps) && e.steps.length === 0)!;
    const good = guides.filter((e) => e !== bad);
    const report = join(work, 'invalid-report', 'skipped.json');
    const result = await buildAgainst(cms, 'invalid', 'invalid', { SITE_SKIPPED_REPORT: report });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `Site build left out service-guide ${bad.documentId} «${bad.title}»: field "steps" (Các bước thực hiện): «Các bước thực hiện» cần ít nhất 1 mục.`,
    );
    expect(result.stdout).toMatch(/1 invalid entry left out/);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({
      skipped: [{ kind: 'service-guide', documentId: bad.documentId, title: bad.title, field: 'steps', labels: ['Các bước thực hiện'], message: '«Các bước thực hiện» cần ít nhất 1 mục.' }],
    });
    // Everyone else's pieces are published; the bad one is nowhere on the site.
    const out = join(work, 'invalid');
    expect(existsSync(join(out, 'dich-vu-cong', String(bad.slug), 'index.html'))).toBe(false);
    for (const e of good) expect(existsSync(join(out, 'dich-vu-cong', String(e.slug), 'index.html')), String(e.slug)).toBe(true);
    expect(readFileSync(join(out, 'dich-vu-cong', 'index.html'), 'utf8')).not.toContain(String(bad.slug));
    expect(readFileSync(join(out, 'rss.xml'), 'utf8')).not.toContain(String(bad.documentId));
  });

  it('an entry fixed in the CMS is published by the next build and leaves the report', async () => {
    const cms = await startSyntheticCms({
      count: 8,
      images: 0,
      mutate: (entry, kind, i) => (kind.key === 'fact-check' && i === 0 ? { ...entry, claimUrl: 'facebook.com/bai-viet' } : entry),
    });
    stops.push(cms.stop);
    const factCheck = cms.entries.get('fact-checks')!.find((e) => e.claimUrl === 'facebook.com/bai-viet')!;
    const report = join(work, 'fixed-skipped.json');
    const first = await buildAgainst(cms, 'fixed-1', 'fixed', { SITE_SKIPPED_REPORT: report });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`fact-check ${factCheck.documentId}`);
    expect(first.stderr).toContain('«Liên kết nơi phát hiện» phải là một địa chỉ web đầy đủ');
    expect(JSON.parse(readFileSync(report, 'utf8')).skipped).toHaveLength(1);
    expect(existsSync(join(work, 'fixed-1', 'kiem-chung', String(factCheck.slug), 'index.html'))).toBe(false);
    factCheck.claimUrl = 'https://facebook.com/bai-viet';
    const second = await buildAgainst(cms, 'fixed-2', 'fixed', { SITE_SKIPPED_REPORT: report });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toBe('');
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({ skipped: [] });
    expect(existsSync(join(work, 'fixed-2', 'kiem-chung', String(factCheck.slug), 'index.html'))).toBe(true);
  });

  it('a javascript: link in a URL field leaves the entry out instead of reaching an href', async () => {
    const cms = await startSyntheticCms({
      count: 20,
      images: 0,
      mutate: (entry, kind, i) => (kind.key === 'service-guide' && i === 0 ? { ...entry, onlineUrl: 'javascript:alert(1)' } : entry),
    });
    stops.push(cms.stop);
    const result = await buildAgainst(cms, 'js-url');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('field "onlineUrl" (Liên kết nộp hồ sơ trực tuyến)');
    const files = listFiles(join(work, 'js-url')).filter((f) => /\.(html|xml)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(join(work, 'js-url', file), 'utf8'), file).not.toContain('javascript:alert(1)');
  });

  it('a value stored with a trailing non-breaking space or a control character is read clean, not left out', async () => {
    const cms = await startSyntheticCms({
      count: 20,
      images: 0,
      mutate: (entry, kind, i) =>
        kind.key === 'service-guide' && i === 0 ? { ...entry, onlineUrl: `${String(entry.onlineUrl)}\u00A0`, title: `${String(entry.title)}\u0007` } : entry,
    });
    stops.push(cms.stop);
    const guide = cms.entries.get('service-guides')!.find((e) => String(e.title).endsWith('\u0007'))!;
    const result = await buildAgainst(cms, 'dirty');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const page = readFileSync(join(work, 'dirty', 'dich-vu-cong', String(guide.slug), 'index.html'), 'utf8');
    expect(page).toContain(`href="${String(guide.onlineUrl).trim().replace(/&/g, '&amp;')}"`);
    expect(readFileSync(join(work, 'dirty', 'rss.xml'), 'utf8')).not.toMatch(/[\u0007\u00A0]/);
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

  it('a build from a previous release re-renders only the pages a change reaches, into a new directory, leaving the previous one as it was', async () => {
    const cms = await startSyntheticCms({ count: 40, images: 2 });
    stops.push(cms.stop);
    const first = await buildAgainst(cms, 'first', 'incremental');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/full build \(no previous release\)/);
    const [article, other] = cms.entries.get('articles')!;
    const oldTitle = String(article.title);
    article.title = `${oldTitle} (đã sửa)`;
    article.updatedAt = new Date().toISOString();
    const second = await buildAgainst(cms, 'second', 'incremental', { SITE_PREVIOUS_DIR: join(work, 'first') });
    expect(second.code, second.stderr).toBe(0);
    const [, rendered, total] = /incremental: (\d+) of (\d+) pages rendered/.exec(second.stdout) ?? [];
    expect(Number(rendered)).toBeGreaterThan(0);
    expect(Number(rendered)).toBeLessThan(Number(total) / 4);
    const page = (name: string, slug: unknown) => join(work, name, 'tin-tuc', String(slug), 'index.html');
    expect(readFileSync(page('second', article.slug), 'utf8')).toContain('(đã sửa)');
    expect(readFileSync(page('first', article.slug), 'utf8')).not.toContain('(đã sửa)');
    // An unchanged page, and the images made by the first build, are the first release's own files.
    expect(statSync(page('second', other.slug)).ino).toBe(statSync(page('first', other.slug)).ino);
    const images = listFiles(join(work, 'first', '_astro')).filter((f) => f.endsWith('.webp'));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(statSync(join(work, 'second', '_astro', image)).ino).toBe(statSync(join(work, 'first', '_astro', image)).ino);
  });
});
