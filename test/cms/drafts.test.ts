import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { bootCms, type Database, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';

const ARTICLE = 'api::article.article';
const SECRET = 'NHÁP-BÍ-MẬT';

// What the portal's token reads of a piece with a newer draft, and that nobody writes through
// the REST API. Every way of reaching drafts through the API is probed, generated from the
// content model, in drafts-never-leak-through-relations.test.ts.
describe.each<Database>(['sqlite', 'postgres'])('the REST API on %s', (database) => {
  let cms: TestCms;
  let api: AdminApi;
  let publishedId: string;
  let draftId: string;

  beforeAll(async () => {
    cms = await bootCms({ database });
    api = new AdminApi(cms, cms.adminToken);
    const themes = connect(await api.ids('theme', ['y-nghia-ke-hoach']));
    const unit = connect(await api.ids('unit', ['phong-vhxh']));
    const draft = await api.create(ARTICLE, { ...articleFields, title: `Bài ${SECRET} chưa duyệt`, themes, unit });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    draftId = draft.body.data.documentId;
    const published = await api.create(ARTICLE, { ...articleFields, themes, unit });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    publishedId = published.body.data.documentId;
    expect((await api.publish(ARTICLE, publishedId)).status).toBe(200);
    // The published piece now also has a newer draft with the secret in it.
    expect((await api.update(ARTICLE, publishedId, { ...articleFields, body: `Sửa đổi ${SECRET}`, themes, unit })).status).toBe(200);
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('the portal’s token sees the published version of a piece that has a newer draft', async () => {
    const res = await publicGet(cms, `/api/articles/${publishedId}?populate=*`, cms.siteToken);
    expect(res.status).toBe(200);
    expect(res.body.data.body).toBe(articleFields.body);
    expect(res.body.data.themes.map((t: { key: string }) => t.key)).toEqual(['y-nghia-ke-hoach']);
    const list = await publicGet(cms, '/api/articles', cms.siteToken);
    expect(list.body.data.map((a: { documentId: string }) => a.documentId)).toEqual([publishedId]);
  });

  it('the portal’s token reads the content model and nothing else', async () => {
    for (const path of ['/api/themes', '/api/commune', '/api/residential-areas']) {
      expect((await publicGet(cms, path, cms.siteToken)).status, path).toBe(200);
    }
    // The media library lists files uploaded for drafts too; the portal needs none of it.
    for (const path of ['/api/upload/files', '/api/users']) {
      expect((await publicGet(cms, path, cms.siteToken)).status, path).toBe(403);
    }
  });

  it('a draft-only piece is not found by its documentId', async () => {
    expect((await publicGet(cms, `/api/articles/${draftId}`, cms.siteToken)).status).toBe(404);
  });

  async function mediaCount(): Promise<number> {
    const res = await api.request('GET', '/upload/files?pageSize=100');
    expect(res.status).toBe(200);
    return res.body.pagination.total;
  }

  it.each([
    ['the public', () => undefined],
    ['the portal’s read-only token', () => cms.siteToken],
  ])('%s cannot upload a file through the REST API', async (_who, tokenOf) => {
    const before = await mediaCount();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    const form = new FormData();
    form.append('files', new Blob([png], { type: 'image/png' }), 'tai-len-trai-phep.png');
    const token = tokenOf();
    const res = await fetch(`${cms.url}/api/upload`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
    expect([401, 403]).toContain(res.status);
    expect(await mediaCount()).toBe(before);
  });

  it.each([
    ['the public', () => undefined],
    ['the portal’s read-only token', () => cms.siteToken],
  ])('%s cannot create content through the REST API', async (_who, tokenOf) => {
    const token = tokenOf();
    const res = await fetch(`${cms.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ data: { ...articleFields, title: 'Bài tạo qua API' } }),
    });
    // The generated routes are find/findOne only: there is no create route to reach.
    expect([401, 403, 404, 405]).toContain(res.status);
    const list = await api.request('GET', `/content-manager/collection-types/${ARTICLE}?pageSize=100`);
    expect(list.body.results.map((r: { title: string }) => r.title)).not.toContain('Bài tạo qua API');
  });

  it('nobody signs up as a portal user', async () => {
    const res = await fetch(`${cms.url}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', email: 'x@example.com', password: 'Matkhau123' }),
    });
    expect([401, 403]).toContain(res.status);
    const users = await api.request('GET', '/content-manager/collection-types/plugin::users-permissions.user');
    expect(users.body.results).toEqual([]);
  });
});
