import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { bootCms, type Database, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';

const ARTICLE = 'api::article.article';
const SECRET = 'NHÁP-BÍ-MẬT';

// Strapi 5 as shipped hands drafts to anyone adding ?status=draft (strapi/strapi#23215).
describe.each<Database>(['sqlite', 'postgres'])('drafts on %s', (database) => {
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

  const leakProbes = [
    '/api/articles',
    '/api/articles?status=published',
    '/api/articles?populate=*',
    '/api/articles?publicationState=preview',
    '/api/themes?populate=*',
    '/api/units',
  ];

  it.each(leakProbes)('the public never sees a draft in %s', async (path) => {
    const res = await publicGet(cms, path);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });

  it('the public sees the published version of a piece that has a newer draft', async () => {
    const res = await publicGet(cms, `/api/articles/${publishedId}?populate=*`);
    expect(res.status).toBe(200);
    expect(res.body.data.body).toBe(articleFields.body);
    expect(res.body.data.themes.map((t: { key: string }) => t.key)).toEqual(['y-nghia-ke-hoach']);
  });

  it('a draft-only piece is not found by its documentId', async () => {
    expect((await publicGet(cms, `/api/articles/${draftId}`)).status).toBe(404);
  });

  const draftQueries = [
    '/api/articles?status=draft',
    '/api/articles?status=draft&populate=*',
    '/api/articles?status[0]=draft',
    '/api/articles?status=DRAFT',
    '/api/fact-checks?status=draft',
  ];

  it.each(draftQueries)('the public is refused %s with a Vietnamese message', async (path) => {
    const res = await publicGet(cms, path);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Bản nháp không được công khai');
  });

  it('a read-only API token is refused drafts too', async () => {
    const list = await publicGet(cms, '/api/articles?status=draft', cms.siteToken);
    expect(list.status).toBe(403);
    const one = await publicGet(cms, `/api/articles/${draftId}?status=draft`, cms.siteToken);
    expect(one.status).toBe(403);
    const allowed = await publicGet(cms, '/api/articles', cms.siteToken);
    expect(allowed.status).toBe(200);
    expect(JSON.stringify(allowed.body)).not.toContain(SECRET);
  });

  it('a full-access token may still read drafts (for previews)', async () => {
    const created = await api.request('POST', '/admin/api-tokens', { name: 'Xem trước', type: 'full-access', lifespan: null, description: '' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = await publicGet(cms, '/api/articles?status=draft', created.body.data.accessKey);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(SECRET);
  });

  it.each([
    ['POST', '/api/auth/local/register', { username: 'x', email: 'x@example.com', password: 'Matkhau123' }],
    ['GET', '/api/users', undefined],
    ['POST', '/api/upload', undefined],
  ])('the public is refused %s %s', async (method, path, body) => {
    const res = await fetch(`${cms.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect([400, 401, 403, 404, 405]).toContain(res.status);
  });

  it('the public cannot write through the REST API', async () => {
    const res = await fetch(`${cms.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { title: 'x' } }),
    });
    expect([403, 404, 405]).toContain(res.status);
  });
});
