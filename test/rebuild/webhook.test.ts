import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affectsSite } from '../../scripts/rebuild/intake/affects-site.ts';
import { parseWebhookPayload } from '../../scripts/rebuild/intake/webhook-payload.ts';
import { startWorker, type Worker } from '../../scripts/rebuild/worker.ts';
import { fakeBuildCommand, fakeBuildRuns } from './helpers/fake-build.ts';
import { waitFor } from './helpers/wait.ts';

const SECRET = 'bi-mat-cua-webhook-thu-nghiem';
const entry = (event: string, uid: string, publishedAt: string | null | undefined, documentId = 'doc1') => ({
  event,
  createdAt: '2025-11-26T09:00:00.000Z',
  model: uid.split('.').at(-1),
  uid,
  entry: { id: 7, documentId, ...(publishedAt === undefined ? {} : { publishedAt }) },
});
const ARTICLE = 'api::article.article';
const NOW = '2025-11-26T09:00:00.000Z';

describe('the webhook receiver', () => {
  let dir: string;
  let worker: Worker;
  const counter = () => join(dir, 'runs.txt');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-webhook-'));
    worker = await startWorker({
      dataDir: join(dir, 'data'),
      port: 0,
      secret: SECRET,
      build: { command: fakeBuildCommand(), cwd: dir, env: { FAKE_BUILD_COUNTER: counter() } },
      debounceMs: 50,
      buildOnStart: 'never',
      log: () => {},
    });
  });

  afterAll(async () => {
    await worker?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: string, authorization?: string) =>
    fetch(`${worker.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });

  async function expectNothingHappened(): Promise<void> {
    await new Promise((r) => setTimeout(r, 300));
    const status = await worker.status();
    expect(status.webhooks).toEqual({ accepted: 0, ignored: 0 });
    expect(status.pending).toEqual([]);
    expect(status.state).toBe('idle');
    expect(fakeBuildRuns(counter())).toBe(0);
  }

  const publish = JSON.stringify(entry('entry.publish', ARTICLE, NOW));

  it.each([
    ['no Authorization header', undefined],
    ['a wrong secret', `Bearer ${SECRET}x`],
    ['the secret without the Bearer scheme', SECRET],
    ['an empty bearer', 'Bearer '],
  ])('a request with %s is refused with 401 and does nothing else', async (_label, authorization) => {
    const res = await post(publish, authorization);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectNothingHappened();
  });

  it.each([
    ['a body that is not JSON', '{"event": "entry.publish",'],
    ['an empty object', '{}'],
    ['a JSON array', '[]'],
    ['an entry event without its entry', JSON.stringify({ event: 'entry.publish', createdAt: NOW, model: 'article', uid: ARTICLE })],
    ['an entry event without its uid', JSON.stringify({ event: 'entry.update', createdAt: NOW, model: 'article', entry: { documentId: 'a' } })],
    ['a publishedAt that is a number', JSON.stringify({ ...entry('entry.update', ARTICLE, NOW), entry: { documentId: 'a', publishedAt: 5 } })],
    ['a media event without its file', JSON.stringify({ event: 'media.create', createdAt: NOW })],
    ['a shared-post event without its piece', JSON.stringify({ event: 'crosspost.shared', createdAt: NOW, pieceUid: ARTICLE, channel: 'facebook' })],
  ])('%s is refused with 400 and does nothing else', async (_label, body) => {
    const res = await post(body, `Bearer ${SECRET}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/Invalid (JSON|webhook payload)/);
    await expectNothingHappened();
  });

  it('a body over 1 MB is refused with 413', async () => {
    const res = await post(JSON.stringify({ ...entry('entry.publish', ARTICLE, NOW), padding: 'x'.repeat(1_100_000) }), `Bearer ${SECRET}`);
    expect(res.status).toBe(413);
    await expectNothingHappened();
  });

  it('editing a draft is acknowledged but builds nothing', async () => {
    const res = await post(JSON.stringify(entry('entry.update', ARTICLE, null)), `Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ queued: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(fakeBuildRuns(counter())).toBe(0);
    expect((await worker.status()).webhooks).toEqual({ accepted: 0, ignored: 1 });
  });

  it('a publish with the secret is accepted and puts a build live', async () => {
    const res = await post(publish, `bearer ${SECRET}`);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ queued: true, key: `${ARTICLE}:doc1` });
    const status = await waitFor('the build to go live', async () => {
      const s = await worker.status();
      return s.live && s.state === 'idle' ? s : undefined;
    });
    expect(status.lastSuccess).toMatchObject({ changes: 1, reason: 'change' });
    expect(status.lastFailure).toBeNull();
    expect(fakeBuildRuns(counter())).toBe(1);
  });

  it('the status endpoint answers JSON that is never cached', async () => {
    const res = await fetch(`${worker.url}/status`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['state', 'live', 'previous', 'current', 'lastSuccess', 'lastFailure', 'nextRetryAt', 'pending']));
  });

  it('any other method or path is refused', async () => {
    expect((await fetch(`${worker.url}/webhook`)).status).toBe(405);
    expect((await fetch(`${worker.url}/status`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${worker.url}/admin`)).status).toBe(404);
  });
});

describe('which events change the public site', () => {
  const cases: Array<[string, boolean, unknown]> = [
    ['publishing a piece', true, entry('entry.publish', ARTICLE, NOW)],
    ['unpublishing a piece', true, entry('entry.unpublish', ARTICLE, NOW)],
    ['the update that precedes a publish (the draft row)', false, entry('entry.update', ARTICLE, null)],
    ['editing a draft of a published piece', false, entry('entry.update', 'api::fact-check.fact-check', null)],
    ['creating a draft', false, entry('entry.create', 'api::service-guide.service-guide', null)],
    ['an update of the published version (REST or document service)', true, entry('entry.update', ARTICLE, NOW)],
    ['a create that publishes at once (strapi#23881)', true, entry('entry.create', ARTICLE, NOW)],
    ['deleting the draft row of a piece', false, entry('entry.delete', ARTICLE, null)],
    ['deleting the published row of a piece', true, entry('entry.delete', ARTICLE, NOW)],
    ['an entry event without publishedAt', true, entry('entry.update', ARTICLE, undefined)],
    ['discarding a draft', false, entry('entry.draft-discard', ARTICLE, null)],
    ['renaming a theme (no drafts)', true, entry('entry.update', 'api::theme.theme', undefined)],
    ['adding a residential area', true, entry('entry.create', 'api::residential-area.residential-area', undefined)],
    ['editing the commune details', true, entry('entry.update', 'api::commune.commune', undefined)],
    ['a users-permissions user', false, entry('entry.create', 'plugin::users-permissions.user', undefined)],
    ['logging an outreach activity (counted on /ke-hoach/)', true, entry('entry.create', 'api::outreach-activity.outreach-activity', undefined)],
    ['logging a sighting (never on the portal)', false, entry('entry.create', 'api::sighting.sighting', undefined)],
    ['uploading a file', true, { event: 'media.create', createdAt: NOW, media: { id: 3, name: 'anh.jpg' } }],
    ['deleting a file', true, { event: 'media.delete', createdAt: NOW, media: { id: 3 } }],
    ['a release being published', false, { event: 'releases.publish', createdAt: NOW }],
    ['a social post of a piece appearing (crosspost.shared)', true, { event: 'crosspost.shared', createdAt: NOW, pieceUid: ARTICLE, pieceId: 'doc1', channel: 'facebook' }],
    ['a shared post of a type the portal does not publish', false, { event: 'crosspost.shared', createdAt: NOW, pieceUid: 'plugin::users-permissions.user', pieceId: 'u1', channel: 'facebook' }],
  ];

  it.each(cases)('%s → rebuild: %s', (_label, expected, payload) => {
    const parsed = parseWebhookPayload(payload);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(affectsSite(parsed.event).affects).toBe(expected);
  });

  it('the row id is ignored: a piece is keyed by its documentId', () => {
    const a = parseWebhookPayload({ ...entry('entry.publish', ARTICLE, NOW, 'abc'), entry: { id: 1, documentId: 'abc', publishedAt: NOW } });
    const b = parseWebhookPayload({ ...entry('entry.unpublish', ARTICLE, NOW, 'abc'), entry: { id: 2, documentId: 'abc', publishedAt: NOW } });
    if (!a.ok || !b.ok) throw new Error('payloads should parse');
    const [ka, kb] = [affectsSite(a.event), affectsSite(b.event)].map((d) => (d.affects ? d.change.key : null));
    expect(ka).toBe(`${ARTICLE}:abc`);
    expect(kb).toBe(ka);
  });

  it('a shared post counts as a change of its piece: with the piece’s publish it makes one build', () => {
    const publish = parseWebhookPayload(entry('entry.publish', ARTICLE, NOW, 'abc'));
    const shared = parseWebhookPayload({ event: 'crosspost.shared', createdAt: NOW, pieceUid: ARTICLE, pieceId: 'abc', channel: 'zalo' });
    if (!publish.ok || !shared.ok) throw new Error('payloads should parse');
    const [kp, ks] = [affectsSite(publish.event), affectsSite(shared.event)].map((d) => (d.affects ? d.change.key : null));
    expect(ks).toBe(kp);
  });
});
