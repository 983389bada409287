import { existsSync, readdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/env/config.ts';
import { openRenderer, serverBundle } from '../../site/scripts/render-site.mjs';
import { createReleaseBuilder, type ReleaseBuilder } from '../../scripts/rebuild/release-builder.ts';
import { newBuildId, readReleases, rollback } from '../../scripts/rebuild/releases/release-store.ts';
import type { BuildRun } from '../../scripts/rebuild/scheduling/build-scheduler.ts';
import { siteBuildCommand, siteBuildService } from '../../scripts/rebuild/worker-config.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';

const ARTICLE = 'api::article.article';

// In a province, whichever worker is free builds a commune's next job, so one commune's
// releases come from several workers in turn, each with its own build service holding the data
// of the last release *it* rendered. A worker that updated only what its job names from that
// data would take away what another worker published meanwhile: it starts from the rows the
// live release was rendered from (its snapshot), and after a rollback reads everything.
describe('a portal built by two workers in turn', () => {
  let dir: string;
  let cms: TestCms;
  let api: AdminApi;
  let relations: Record<string, unknown>;
  const builders: ReleaseBuilder[] = [];
  const lines: string[] = [];

  const run = (reason: BuildRun['reason'], keys: string[] = []): BuildRun => ({
    id: newBuildId(),
    reason,
    attempt: 1,
    changes: keys.map((key) => ({ key, event: 'entry.publish' })),
    startedAt: new Date().toISOString(),
    signal: new AbortController().signal,
  });

  async function publishArticle(title: string): Promise<{ key: string; page: string }> {
    const created = await api.create(ARTICLE, { ...articleFields, title, ...relations });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await api.publish(ARTICLE, created.body.data.documentId);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    return { key: `${ARTICLE}:${created.body.data.documentId}`, page: join('tin-tuc', created.body.data.slug, 'index.html') };
  }

  /** The phase timings a build left (site/scripts/build.mjs): where its data came from. */
  const timings = (build: BuildRun) => JSON.parse(readFileSync(join(builders[0].layout.logs, `${build.id}.timings.json`), 'utf8'));

  const livePage = async (page: string) => {
    const { current } = await readReleases(builders[0].layout);
    return existsSync(join(builders[0].layout.builds, current!, page));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-two-workers-'));
    cms = await bootCms();
    api = new AdminApi(cms, cms.adminToken);
    relations = { themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])), unit: connect(await api.ids('unit', ['phong-vhxh'])) };
    await publishArticle('Bài thường trực của cổng thông tin');
    for (const name of ['A', 'B']) {
      const builder = createReleaseBuilder({
        dataDir: join(dir, 'data'),
        build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL: 'http://127.0.0.1:4321', SITE_LOAD_SNAPSHOTS: 'true' } },
        precompress: false,
        log: (line) => lines.push(`[${name}] ${line}`),
      });
      await builder.prepare();
      builders.push(builder);
    }
    // Each worker has rendered the portal once: both services hold the data in memory.
    await builders[0].build(run('startup'));
    await builders[1].build(run('startup'));
  }, 240_000);

  afterAll(async () => {
    for (const builder of builders) builder.stop();
    await cms?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a piece the other worker published when it builds the next publish', async () => {
    const first = await publishArticle('Xã Thanh Thủy mở lớp kỹ năng số cho hội phụ nữ');
    await builders[0].build(run('change', [first.key]));
    expect(await livePage(first.page)).toBe(true);

    const second = await publishArticle('Đoàn thanh niên hướng dẫn cài ứng dụng VNeID');
    const build = run('change', [second.key]);
    await builders[1].build(build);
    expect(await livePage(second.page)).toBe(true);
    expect(await livePage(first.page), lines.join('\n')).toBe(true);
    // …from the rows the live release was rendered from (its snapshot), fetching only the one document.
    expect(timings(build)).toMatchObject({ incremental: true, startedFrom: 'snapshot', fetched: 1 });
  }, 240_000);

  it('updates only what changed when the live release is its own', async () => {
    const third = await publishArticle('Hội nông dân bán bưởi trên sàn thương mại điện tử');
    const before = lines.length;
    const build = run('change', [third.key]);
    await builders[1].build(build);
    expect(await livePage(third.page)).toBe(true);
    expect(lines.slice(before).join('\n')).not.toContain('reading every entry again');
    expect(timings(build)).toMatchObject({ incremental: true, startedFrom: 'memory', fetched: 1 });
  }, 240_000);

  it('reads everything again after a rollback, so the next publish brings back what the rollback took away', async () => {
    const fourth = await publishArticle('Thư viện xã mở góc tra cứu dịch vụ công');
    await builders[0].build(run('change', [fourth.key]));
    expect(await livePage(fourth.page)).toBe(true);
    await rollback(builders[0].layout);
    expect(await livePage(fourth.page)).toBe(false);

    // The rolled-back release's rows lack the fourth piece, which the CMS still publishes.
    const fifth = await publishArticle('Trạm y tế nhận đặt lịch khám qua Zalo');
    const build = run('change', [fifth.key]);
    await builders[1].build(build);
    expect(await livePage(fifth.page)).toBe(true);
    expect(await livePage(fourth.page), lines.join('\n')).toBe(true);
    expect(timings(build)).toMatchObject({ fetched: 'all' });
    expect(lines.join('\n')).toContain('(a rollback); reading every entry again');
  }, 240_000);

  it('starts a worker’s first build of the portal from the entries the snapshot carries, validating only what changed', async () => {
    // A third worker, new: nothing of this portal in its memory.
    const third = createReleaseBuilder({
      dataDir: join(dir, 'data'),
      build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL: 'http://127.0.0.1:4321', SITE_LOAD_SNAPSHOTS: 'true' } },
      precompress: false,
      log: (line) => lines.push(`[C] ${line}`),
    });
    builders.push(third);
    const sixth = await publishArticle('Hợp tác xã chè mở gian hàng trên Postmart');
    const build = run('change', [sixth.key]);
    await third.build(build);
    expect(await livePage(sixth.page)).toBe(true);
    const { current } = await readReleases(builders[0].layout);
    const pages = readdirSync(join(builders[0].layout.builds, current!, 'tin-tuc'));
    expect(pages.length).toBeGreaterThan(5);
    // Only the new piece was validated and rendered from Markdown; the others came from the snapshot.
    expect(timings(build)).toMatchObject({ incremental: true, startedFrom: 'snapshot', fetched: 1, validated: 1 });
  }, 240_000);

  it('keeps every validated entry as it was through the snapshot’s JSON', async () => {
    // What a snapshot carries (load-snapshot.mjs) must come back equal, to the last undefined.
    // Loaded as the build service loads it: by the server bundle the builds above rendered with.
    const bundle = await serverBundle({ CMS_URL: cms.url }, join(dir, 'bundle-cache'));
    const renderer = await openRenderer(bundle.dir);
    const loaded = await renderer.loadSiteData({ url: cms.url, token: cms.siteToken }, renderer.emptyLoadCache(), null);
    expect(loaded.cache.entries.size).toBeGreaterThan(5);
    for (const [key, entry] of loaded.cache.entries) expect(JSON.parse(JSON.stringify(entry)), key).toStrictEqual(entry);
    expect(JSON.parse(JSON.stringify(loaded.cache.commune))).toStrictEqual(loaded.cache.commune);
  });
});
