import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/env/config.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startPortal, type Portal } from '../../scripts/rebuild/serving/portal.ts';
import { siteBuildCommand, siteBuildService } from '../../scripts/rebuild/worker-config.ts';
import { startWorker, type Worker } from '../../scripts/rebuild/worker.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { cspViolations, launchChromium, searchPortal } from './helpers/browser.ts';
import { waitFor } from './helpers/wait.ts';

const ARTICLE = 'api::article.article';
const SECRET = `bi-mat-${randomBytes(12).toString('hex')}`;
const BUILD_WAIT = 90_000;

// The real thing: `strapi start` with its own webhook, the worker running the real site
// build (its build service: a full render first, then only what each publish changes), the
// portal server, and a browser for the search index.
describe('publishing from the admin updates the portal', () => {
  let dir: string;
  let cms: TestCms;
  let api: AdminApi;
  let worker: Worker;
  let portal: Portal;
  let browser: Browser;
  let relations: Record<string, unknown>;
  let standing: { documentId: string; path: string };
  const lines: string[] = [];

  const get = (path: string) => fetch(`${portal.url}${path}`);
  const pageStatus = async (path: string) => (await get(path)).status;
  const feed = async (path = '/rss.xml') => (await get(path)).text();
  const token = () => `kiemthu${randomBytes(4).toString('hex')}`;

  async function createDraft(title: string): Promise<{ documentId: string; path: string }> {
    const res = await api.create(ARTICLE, { ...articleFields, title, ...relations });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { documentId: res.body.data.documentId, path: `/tin-tuc/${res.body.data.slug}/` };
  }

  async function publish(documentId: string): Promise<void> {
    const res = await api.publish(ARTICLE, documentId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  async function idle(): Promise<void> {
    await waitFor('the worker to be idle', async () => (await worker.status()).state !== 'building' && (await worker.status()).state !== 'waiting', BUILD_WAIT);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-publish-'));
    const [workerPort, portalPort] = [await freePort(), await freePort()];
    cms = await bootCms({ env: { WEBHOOK_URL: `http://127.0.0.1:${workerPort}/webhook`, WEBHOOK_SECRET: SECRET } });
    api = new AdminApi(cms, cms.adminToken);
    relations = { themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])), unit: connect(await api.ids('unit', ['phong-vhxh'])) };
    // One piece stays published throughout, in the first build: pagefind cannot search an
    // index with no page at all ("No language indexes found").
    standing = await createDraft('Bài thường trực của cổng thông tin');
    await publish(standing.documentId);
    worker = await startWorker({
      dataDir: join(dir, 'data'),
      host: '127.0.0.1',
      port: workerPort,
      secret: SECRET,
      build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL: `http://127.0.0.1:${portalPort}` } },
      retryBaseMs: 10 * 60_000, // a failure stays visible for the test that provokes one
      log: (line) => lines.push(line),
    });
    portal = await startPortal({ dataDir: join(dir, 'data'), host: '127.0.0.1', port: portalPort });
    browser = await launchChromium();
    await waitFor('the first build to go live', async () => (await worker.status()).live, BUILD_WAIT);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await worker?.stop();
    await cms?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the CMS registers its webhook to the worker with the bearer secret, and the worker refuses a request without it', async () => {
    const { body } = await api.request('GET', '/admin/webhooks');
    const hooks = body.data as Array<{ name: string; url: string; headers: Record<string, string>; events: string[]; isEnabled: boolean }>;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ url: `${worker.url}/webhook`, headers: { Authorization: `Bearer ${SECRET}` }, isEnabled: true });
    expect(hooks[0].events).toEqual(expect.arrayContaining(['entry.publish', 'entry.unpublish', 'entry.delete', 'entry.update', 'media.create']));
    // The standing piece's own publish webhook can reach the worker during its first build and
    // queue a follow-up: let that settle, so only the refused request could change anything.
    await idle();
    const before = await worker.status();
    const refused = await fetch(`${worker.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ event: 'entry.publish', createdAt: new Date().toISOString(), model: 'article', uid: ARTICLE, entry: { documentId: 'x', publishedAt: new Date().toISOString() } }) });
    expect(refused.status).toBe(401);
    const after = await worker.status();
    expect(after.webhooks).toEqual(before.webhooks);
    expect(after.pending).toEqual(before.pending);
  });

  let first: { documentId: string; path: string; term: string };

  it('publishing a piece puts its page, its feed item and its search entry on the portal', async () => {
    const term = token();
    const piece = await createDraft(`Bài thử nghiệm ${term} về chuyển đổi số`);
    first = { ...piece, term };
    const t0 = Date.now();
    await publish(piece.documentId);
    await waitFor(`${piece.path} to be served`, async () => (await pageStatus(piece.path)) === 200, BUILD_WAIT);
    const seconds = (Date.now() - t0) / 1000;
    const page = await (await get(piece.path)).text();
    expect(page).toContain(term);
    expect(await feed()).toContain(piece.path);
    expect(await feed('/tin-tuc/rss.xml')).toContain(piece.path);
    expect(await searchPortal(browser, portal.url, term)).toEqual([piece.path]);
    console.log(`publish → live (page, feeds, search): ${seconds.toFixed(1)} s`);
    // The release was made from the one before: only the pages the piece reaches were rendered.
    await idle();
    const { live } = await worker.status();
    expect(live?.build).toMatchObject({ incremental: true, why: 'pages whose inputs changed' });
    expect(live!.build!.rendered).toBeGreaterThan(0);
    expect(live!.build!.rendered).toBeLessThan(live!.build!.pages / 2);
    expect(live!.build!.filesChanged).toBeGreaterThanOrEqual(live!.build!.rendered);
    expect(lines.some((l) => /is live after .*incremental: \d+ of \d+ pages rendered/.test(l))).toBe(true);
  }, BUILD_WAIT);

  it('editing the draft of a published piece does not rebuild the portal', async () => {
    await idle();
    const before = await worker.status();
    const res = await api.update(ARTICLE, first.documentId, { ...articleFields, title: `Bản nháp mới ${first.term}`, ...relations });
    expect(res.status).toBe(200);
    // The draft edit's webhook (entry.update of the draft) has arrived and was ignored.
    const after = await waitFor('the webhook of the draft edit', async () => {
      const s = await worker.status();
      return s.webhooks.ignored > before.webhooks.ignored ? s : undefined;
    }, 30_000);
    expect(after.webhooks.accepted).toBe(before.webhooks.accepted);
    expect(after.pending).toEqual([]);
    expect(after.totals).toEqual(before.totals);
    expect(after.state).toBe('idle');
    expect(await (await get(first.path)).text()).not.toContain('Bản nháp mới');
  }, BUILD_WAIT);

  it('unpublishing a piece takes its page, feed item and search entry off the portal', async () => {
    await publish(first.documentId); // the edited draft goes live first, under the same address
    await waitFor('the edit to be live', async () => (await (await get(first.path)).text()).includes('Bản nháp mới'), BUILD_WAIT);
    expect((await api.unpublish(ARTICLE, first.documentId)).status).toBe(200);
    await waitFor(`${first.path} to be gone`, async () => (await pageStatus(first.path)) === 404, BUILD_WAIT);
    expect(await (await get(first.path)).text()).toContain('Không tìm thấy');
    expect(await feed()).not.toContain(first.path);
    expect(await feed('/tin-tuc/rss.xml')).not.toContain(first.path);
    expect(await searchPortal(browser, portal.url, first.term)).toEqual([]);
  }, BUILD_WAIT * 2);

  it('deleting a published piece takes its page, feed item and search entry off the portal', async () => {
    const term = token();
    const piece = await createDraft(`Bài sẽ bị xóa ${term}`);
    await publish(piece.documentId);
    await waitFor(`${piece.path} to be served`, async () => (await pageStatus(piece.path)) === 200, BUILD_WAIT);
    expect(await searchPortal(browser, portal.url, term)).toEqual([piece.path]);
    expect((await api.remove(ARTICLE, piece.documentId)).status).toBe(200);
    await waitFor(`${piece.path} to be gone`, async () => (await pageStatus(piece.path)) === 404, BUILD_WAIT);
    expect(await feed()).not.toContain(piece.path);
    expect(await feed('/tin-tuc/rss.xml')).not.toContain(piece.path);
    expect(await searchPortal(browser, portal.url, term)).toEqual([]);
  }, BUILD_WAIT * 2);

  it('50 publishes in about 5 seconds are batched into far fewer builds, and the portal then holds all 50', async () => {
    await idle();
    const term = token();
    const pieces: Array<{ documentId: string; path: string }> = [];
    for (let i = 1; i <= 50; i++) pieces.push(await createDraft(`Tin loạt ${term} số ${i}`));
    const before = (await worker.status()).totals;
    const started = Date.now();
    for (const [i, piece] of pieces.entries()) {
      await publish(piece.documentId);
      const due = started + ((i + 1) * 5_000) / pieces.length;
      if (Date.now() < due) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
    const spent = (Date.now() - started) / 1000;
    await waitFor('all 50 pages', async () => {
      const last = await pageStatus(pieces.at(-1)!.path);
      return last === 200 && (await worker.status()).state === 'idle';
    }, BUILD_WAIT * 2);
    const after = await worker.status();
    const builds = after.totals.succeeded + after.totals.failed - before.succeeded - before.failed;
    console.log(`50 publishes in ${spent.toFixed(1)} s → ${builds} builds`);
    expect(builds).toBeGreaterThanOrEqual(1);
    // An incremental build takes about a second, so several run during the burst, each taking
    // every publish that arrived meanwhile: on average at least two publishes a build.
    expect(builds).toBeLessThanOrEqual(pieces.length / 2);
    expect(after.totals.failed).toBe(before.failed);
    const statuses = await Promise.all(pieces.map((p) => pageStatus(p.path)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const sectionFeed = await feed('/tin-tuc/rss.xml');
    expect(pieces.filter((p) => !sectionFeed.includes(p.path))).toEqual([]);
    const found = await searchPortal(browser, portal.url, term);
    expect(found.sort()).toEqual(pieces.map((p) => p.path).sort());
  }, BUILD_WAIT * 3);

  it("the portal's pages carry a Content-Security-Policy that forbids inline scripts, and pass it, search included", async () => {
    const paths = ['/', '/tin-tuc/', standing.path, '/tim-kiem/', '/khong-co-trang-nay/'];
    for (const path of paths) {
      const res = await get(path);
      const html = await res.text();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, `${path}: no Content-Security-Policy header`).toMatch(/^default-src 'self';/);
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '';
      expect(scriptSrc, path).toMatch(/^script-src 'self'/);
      expect(scriptSrc, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      // Each inline script the build wrote is allowed by its hash, and nothing more.
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs]) => !/\bsrc=|application\/(ld\+)?json/i.test(attrs));
      expect(scriptSrc.match(/'sha256-/g) ?? [], path).toHaveLength(new Set(inline.map(([, , body]) => body)).size);
    }
    const context = await browser.newContext();
    try {
      for (const path of paths) expect(await cspViolations(await context.newPage(), `${portal.url}${path}`), path).toEqual([]);
      // The browser enforces it: a script injected into a page is blocked and reported.
      const page = await context.newPage();
      const blocked = await cspViolations(page, `${portal.url}/`, async (p) => {
        await p.evaluate("(() => { const s = document.createElement('script'); s.textContent = 'window.tiem = 1'; document.body.append(s); })()");
      });
      expect(blocked.join('\n')).toMatch(/script-src/);
      expect(await page.evaluate('window.tiem')).toBeUndefined();
      const violations = await cspViolations(await context.newPage(), `${portal.url}/tim-kiem/?q=${first.term.slice(0, 7)}`, async (page) => {
        await page.waitForSelector('.pagefind-ui__result, .pagefind-ui__message', { timeout: 10_000 });
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a build that fails (the CMS is down) leaves the last good site served and the status endpoint says why', async () => {
    await idle();
    const before = await worker.status();
    const home = await (await get('/')).text();
    await cms.stop();
    const body = JSON.stringify({ event: 'entry.publish', createdAt: new Date().toISOString(), model: 'article', uid: ARTICLE, entry: { documentId: 'sau-khi-dung', publishedAt: new Date().toISOString() } });
    expect((await fetch(`${worker.url}/webhook`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body })).status).toBe(202);
    const status = await waitFor('the failure', async () => {
      const s = await (await fetch(`${worker.url}/status`)).json();
      return s.lastFailure ? s : undefined;
    }, BUILD_WAIT);
    expect(status.live.id).toBe(before.live?.id);
    expect(status.state).toBe('retrying');
    expect(status.lastFailure.error).toMatch(/CMS|fetch|ECONNREFUSED/i);
    expect(status.lastFailure.error.split('\n')).toHaveLength(1);
    expect(status.pending).toEqual(['api::article.article:sau-khi-dung']);
    expect(await (await get('/')).text()).toBe(home);
    expect(lines.filter((l) => l.includes(' failed: '))).toHaveLength(1);
  }, BUILD_WAIT);
});
