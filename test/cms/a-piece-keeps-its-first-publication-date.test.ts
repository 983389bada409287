import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../scripts/lib/database-client.ts';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { bootCms, type Database, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';

const ARTICLE = 'api::article.article';
const AUG_29 = '2025-08-29T03:30:00.000Z'; // 10:30 in Thanh Thủy
const SEP_10 = '2025-09-10T09:00:00.000Z';
const MINUTE = 60_000;

type Row = { published_at: unknown; first_published_at: unknown };
const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | number).toISOString());

/**
 * Puts a published piece's rows where a piece published before firstPublishedAt existed would
 * be: published on `at`, no first publication date on either row. SQLite keeps datetimes as
 * epoch milliseconds, PostgreSQL as timestamps.
 */
async function datePublishedBeforeTheField(cms: TestCms, documentId: string, at: string): Promise<void> {
  const db = await openDatabase(cms.databaseTarget);
  const pg = cms.databaseTarget.kind === 'postgres';
  const [p1, p2] = pg ? ['$1', '$2'] : ['?', '?'];
  try {
    await db.query(`UPDATE articles SET published_at = ${p1} WHERE document_id = ${p2} AND published_at IS NOT NULL`, [pg ? at : Date.parse(at), documentId]);
    await db.query(`UPDATE articles SET first_published_at = NULL WHERE document_id = ${p1}`, [documentId]);
  } finally {
    await db.close();
  }
}

async function rowsOf(cms: TestCms, documentId: string): Promise<Array<{ publishedAt: string | null; firstPublishedAt: string | null }>> {
  const db = await openDatabase(cms.databaseTarget);
  const p = cms.databaseTarget.kind === 'postgres' ? '$1' : '?';
  try {
    const rows = (await db.query(`SELECT published_at, first_published_at FROM articles WHERE document_id = ${p} ORDER BY id`, [documentId])) as Row[];
    return rows.map((r) => ({ publishedAt: iso(r.published_at), firstPublishedAt: iso(r.first_published_at) }));
  } finally {
    await db.close();
  }
}

// What the portal reads: the published version through its token.
async function served(cms: TestCms, documentId: string): Promise<{ publishedAt: string; firstPublishedAt: string | null; corrections?: Array<{ note: string }> }> {
  const res = await publicGet(cms, `/api/articles/${documentId}?populate[corrections]=true`, cms.siteToken);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

describe.each<Database>(['sqlite', 'postgres'])('the first publication date on %s', { timeout: 240_000 }, (database) => {
  let cms: TestCms;
  let api: AdminApi;
  let relations: Record<string, unknown>;
  let old: string; // published "on 29/08/2025", before the field existed
  let older: string; // published "on 10/09/2025"
  let fresh: string; // published during the test

  async function createArticle(title: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await api.create(ARTICLE, { ...articleFields, title, ...relations, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.data.documentId;
  }
  async function publish(documentId: string): Promise<void> {
    const res = await api.publish(ARTICLE, documentId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  beforeAll(async () => {
    cms = await bootCms({ database });
    api = new AdminApi(cms, cms.adminToken);
    relations = { themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])), unit: connect(await api.ids('unit', ['phong-vhxh'])) };
    old = await createArticle('Triển khai Kế hoạch tuyên truyền chuyển đổi số');
    older = await createArticle('Khai trương tổ công nghệ số cộng đồng');
    for (const id of [old, older]) await publish(id);
    // As if both were published before this field existed; the next start backfills them.
    await datePublishedBeforeTheField(cms, old, AUG_29);
    await datePublishedBeforeTheField(cms, older, SEP_10);
    await cms.restart();
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('the start gives a piece published before the field the date it already showed, on both rows', async () => {
    expect(await rowsOf(cms, old)).toEqual([
      { publishedAt: null, firstPublishedAt: AUG_29 },
      { publishedAt: AUG_29, firstPublishedAt: AUG_29 },
    ]);
    expect((await served(cms, older)).firstPublishedAt).toBe(SEP_10);
  });

  it('a first publish records the date it went public', async () => {
    const before = Date.now();
    fresh = await createArticle('Bài mới đăng trong lúc kiểm thử');
    expect((await rowsOf(cms, fresh))[0].firstPublishedAt).toBeNull();
    await publish(fresh);
    const piece = await served(cms, fresh);
    expect(Date.parse(piece.firstPublishedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Math.abs(Date.parse(piece.firstPublishedAt!) - Date.parse(piece.publishedAt))).toBeLessThan(MINUTE);
    expect((await rowsOf(cms, fresh)).map((r) => r.firstPublishedAt)).toEqual([piece.firstPublishedAt, piece.firstPublishedAt]);
  });

  it('publishing a correction keeps the first publication date and the piece’s place in the list', async () => {
    const note = 'Sửa ngày hội nghị từ 28/8 thành 29/8/2025.';
    const edit = await api.update(ARTICLE, old, { ...articleFields, title: 'Triển khai Kế hoạch tuyên truyền chuyển đổi số', ...relations, corrections: [{ date: new Date().toISOString(), note }] });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    await publish(old);
    const piece = await served(cms, old);
    expect(piece.firstPublishedAt).toBe(AUG_29);
    expect(Date.now() - Date.parse(piece.publishedAt)).toBeLessThan(5 * MINUTE);
    expect(piece.corrections?.map((c) => c.note)).toEqual([note]);
    const list = await publicGet(cms, '/api/articles?sort[0]=firstPublishedAt:desc&fields[0]=title', cms.siteToken);
    expect(list.body.data.map((a: { documentId: string }) => a.documentId)).toEqual([fresh, older, old]);
  });

  it('an editor’s firstPublishedAt is ignored on create, on update and on publish', async () => {
    const typed = '2020-01-01T00:00:00.000Z';
    const id = await createArticle('Bài thử sửa ngày đăng', { firstPublishedAt: typed });
    expect((await rowsOf(cms, id))[0].firstPublishedAt).toBeNull();
    await publish(id);
    const first = (await served(cms, id)).firstPublishedAt;
    expect(first).not.toBe(typed);
    for (const attempt of [typed, null, 'không phải ngày']) {
      const res = await api.update(ARTICLE, id, { ...articleFields, title: 'Bài thử sửa ngày đăng', ...relations, firstPublishedAt: attempt });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const published = await api.request('POST', `/content-manager/collection-types/${ARTICLE}/${id}/actions/publish`, { ...articleFields, title: 'Bài thử sửa ngày đăng', firstPublishedAt: typed });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await served(cms, id)).firstPublishedAt).toBe(first);
    expect((await rowsOf(cms, id)).map((r) => r.firstPublishedAt)).toEqual([first, first]);
  });

  it('unpublishing and publishing again keeps the date, and so does discarding a draft', async () => {
    expect((await api.unpublish(ARTICLE, old)).status).toBe(200);
    expect((await rowsOf(cms, old)).map((r) => r.firstPublishedAt)).toEqual([AUG_29]);
    await publish(old);
    expect((await served(cms, old)).firstPublishedAt).toBe(AUG_29);
    expect((await api.update(ARTICLE, old, { summary: 'Một bản nháp sẽ bị bỏ.' })).status).toBe(200);
    const discarded = await api.request('POST', `/content-manager/collection-types/${ARTICLE}/${old}/actions/discard`, {});
    expect(discarded.status, JSON.stringify(discarded.body)).toBe(200);
    await publish(old);
    expect((await rowsOf(cms, old)).map((r) => r.firstPublishedAt)).toEqual([AUG_29, AUG_29]);
  });

  it('a copy of a published piece is a new piece with no first publication date until it is published', async () => {
    const source = (await api.request('GET', `/content-manager/collection-types/${ARTICLE}/${old}`)).body.data;
    expect(source.firstPublishedAt).toBe(AUG_29);
    const { id: _id, documentId: _documentId, ...body } = source;
    const res = await api.request('POST', `/content-manager/collection-types/${ARTICLE}/clone/${old}`, { ...body, slug: 'ban-sao-trien-khai-ke-hoach' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const copy = res.body.data.documentId as string;
    expect((await rowsOf(cms, copy)).map((r) => r.firstPublishedAt)).toEqual([null]);
    await publish(copy);
    expect(Date.now() - Date.parse((await served(cms, copy)).firstPublishedAt!)).toBeLessThan(5 * MINUTE);
  });

  it('the edit view shows the date read-only, labelled in Vietnamese', async () => {
    const res = await api.request('GET', `/content-manager/content-types/${ARTICLE}/configuration`);
    expect(res.status).toBe(200);
    const meta = res.body.data.contentType.metadatas.firstPublishedAt.edit;
    expect(meta).toMatchObject({ label: 'Ngày đăng lần đầu', editable: false });
    expect(meta.description).toMatch(/tự ghi/);
    const layout = res.body.data.contentType.layouts.edit as Array<Array<{ name: string }>>;
    expect(layout.flat().map((f) => f.name)).toContain('firstPublishedAt');
  });
});
