import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTypes, communeSiteToken, contentKinds, messages, uidOf } from '@thanh-thuy/content-types';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { multipart, png } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { endpointOf, probesFor, UNPUBLISHED_SELECTORS } from '../helpers/draft-leak-probes.ts';
import { articleFields, factCheckFields, modelPracticeFields, serviceGuideFields } from '../fixtures/entries.ts';

// One CMS serves three communes; "thuy" is a word inside "thanh-thuy", the case a loose match
// on the list of addressed communes gets wrong. Each commune and the province publish one piece
// of every kind, all showing one shared image, beside a draft that carries SECRET. Each
// commune's portal token must read its own pieces and the province's addressed to it, and
// nothing else, however it asks.
const COMMUNES = ['thanh-thuy', 'dao-xa', 'thuy'];
const RUN = randomBytes(3).toString('hex').toUpperCase();
const SECRET = `NHAPCHUADUYET${RUN}`;
const marker = (owner: string) => `MOC${owner.replace(/-/g, '').toUpperCase()}${RUN}`;
const OWNERS = [...COMMUNES, 'tinh-gui-thanh-thuy', 'tinh-gui-tat-ca'];
const tenancyOf: Record<string, Record<string, unknown>> = {
  ...Object.fromEntries(COMMUNES.map((c) => [c, { commune: c }])),
  'tinh-gui-thanh-thuy': { provinceWide: true, addressedTo: 'thanh-thuy' },
  'tinh-gui-tat-ca': { provinceWide: true },
};
const VISIBLE: Record<string, string[]> = {
  'thanh-thuy': ['thanh-thuy', 'tinh-gui-thanh-thuy', 'tinh-gui-tat-ca'],
  'dao-xa': ['dao-xa', 'tinh-gui-tat-ca'],
  thuy: ['thuy', 'tinh-gui-tat-ca'],
};
const fieldsByKind: Record<string, Record<string, unknown>> = {
  article: articleFields,
  'model-practice': modelPracticeFields,
  'service-guide': serviceGuideFields,
  'fact-check': factCheckFields,
};

describe('each commune’s portal token on PostgreSQL', () => {
  let cms: TestCms;
  let api: AdminApi;
  /** documentId of each owner's published piece, by kind. */
  const pieces: Record<string, Record<string, string>> = {};
  const tokenOf = (commune: string) => communeSiteToken(cms.siteToken, commune);
  const foreignTo = (commune: string) => OWNERS.filter((o) => !VISIBLE[commune].includes(o));

  /** What a response shows of pieces the commune may not read: their titles or their documentIds. */
  function foreignIn(commune: string, body: unknown): string[] {
    const text = JSON.stringify(body);
    return foreignTo(commune).flatMap((owner) => [
      ...(text.includes(marker(owner)) ? [`the title of ${owner}’s piece`] : []),
      ...Object.entries(pieces[owner]).filter(([, id]) => text.includes(id)).map(([kind]) => `${owner}’s ${kind}`),
    ]);
  }

  beforeAll(async () => {
    cms = await bootCms({ database: 'postgres', env: { PROVINCE_COMMUNES: COMMUNES.join(',') } });
    api = new AdminApi(cms, cms.adminToken);
    const uploaded = await multipart(api, '/upload', { files: await png('#3366cc') });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const image = uploaded.body[0].id as number;
    const unit = connect(await api.ids('unit', ['phong-vhxh']));
    for (const owner of OWNERS) {
      pieces[owner] = {};
      for (const kind of contentKinds) {
        const themes = connect(await api.ids('theme', kind.requiredThemes.length ? [...kind.requiredThemes] : ['y-nghia-ke-hoach']));
        const base = { ...fieldsByKind[kind.key], cover: image, coverAlt: 'Ảnh dùng chung', themes, unit, ...tenancyOf[owner] };
        const piece = await api.create(uidOf(kind), { ...base, title: `Tin ${marker(owner)} ${kind.key}` });
        expect(piece.status, JSON.stringify(piece.body)).toBe(201);
        pieces[owner][kind.key] = piece.body.data.documentId;
        expect((await api.publish(uidOf(kind), piece.body.data.documentId)).status).toBe(200);
        const draft = await api.create(uidOf(kind), { ...base, title: `Bản nháp ${SECRET} ${marker(owner)}` });
        expect(draft.status, JSON.stringify(draft.body)).toBe(201);
      }
    }
    // Each owner's article was shared on Facebook (a posted ledger row), and each owner had one
    // more piece removed with «Gỡ bỏ»: its path is one the portal answers 410.
    for (const owner of OWNERS) {
      const shared = await api.create('api::crosspost-job.crosspost-job', { pieceUid: 'api::article.article', pieceId: pieces[owner].article, channel: 'facebook', action: 'create', state: 'posted', generation: 1, remoteUrl: `https://www.facebook.com/${marker(owner)}` });
      expect(shared.status, JSON.stringify(shared.body)).toBe(201);
      const base = { ...articleFields, themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])), unit, ...tenancyOf[owner] };
      const removed = await api.create('api::article.article', { ...base, title: `Gỡ ${marker(owner)}` });
      expect(removed.status, JSON.stringify(removed.body)).toBe(201);
      expect((await api.publish('api::article.article', removed.body.data.documentId)).status).toBe(200);
      const takenDown = await api.request('POST', `/takedown/api::article.article/${removed.body.data.documentId}/remove`, { reason: 'Bài nêu tên người dân khi chưa được đồng ý' });
      expect(takenDown.status, JSON.stringify(takenDown.body)).toBe(200);
    }
    for (const commune of COMMUNES) {
      const profile = await api.create('api::commune-profile.commune-profile', { commune, name: `Xã ${marker(commune)}`, authority: 'Ủy ban nhân dân xã', province: 'Phú Thọ' });
      expect(profile.status, JSON.stringify(profile.body)).toBe(201);
      pieces[commune].profile = profile.body.data.documentId;
    }
  }, 240_000);

  afterAll(async () => {
    await cms?.stop();
  });

  describe.each(COMMUNES)('of %s', (commune) => {
    it('lists, of every kind, its own pieces and the province’s addressed to it, and no other', async () => {
      for (const kind of contentKinds) {
        const res = await publicGet(cms, `/api/${kind.plural}?pagination[pageSize]=100`, tokenOf(commune));
        expect(res.status, kind.key).toBe(200);
        const ids = (res.body.data as Array<{ documentId: string }>).map((r) => r.documentId).sort();
        expect(ids, kind.key).toEqual(VISIBLE[commune].map((owner) => pieces[owner][kind.key]).sort());
        // Filtered in the query, not only in the answer: the total counts what the commune reads,
        // and for "thuy" not the piece addressed to "thanh-thuy".
        expect(res.body.meta.pagination.total, kind.key).toBe(VISIBLE[commune].length);
      }
    });

    it('finds no single piece of another commune, nor one the province sent elsewhere', async () => {
      for (const kind of contentKinds) {
        for (const owner of foreignTo(commune)) {
          const res = await publicGet(cms, `/api/${kind.plural}/${pieces[owner][kind.key]}?populate=*`, tokenOf(commune));
          expect(res.status, `${owner}’s ${kind.key}`).toBe(404);
          expect(foreignIn(commune, res.body)).toEqual([]);
        }
        expect((await publicGet(cms, `/api/${kind.plural}/${pieces[commune][kind.key]}`, tokenOf(commune))).status).toBe(200);
      }
    });

    it('reads its own commune’s details only', async () => {
      const res = await publicGet(cms, '/api/commune-profiles?populate=*', tokenOf(commune));
      expect(res.status).toBe(200);
      expect((res.body.data as Array<{ commune: string }>).map((r) => r.commune)).toEqual([commune]);
    });

    it.each(allTypes.map((t) => [endpointOf(t), t] as const))('no populate, field selection or filter on %s reveals a draft or another commune’s piece', async (_endpoint, type) => {
      const own = type.singular === 'commune-profile' ? pieces[commune].profile : contentKinds.some((k) => k === type) ? pieces[commune][(type as (typeof contentKinds)[number]).key] : undefined;
      const problems: string[] = [];
      for (const probe of probesFor(type, SECRET, own)) {
        const res = await publicGet(cms, probe.path, tokenOf(commune));
        if (probe.reaches && res.status !== 200) problems.push(`${res.status} (expected 200) ${probe.path}`);
        if (res.status >= 500) problems.push(`${res.status} ${probe.path}`);
        if (JSON.stringify(res.body).includes(SECRET)) problems.push(`draft text: ${probe.path}`);
        const foreign = foreignIn(commune, res.body);
        if (foreign.length) problems.push(`${foreign.join(', ')}: ${probe.path}`);
        const data = res.body?.data;
        if (probe.oracle && res.status < 400 && (Array.isArray(data) ? data.length > 0 : data != null)) problems.push(`a filter on draft-only text matched: ${probe.path}`);
      }
      expect(problems).toEqual([]);
    });

    it('reads where its own pieces were shared and which of its pages were removed, and no other commune’s', async () => {
      const shared = await publicGet(cms, '/api/crosspost/shared?pagination[pageSize]=100', tokenOf(commune));
      expect(shared.status).toBe(200);
      expect((shared.body.data as Array<{ remoteUrl: string }>).map((p) => p.remoteUrl).sort()).toEqual(VISIBLE[commune].map((owner) => `https://www.facebook.com/${marker(owner)}`).sort());
      const gone = await publicGet(cms, '/api/gone-pages', tokenOf(commune));
      expect(gone.status).toBe(200);
      const paths = (gone.body.data as Array<{ path: string }>).map((p) => p.path);
      expect(paths.map((p) => OWNERS.find((owner) => p.includes(marker(owner).toLowerCase()))).sort()).toEqual([...VISIBLE[commune]].sort());
    });

    it('is refused unpublished content, with the message the portal’s token gets', async () => {
      for (const selector of UNPUBLISHED_SELECTORS.slice(0, 4)) {
        const res = await publicGet(cms, `/api/articles?${selector}`, tokenOf(commune));
        expect(res.status, selector).toBe(403);
        expect(res.body.error.message).toBe(messages.draftsRefused);
      }
    });
  });

  it('leaves the installation’s own token reading every commune, as the province does', async () => {
    const res = await publicGet(cms, '/api/articles?pagination[pageSize]=100', cms.siteToken);
    expect((res.body.data as Array<{ documentId: string }>).map((r) => r.documentId).sort()).toEqual(OWNERS.map((o) => pieces[o].article).sort());
  });

  it('leaves the installation’s own token reading every shared post and removed page', async () => {
    expect((await publicGet(cms, '/api/crosspost/shared?pagination[pageSize]=100', cms.siteToken)).body.data).toHaveLength(OWNERS.length);
    expect((await publicGet(cms, '/api/gone-pages', cms.siteToken)).body.data).toHaveLength(OWNERS.length);
  });

  it('knows no token for a commune the installation does not serve', async () => {
    expect((await publicGet(cms, '/api/articles', communeSiteToken(cms.siteToken, 'xa-khac'))).status).toBe(401);
  });
});
