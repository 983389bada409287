import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_DIR } from '../../scripts/lib/cms-process.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms } from '../helpers/cms.ts';
import { waitFor } from './helpers/wait.ts';

interface Received {
  path: string;
  authorization?: string;
  body: { event: string; uid?: string; entry?: { documentId?: string; publishedAt?: string | null } };
}

/** A bare HTTP listener standing in for the worker (or a CI build hook): records every POST. */
async function recorder(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(text) });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// The webhook is a database row that Strapi loads before bootstrap: a row created or changed
// in bootstrap only fires at once because it is also handed to the running webhookRunner.
describe('the CMS registers its rebuild webhook at every start', () => {
  let dir: string;
  let hook: Awaited<ReturnType<typeof recorder>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-cms-webhook-'));
    hook = await recorder();
  });

  afterAll(async () => {
    await hook?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Each boot makes its own admin with a fresh password (test/helpers/cms.ts); the admin of
  // the previous boot is removed so the next one is created and can log in.
  function forgetAdmins(): void {
    const Database = createRequire(join(CMS_DIR, 'package.json'))('better-sqlite3') as new (file: string) => { exec: (sql: string) => void; close: () => void };
    const db = new Database(join(dir, 'data.db'));
    db.exec('DELETE FROM admin_users_roles_lnk; DELETE FROM admin_users;');
    db.close();
  }

  const MARKER = 'BẢN-NHÁP-CHƯA-ĐĂNG-7f3a';

  async function bootAndPublish(path: string, secret: string) {
    const cms = await bootCms({ env: { DATABASE_FILENAME: join(dir, 'data.db'), WEBHOOK_URL: `${hook.url}${path}`, WEBHOOK_SECRET: secret } });
    try {
      const api = new AdminApi(cms, cms.adminToken);
      const hooks = (await api.request('GET', '/admin/webhooks')).body.data as Array<{ url: string; headers: Record<string, string> }>;
      const created = await api.create('api::article.article', {
        ...articleFields,
        title: `Bài thử webhook ${path.slice(1)}`,
        themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])),
        unit: connect(await api.ids('unit', ['phong-vhxh'])),
      });
      const documentId = created.body.data.documentId as string;
      expect((await api.publish('api::article.article', documentId)).status).toBe(200);
      await waitFor('the publish webhook', async () => hook.received.some((r) => r.path === path && r.body.event === 'entry.publish' && r.body.entry?.documentId === documentId), 10_000);
      // An unpublished edit: its text must not travel with the webhook (it may go to an outside build hook).
      expect((await api.request('PUT', `/content-manager/collection-types/api::article.article/${documentId}`, { title: `Bài thử webhook ${MARKER}` })).status).toBe(200);
      await waitFor('the draft-edit webhook', async () => hook.received.filter((r) => r.path === path && r.body.event === 'entry.update' && r.body.entry?.documentId === documentId).length > 1, 10_000);
      return { hooks, documentId };
    } finally {
      await cms.stop();
    }
  }

  it('the first start creates it and it fires at once, with the bearer secret', async () => {
    const { hooks } = await bootAndPublish('/first', 'premier-secret-0123456789');
    expect(hooks).toHaveLength(1);
    const publish = hook.received.filter((r) => r.path === '/first' && r.body.event === 'entry.publish');
    expect(publish).toHaveLength(1);
    expect(publish[0].authorization).toBe('Bearer premier-secret-0123456789');
    expect(publish[0].body.uid).toBe('api::article.article');
  });

  it('carries which document changed and which communes it is for, never its content: a draft’s text stays in the CMS', () => {
    const sent = hook.received.filter((r) => r.path === '/first' && r.body.event.startsWith('entry.'));
    expect(sent.length).toBeGreaterThan(2);
    for (const r of sent) expect(Object.keys(r.body.entry ?? {}).sort()).toEqual(expect.arrayContaining(['documentId']));
    for (const r of sent) expect(Object.keys(r.body.entry ?? {}).every((k) => ['id', 'documentId', 'locale', 'publishedAt', 'commune', 'provinceWide', 'addressedTo'].includes(k)), JSON.stringify(r.body.entry)).toBe(true);
    expect(JSON.stringify(hook.received)).not.toContain(MARKER);
    expect(JSON.stringify(hook.received)).not.toContain('Bài thử webhook');
  });

  it('a later start with another address and secret updates the same row, which fires at once too', async () => {
    const toFirst = () => hook.received.filter((r) => r.path === '/first').length;
    const before = toFirst();
    forgetAdmins();
    const { hooks } = await bootAndPublish('/second', 'deuxieme-secret-0123456789');
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ url: `${hook.url}/second`, headers: { Authorization: 'Bearer deuxieme-secret-0123456789' } });
    const second = hook.received.filter((r) => r.path === '/second');
    expect(second.every((r) => r.authorization === 'Bearer deuxieme-secret-0123456789')).toBe(true);
    // The old address hears nothing more: the runner replaced the version of the row it had loaded.
    expect(toFirst()).toBe(before);
  });
});
