import { communeSiteToken } from '@thanh-thuy/content-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../scripts/lib/database-client.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';

const ARTICLE = 'api::article.article';
const COMMUNES = ['thanh-thuy', 'dao-xa', 'thuy'];

// A commune's read filter matches «Gửi tới các xã, phường» whole, as stored today ("a, b").
// A list saved before that ("thanh-thuy,dao-xa ") is rewritten when the CMS starts, so each
// commune's token still reads it, and "thuy" still does not.
describe('address lists saved before are matched whole after a restart', () => {
  let cms: TestCms;
  let documentId: string;
  const titlesFor = async (commune: string) => {
    const res = await publicGet(cms, '/api/articles?pagination[pageSize]=100', communeSiteToken(cms.siteToken, commune));
    expect(res.status).toBe(200);
    return { ids: (res.body.data as Array<{ documentId: string }>).map((a) => a.documentId), total: res.body.meta.pagination.total as number };
  };

  beforeAll(async () => {
    cms = await bootCms({ env: { PROVINCE_COMMUNES: COMMUNES.join(',') } });
    const api = new AdminApi(cms, cms.adminToken);
    const created = await api.create(ARTICLE, {
      ...articleFields,
      title: 'Tỉnh gửi hai xã lịch tập huấn chữ ký số',
      provinceWide: true,
      addressedTo: 'dao-xa ,thanh-thuy',
      themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])),
      unit: connect(await api.ids('unit', ['phong-vhxh'])),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    documentId = created.body.data.documentId;
    expect((await api.publish(ARTICLE, documentId)).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await cms?.stop();
  });

  it('stores a list as "a, b"', async () => {
    const db = await openDatabase(cms.databaseTarget);
    try {
      const rows = await db.query('SELECT addressed_to FROM articles WHERE document_id = ?', [documentId]);
      expect(rows.map((r) => r.addressed_to)).toEqual(['dao-xa, thanh-thuy', 'dao-xa, thanh-thuy']);
    } finally {
      await db.close();
    }
  });

  it('rewrites a list saved the old way at start, and each commune reads it as before', async () => {
    const db = await openDatabase(cms.databaseTarget);
    try {
      await db.query("UPDATE articles SET addressed_to = 'thanh-thuy,dao-xa ' WHERE document_id = ?", [documentId]);
    } finally {
      await db.close();
    }
    await cms.restart();
    const after = await openDatabase(cms.databaseTarget);
    try {
      const rows = await after.query('SELECT addressed_to FROM articles WHERE document_id = ?', [documentId]);
      expect(rows.map((r) => r.addressed_to)).toEqual(['thanh-thuy, dao-xa', 'thanh-thuy, dao-xa']);
    } finally {
      await after.close();
    }
    for (const commune of ['thanh-thuy', 'dao-xa']) expect((await titlesFor(commune)).ids, commune).toContain(documentId);
    expect(await titlesFor('thuy')).toEqual({ ids: [], total: 0 });
  }, 120_000);
});
