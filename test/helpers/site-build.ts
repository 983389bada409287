// The site tests share ONE build: this file is the `site` project's vitest globalSetup
// (vitest.config.ts). It boots a real CMS with the demo content on a temporary database,
// adds the fixtures the tests need (an article full of XSS payloads in its Markdown, a
// fact-check with payloads in its plain-text fields, a guide pasted with invisible junk, and
// enough articles for an archive listing page), builds the portal with
// `npm run build -w @thanh-thuy/site` into a temporary directory and hands the tests its
// location through `inject('siteBuild')`. It also exports the helpers the tests use.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { captionFor } from '../../scripts/crosspost/caption.ts';
import type { Channel, ChannelName } from '../../scripts/crosspost/channels/channel.ts';
import { createFacebookChannel } from '../../scripts/crosspost/channels/facebook/index.ts';
import { LedgerClient } from '../../scripts/crosspost/ledger-client.ts';
import { drain, type RunnerDeps } from '../../scripts/crosspost/runner.ts';
import { startFacebookGraph } from '../crosspost/stand-ins/facebook-graph.ts';
import { AdminApi, connect } from './admin-api.ts';
import { bootCms, type TestCms } from './cms.ts';
import { openDatabase } from '../../scripts/lib/database-client.ts';
import { mp4Bytes } from '../fixtures/video.ts';
import { pastedGuide } from '../site/fixtures/pasted-values.ts';
import { xssFactCheck, xssMarkdown } from '../site/fixtures/xss-payloads.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SITE_URL = 'http://localhost:4321';

export interface PublishedPiece {
  kind: string;
  plural: string;
  documentId: string;
  slug: string;
  title: string;
  /** The date the portal shows and orders by: the first publication (firstPublishedAt). */
  publishedAt: string;
  /** The latest publish, later than publishedAt for a corrected piece. */
  lastPublishedAt: string;
}

export interface SiteBuild {
  outDir: string;
  siteUrl: string;
  pieces: PublishedPiece[];
  /** The article with XSS payloads in its Markdown body. */
  xssSlug: string;
  /** The fact-check with XSS payloads in its title, summary, claim and conclusion. */
  xssFactCheck: PublishedPiece;
  /** The guide pasted with junk, and what the CMS's public API serves for it. */
  pasted: { piece: PublishedPiece; served: Record<string, unknown> };
  /**
   * The article the cross-post runner carried to Facebook (and Zalo, posted by hand), with its
   * links, and the video and Facebook caption it carries for the platforms only.
   */
  shared: { piece: PublishedPiece; links: Array<{ channel: string; url: string }>; videoUrl: string; facebookCaption: string };
  /** An article first published on 29/08/2025 whose correction was published during the setup. */
  corrected: { piece: PublishedPiece; note: string };
  /** Text only the CMS's internal sighting and activity hold (issue 9): it must appear nowhere in the build. */
  internalMarker: string;
  buildMs: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteBuild: SiteBuild;
  }
}

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the build contract: `npm run build -w @thanh-thuy/site --silent` with the given environment. */
export function runSiteBuild(env: Record<string, string>): Promise<BuildResult> {
  const started = Date.now();
  return new Promise((resolveBuild, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', '@thanh-thuy/site', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolveBuild({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

const ARTICLE = 'api::article.article';

async function createAndPublish(api: AdminApi, uid: string, data: Record<string, unknown>): Promise<{ documentId: string; slug: string }> {
  const created = await api.create(uid, data);
  if (created.status !== 201) throw new Error(`Could not create a ${uid} fixture: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await api.publish(uid, created.body.data.documentId);
  if (published.status !== 200) throw new Error(`Could not publish a ${uid} fixture: ${published.status} ${JSON.stringify(published.body)}`);
  return created.body.data;
}

/** Articles enough for /tin-tuc/ to need an archive page: 40 to 59 in all (20 a page; src/lib/paginate.ts). */
const EXTRA_ARTICLES = 28;

/** A word only internal entries hold; a word so pagefind would find it if it were indexed. */
export const INTERNAL_MARKER = 'Noibokhongcongkhai7319';

async function addFixtures(api: AdminApi): Promise<{ xssSlug: string; xssFactCheckId: string; pastedId: string }> {
  const id = (singular: string, key: string) => api.ids(singular, [key]).then(connect);
  const unit = await id('unit', 'phong-vhxh');
  const xss = await createAndPublish(api, ARTICLE, {
    title: 'Kiểm thử an toàn nội dung do biên tập viên dán vào',
    summary: 'Bài kiểm thử chứa các đoạn mã độc phổ biến; cổng thông tin phải loại bỏ hết.',
    body: xssMarkdown,
    themes: await id('theme', 'y-nghia-ke-hoach'),
    unit,
  });
  const factCheck = await createAndPublish(api, 'api::fact-check.fact-check', { ...xssFactCheck, themes: await id('theme', 'phan-bac-thong-tin-xau-doc'), unit });
  // A sighting answered by that fact-check and an activity, both internal: never on the portal.
  const sighting = await api.create('api::sighting.sighting', {
    platform: 'Facebook',
    outlet: `Trang ${INTERNAL_MARKER}`,
    content: `Tin đồn ${INTERNAL_MARKER} về phí dịch vụ công`,
    seenAt: '2025-10-01T02:00:00.000Z',
    harm: 'Cao',
    themes: await id('theme', 'phan-bac-thong-tin-xau-doc'),
    factCheck: connect([factCheck.documentId]),
  });
  const activity = await api.create('api::outreach-activity.outreach-activity', {
    date: '2025-10-02',
    channel: 'Hội nghị',
    description: `Hội nghị ${INTERNAL_MARKER} tại nhà văn hóa`,
    peopleReached: 50,
    themes: await id('theme', 'phan-bac-thong-tin-xau-doc'),
    unit,
  });
  if (sighting.status !== 201 || activity.status !== 201) throw new Error(`Could not create the internal fixtures: ${JSON.stringify([sighting.body, activity.body])}`);
  const pasted = await createAndPublish(api, 'api::service-guide.service-guide', { ...pastedGuide, themes: await id('theme', 'dich-vu-cong-truc-tuyen'), unit });
  const themes = await id('theme', 'tien-do-nhiem-vu');
  for (let n = 1; n <= EXTRA_ARTICLES; n++) {
    await createAndPublish(api, ARTICLE, {
      // No word starting with "tu" ("tuần", "trực tuyến"): pagefind matches the last word of a
      // query as a prefix, so twenty-eight of them would change how "dinh danh dien tu" ranks
      // the demo's pieces, which the search tests check.
      title: `Bản tin chuyển đổi số kỳ ${n}`,
      summary: `Điểm tin chuyển đổi số của xã Thanh Thủy, kỳ thứ ${n} của đợt vận động.`,
      body: `Kỳ ${n}: các khu dân cư hướng dẫn người dân nộp hồ sơ qua mạng.`,
      themes,
      unit,
    });
  }
  return { xssSlug: xss.slug, xssFactCheckId: factCheck.documentId, pastedId: pasted.documentId };
}

export const FIRST_PUBLISHED = '2025-08-29T03:00:00.000Z'; // 10:00 on Friday 29/08/2025 in Thanh Thủy
const CORRECTION_NOTE = 'Sửa số khu dân cư tham gia từ 8 thành 9 cho đúng danh sách của xã.';

/**
 * An article as an install that existed before firstPublishedAt would hold it: published on
 * 29/08/2025 (its publishedAt moved there in the database, no first publication recorded),
 * then corrected today through the admin: a note added and the correction published.
 */
async function correctOldArticle(cms: TestCms, api: AdminApi): Promise<{ documentId: string; note: string }> {
  const id = (singular: string, key: string) => api.ids(singular, [key]).then(connect);
  const fields = {
    title: 'Chín khu dân cư ra quân hướng dẫn cài đặt VNeID',
    summary: 'Tổ công nghệ số cộng đồng ở các khu dân cư đến từng hộ hướng dẫn cài đặt và kích hoạt tài khoản định danh điện tử.',
    body: 'Các tổ công nghệ số cộng đồng của 9 khu dân cư đồng loạt ra quân.',
    themes: await id('theme', 'tien-do-nhiem-vu'),
    unit: await id('unit', 'phong-vhxh'),
  };
  const piece = await createAndPublish(api, ARTICLE, fields);
  const db = await openDatabase(cms.databaseTarget);
  try {
    // SQLite keeps datetimes as epoch milliseconds (bootCms runs on SQLite here).
    await db.query('UPDATE articles SET published_at = ? WHERE document_id = ? AND published_at IS NOT NULL', [Date.parse(FIRST_PUBLISHED), piece.documentId]);
    await db.query('UPDATE articles SET first_published_at = NULL WHERE document_id = ?', [piece.documentId]);
  } finally {
    await db.close();
  }
  const edited = await api.update(ARTICLE, piece.documentId, { ...fields, corrections: [{ date: new Date().toISOString(), note: CORRECTION_NOTE }] });
  if (edited.status !== 200) throw new Error(`Could not correct the old article: ${edited.status} ${JSON.stringify(edited.body)}`);
  const published = await api.publish(ARTICLE, piece.documentId);
  if (published.status !== 200) throw new Error(`Could not publish the correction: ${published.status} ${JSON.stringify(published.body)}`);
  return { documentId: piece.documentId, note: CORRECTION_NOTE };
}

const FACEBOOK_CAPTION = 'Bà con theo dõi trang của xã để nhận tin sớm nhất.';

/**
 * An article shared on Facebook by the real runner through a Graph stand-in, and on Zalo by
 * hand (outbox mode, then the post's URL recorded through the runner's ledger client). It has
 * a video and an editor's Facebook caption, which the portal must leave out.
 */
async function shareArticle(cms: TestCms, api: AdminApi): Promise<{ documentId: string; links: Array<{ channel: string; url: string }>; videoUrl: string; facebookCaption: string }> {
  const id = (singular: string, keys: string[]) => api.ids(singular, keys).then(connect);
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(mp4Bytes(50_000))], { type: 'video/mp4' }), 'chia-se-mang-xa-hoi.mp4');
  const uploaded = await api.send('POST', '/upload', form);
  if (uploaded.status !== 201) throw new Error(`Could not upload the shared article's video: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  const video = uploaded.body[0] as { id: number; url: string };
  const piece = await createAndPublish(api, ARTICLE, {
    title: 'Xã Thanh Thủy chia sẻ tin chuyển đổi số lên mạng xã hội',
    summary: 'Tin được đăng lại trên trang Facebook và Zalo OA của xã, có liên kết về cổng thông tin.',
    body: 'Người dân có thể theo dõi tin của xã trên Facebook và Zalo.',
    themes: await id('theme', ['y-nghia-ke-hoach']),
    unit: await id('unit', ['phong-vhxh']),
    channels: await id('channel', ['facebook', 'zalo']),
    video: video.id,
    socialCaptions: [{ channel: 'Facebook', text: FACEBOOK_CAPTION }],
  });
  const graph = await startFacebookGraph();
  try {
    const ledger = new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET, 'site-test');
    const facebook = createFacebookChannel({ FACEBOOK_PAGE_ID: graph.pageId, FACEBOOK_PAGE_ACCESS_TOKEN: graph.token, FACEBOOK_GRAPH_URL: graph.url })!;
    // Every other channel (the webhook, Zalo) has no credentials: skipped or outbox.
    const channels = new Map<ChannelName, Channel | undefined>([['facebook', facebook]]);
    const deps: RunnerDeps = { ledger, channels, siteUrl: SITE_URL, cmsUrl: cms.url, isLive: async () => true, caption: captionFor, retryBaseMs: 1 };
    for (let round = 0; round < 10 && (await drain(deps)) > 0; round += 1);
    const post = graph.posts.find((p) => p.link === `${SITE_URL}/tin-tuc/${piece.slug}/`);
    if (post?.message !== FACEBOOK_CAPTION) throw new Error(`The runner did not post the shared article with its caption to the Graph stand-in: ${JSON.stringify(post)}`);
    const [pageId, postId] = post.id.split('_');
    // What the admin's "Đã đăng tay" records: a Zalo job holding the URL of a post made by hand.
    const zalo = await api.create('api::crosspost-job.crosspost-job', { pieceUid: ARTICLE, pieceId: piece.documentId, channel: 'zalo', action: 'create', generation: 1, state: 'pending', attempts: 0 });
    if (zalo.status !== 201) throw new Error(`Could not queue the Zalo job: ${zalo.status} ${JSON.stringify(zalo.body)}`);
    const claim = await ledger.claim(60_000);
    const zaloUrl = 'https://zalo.me/thanhthuy/article/9c1f0a2b';
    if (claim?.job.channel !== 'zalo' || !(await ledger.record(claim.job.id, { outcome: 'posted', remoteId: '9c1f0a2b', remoteUrl: zaloUrl }))) {
      throw new Error(`Could not record the Zalo post: claimed ${JSON.stringify(claim?.job)}`);
    }
    return {
      documentId: piece.documentId,
      videoUrl: video.url,
      facebookCaption: FACEBOOK_CAPTION,
      links: [
        { channel: 'facebook', url: `https://www.facebook.com/${pageId}/posts/${postId}` },
        { channel: 'zalo', url: zaloUrl },
      ],
    };
  } finally {
    await graph.close();
  }
}

async function publishedPieces(url: string, token: string): Promise<PublishedPiece[]> {
  const kinds = [
    ['article', 'articles'],
    ['model-practice', 'model-practices'],
    ['service-guide', 'service-guides'],
    ['fact-check', 'fact-checks'],
  ];
  const pieces = new Map<string, PublishedPiece>();
  for (const [kind, plural] of kinds) {
    const res = await fetch(`${url}/api/${plural}?pagination[pageSize]=100`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { data: Array<{ documentId: string; slug: string; title: string; publishedAt: string; firstPublishedAt: string | null }> };
    for (const e of body.data) {
      pieces.set(e.documentId, { kind, plural, documentId: e.documentId, slug: e.slug, title: e.title, publishedAt: e.firstPublishedAt ?? e.publishedAt, lastPublishedAt: e.publishedAt });
    }
  }
  return [...pieces.values()];
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = mkdtempSync(join(tmpdir(), 'tt-site-test-'));
  const cms = await bootCms({ seedDemo: true });
  try {
    const api = new AdminApi(cms, cms.adminToken);
    const fixtures = await addFixtures(api);
    const shared = await shareArticle(cms, api);
    const corrected = await correctOldArticle(cms, api);
    const pieces = await publishedPieces(cms.url, cms.siteToken);
    const byId = (documentId: string) => pieces.find((p) => p.documentId === documentId)!;
    // What the portal's build will read for the pasted guide, straight from the CMS's API.
    const served = await fetch(`${cms.url}/api/service-guides/${fixtures.pastedId}?populate[steps]=true`, { headers: { authorization: `Bearer ${cms.siteToken}` } });
    if (served.status !== 200) throw new Error(`The pasted guide is not served: ${served.status}`);
    const pasted = { piece: byId(fixtures.pastedId), served: ((await served.json()) as { data: Record<string, unknown> }).data };
    const outDir = join(work, 'out');
    const result = await runSiteBuild({
      CMS_URL: cms.url,
      SITE_API_TOKEN: cms.siteToken,
      SITE_URL,
      SITE_OUT_DIR: outDir,
      SITE_CACHE_DIR: join(work, 'cache'),
    });
    if (result.code !== 0) throw new Error(`The site build for the tests failed:\n${result.stderr}\n${result.stdout.slice(-3000)}`);
    project.provide('siteBuild', { outDir, siteUrl: SITE_URL, pieces, xssSlug: fixtures.xssSlug, xssFactCheck: byId(fixtures.xssFactCheckId), pasted, shared: { piece: byId(shared.documentId), links: shared.links, videoUrl: shared.videoUrl, facebookCaption: shared.facebookCaption }, corrected: { piece: byId(corrected.documentId), note: corrected.note }, internalMarker: INTERNAL_MARKER, buildMs: result.ms });
  } finally {
    await cms.stop();
  }
  return async () => rmSync(work, { recursive: true, force: true });
}

/** The text of a built file, by URL path ("/tin-tuc/x/" reads tin-tuc/x/index.html). */
export function readBuilt(outDir: string, path: string): string {
  const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file)) throw new Error(`The build has no ${path} (${file})`);
  return readFileSync(file, 'utf8');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.webp': 'image/webp',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** A static file server for a built site on 127.0.0.1 (pagefind needs HTTP, not file://). */
export async function serveSite(outDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(outDir, path);
    if (!file.startsWith(outDir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      return void res.end(readFileSync(join(outDir, '404.html')));
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};
