import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTypes, contentKinds, messages, uidOf } from '@thanh-thuy/content-types';
import { AdminApi, connect, publicGet, type ApiResult } from '../helpers/admin-api.ts';
import { bootCms, type Database, type TestCms } from '../helpers/cms.ts';
import { endpointOf, probesFor, UNPUBLISHED_SELECTORS, uploadProbes, type Probe } from '../helpers/draft-leak-probes.ts';
import { articleFields, factCheckFields, modelPracticeFields, serviceGuideFields } from '../fixtures/entries.ts';
import { mp4Bytes } from '../fixtures/video.ts';

// The database holds, for every kind, a published piece with a cover image and a video and an
// unpublished edit of it, and a never-published draft that reuses the same files. Only the
// drafts carry SECRET. Every probe generated from the content model must come back without it.
const SECRET = `NHAPCHUADUYET${randomBytes(4).toString('hex').toUpperCase()}`;

const fieldsByKind: Record<string, Record<string, unknown>> = {
  article: articleFields,
  'model-practice': modelPracticeFields,
  'service-guide': serviceGuideFields,
  'fact-check': factCheckFields,
};

/** Every object in a response that is a draft row: Strapi serialises those with publishedAt null. */
function draftRowsIn(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => draftRowsIn(v, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('publishedAt' in record && record.publishedAt === null) found.push(record);
    Object.values(record).forEach((v) => draftRowsIn(v, found));
  }
  return found;
}

/** What is wrong with one response to a probe; empty when it gave nothing away. */
function leakIn(probe: Probe, res: ApiResult): string[] {
  const problems: string[] = [];
  if (JSON.stringify(res.body).includes(SECRET)) problems.push('draft text in the response');
  if (draftRowsIn(res.body).length > 0) problems.push(`${draftRowsIn(res.body).length} draft row(s) serialised`);
  const data = res.body?.data;
  if (probe.oracle && res.status < 400 && (Array.isArray(data) ? data.length > 0 : data != null)) {
    problems.push('a filter on draft-only text matched');
  }
  if (res.status >= 500) problems.push(`server error ${res.status}`);
  return problems;
}

async function runProbes(cms: TestCms, probes: Probe[], token: string | undefined) {
  const leaks: string[] = [];
  const unreached: string[] = [];
  for (let i = 0; i < probes.length; i += 8) {
    await Promise.all(
      probes.slice(i, i + 8).map(async (probe) => {
        const res = await publicGet(cms, probe.path, token);
        if (probe.reaches && res.status !== 200) unreached.push(`${res.status} ${probe.path}`);
        const problems = leakIn(probe, res);
        if (problems.length) leaks.push(`${res.status} ${probe.path}: ${problems.join(', ')}`);
      }),
    );
  }
  return { leaks, unreached };
}

async function upload(cms: TestCms, bytes: Buffer, name: string, type: string): Promise<number> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${await cms.adminToken()}` }, body: form });
  if (res.status !== 201) throw new Error(`Upload failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as Array<{ id: number }>)[0].id;
}

async function uploadImage(cms: TestCms): Promise<number> {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).png().toBuffer();
  return upload(cms, png, 'anh-dung-chung.png', 'image/png');
}

describe.each<Database>(['sqlite', 'postgres'])('drafts never leak through relations, components or media on %s', (database) => {
  let cms: TestCms;
  let api: AdminApi;
  let fileId: number;
  let videoId: number;
  let readOnlyToken: string;
  let fullAccessToken: string;
  const published = new Map<string, string>();

  beforeAll(async () => {
    cms = await bootCms({ database });
    api = new AdminApi(cms, cms.adminToken);
    fileId = await uploadImage(cms);
    videoId = await upload(cms, mp4Bytes(20_000), 'video-dung-chung.mp4', 'video/mp4');
    const unit = connect(await api.ids('unit', ['phong-vhxh']));
    for (const kind of contentKinds) {
      const uid = uidOf(kind);
      const themes = connect(await api.ids('theme', kind.requiredThemes.length ? [...kind.requiredThemes] : ['y-nghia-ke-hoach']));
      const base: Record<string, unknown> = { ...fieldsByKind[kind.key], cover: fileId, coverAlt: 'Ảnh minh họa dùng chung', video: videoId, themes, unit };
      if (kind.key === 'service-guide') {
        base.steps = (serviceGuideFields.steps as Array<Record<string, unknown>>).map((s) => ({ ...s, screenshot: fileId, screenshotAlt: 'Màn hình' }));
      }
      const piece = await api.create(uid, base);
      expect(piece.status, JSON.stringify(piece.body)).toBe(201);
      const documentId = piece.body.data.documentId as string;
      expect((await api.publish(uid, documentId)).status).toBe(200);
      published.set(kind.singular, documentId);
      // An editor's saved, unapproved correction of the live piece…
      const edit = await api.update(uid, documentId, { ...base, title: `Bản sửa ${SECRET}`, summary: `Tóm tắt ${SECRET}` });
      expect(edit.status, JSON.stringify(edit.body)).toBe(200);
      // …and a piece never published that reuses the same image and video.
      const draft = await api.create(uid, { ...base, title: `Bản nháp ${SECRET}`, summary: `Tóm tắt ${SECRET}` });
      expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    }
    const token = async (type: string) => {
      const res = await api.request('POST', '/admin/api-tokens', { name: `Kiểm thử ${type}`, type, lifespan: null, description: '' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.data.accessKey as string;
    };
    readOnlyToken = await token('read-only');
    fullAccessToken = await token('full-access');
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('the drafts are really in the database, sharing the published pieces’ image and video', async () => {
    for (const kind of contentKinds) {
      const res = await api.request('GET', `/content-manager/collection-types/${uidOf(kind)}?pageSize=100&populate[cover]=true&populate[video]=true`);
      const drafts = (res.body.results as Array<{ title: string; cover: { id: number } | null; video: { id: number } | null }>).filter((r) => r.title.includes(SECRET));
      // The edit of the published piece and the never-published piece.
      expect(drafts, kind.key).toHaveLength(2);
      for (const draft of drafts) expect([draft.cover?.id, draft.video?.id]).toEqual([fileId, videoId]);
    }
  });

  const callers = [
    ['the public', () => undefined],
    ['the portal’s read-only token', () => cms.siteToken],
    ['a read-only token made in the admin', () => readOnlyToken],
  ] as const;

  describe.each(callers)('as %s', (_caller, tokenOf) => {
    it.each(allTypes.map((t) => [endpointOf(t), t] as const))('no populate, field selection or filter on %s reveals a draft', async (_endpoint, type) => {
      const probes = probesFor(type, SECRET, published.get(type.singular));
      const { leaks, unreached } = await runProbes(cms, probes, tokenOf());
      expect(leaks).toEqual([]);
      // The probes reached the content: a token reads the published entries through them.
      if (tokenOf() !== undefined) expect(unreached).toEqual([]);
    });

    it('the media library’s REST endpoints do not reveal the drafts using a file', async () => {
      const { leaks } = await runProbes(cms, [...uploadProbes(fileId, SECRET), ...uploadProbes(videoId, SECRET)], tokenOf());
      expect(leaks).toEqual([]);
    });

    it.each(UNPUBLISHED_SELECTORS)('asking for unpublished content with %s is refused', async (selector) => {
      for (const path of [...allTypes.map(endpointOf), '/api/upload/files']) {
        const res = await publicGet(cms, `${path}?${selector}`, tokenOf());
        if (tokenOf() === undefined) {
          // The public role reads nothing at all (below).
          expect([401, 403], `${path}?${selector}`).toContain(res.status);
        } else {
          expect(res.status, `${path}?${selector}`).toBe(403);
          // The portal's token may not read the media library at all: Strapi's own refusal.
          if (!(path.startsWith('/api/upload') && tokenOf() === cms.siteToken)) expect(res.body.error.message).toBe(messages.draftsRefused);
        }
      }
    });
  });

  it('the portal’s token reads the published pieces with their images, video and taxonomy', async () => {
    for (const kind of contentKinds) {
      const res = await publicGet(cms, `/api/${kind.plural}/${published.get(kind.singular)}?populate=*`, cms.siteToken);
      expect(res.status).toBe(200);
      expect(res.body.data.title).toBe(fieldsByKind[kind.key].title);
      expect(res.body.data.cover.id).toBe(fileId);
      expect(res.body.data.video.id).toBe(videoId);
      expect(res.body.data.themes.length).toBeGreaterThan(0);
    }
  });

  it('the public role reads nothing: the portal is the public face and reads with its token', async () => {
    for (const type of allTypes) {
      expect([401, 403], endpointOf(type)).toContain((await publicGet(cms, endpointOf(type))).status);
    }
    for (const path of ['/api/upload/files', '/api/users']) {
      expect([401, 403], path).toContain((await publicGet(cms, path)).status);
    }
    const register = await fetch(`${cms.url}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'khach', email: 'khach@example.com', password: 'Matkhau123' }),
    });
    expect([401, 403]).toContain(register.status);
  });

  it('a full-access token may still read drafts (for previews)', async () => {
    const res = await publicGet(cms, '/api/articles?status=draft', fullAccessToken);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(SECRET);
  });
});
