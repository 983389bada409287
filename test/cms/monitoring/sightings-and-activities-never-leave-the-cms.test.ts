import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTypes, factCheck, outreachActivity, sighting, uidOf } from '@thanh-thuy/content-types';
import { AdminApi, connect, publicGet } from '../../helpers/admin-api.ts';
import { multipart, png } from '../../helpers/admin-users.ts';
import { bootCms, type Database, type TestCms } from '../../helpers/cms.ts';
import { endpointOf, probesFor, uploadProbes, type Probe } from '../../helpers/draft-leak-probes.ts';
import { factCheckFields } from '../../fixtures/entries.ts';

// A sighting and an activity carry SECRET and share their picture with a published fact-check,
// which the sighting names as its rebuttal. No probe generated from the content model, through
// any token, may bring SECRET back: the internal types have no routes, no public type has a
// relation to them, and a file's back-links must not lead to them.
const SECRET = `NOIBO${randomBytes(4).toString('hex').toUpperCase()}`;

describe.each<Database>(['sqlite', 'postgres'])('sightings and activities never leave the CMS on %s', (database) => {
  let cms: TestCms;
  let api: AdminApi;
  let fileId: number;
  let factCheckId: string;
  let sightingId: string;
  let activityId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    cms = await bootCms({ database });
    api = new AdminApi(cms, cms.adminToken);
    const uploaded = await multipart(api, '/upload', { files: await png('#2c3e50') });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    fileId = uploaded.body[0].id;
    const themes = connect(await api.ids('theme', ['phan-bac-thong-tin-xau-doc']));
    const unit = connect(await api.ids('unit', ['cong-an-xa']));
    const piece = await api.create(uidOf(factCheck), { ...factCheckFields, cover: fileId, coverAlt: 'Ảnh minh họa', themes, unit });
    expect(piece.status, JSON.stringify(piece.body)).toBe(201);
    factCheckId = piece.body.data.documentId;
    expect((await api.publish(uidOf(factCheck), factCheckId)).status).toBe(200);

    const seen = await api.create(uidOf(sighting), {
      platform: 'TikTok',
      outlet: `Kênh ${SECRET}`,
      content: `Video ${SECRET} nói phải nộp phí kích hoạt VNeID`,
      seenAt: '2025-10-03T03:00:00.000Z',
      harm: 'Nghiêm trọng',
      screenshot: fileId,
      screenshotAlt: `Ảnh chụp ${SECRET}`,
      themes,
      factCheck: connect([factCheckId]),
    });
    expect(seen.status, JSON.stringify(seen.body)).toBe(201);
    sightingId = seen.body.data.documentId;
    const done = await api.create(uidOf(outreachActivity), {
      date: '2025-10-04',
      channel: 'Hội nghị',
      description: `Hội nghị ${SECRET} tại nhà văn hóa`,
      peopleReached: 120,
      photo: fileId,
      photoAlt: `Ảnh ${SECRET}`,
      themes,
      unit,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    activityId = done.body.data.documentId;
    for (const type of ['read-only', 'full-access'] as const) {
      const res = await api.request('POST', '/admin/api-tokens', { name: `Kiểm thử ${type}`, type, lifespan: null, description: '' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      tokens[type] = res.body.data.accessKey;
    }
  });

  afterAll(async () => {
    await cms?.stop();
  });

  const callers = [
    ['the public', () => undefined],
    ['the portal’s token', () => cms.siteToken],
    ['a read-only token', () => tokens['read-only']],
    ['a full-access token', () => tokens['full-access']],
  ] as const;

  describe.each(callers)('as %s', (_caller, tokenOf) => {
    it('the internal types have no REST endpoint at all', async () => {
      for (const type of [sighting, outreachActivity]) {
        for (const path of [`/api/${type.plural}`, `/api/${type.plural}?populate=*`, `/api/${type.plural}/${type === sighting ? sightingId : activityId}`, `/api/${type.singular}`]) {
          const res = await publicGet(cms, path, tokenOf());
          expect(res.status, path).toBe(404);
          expect(JSON.stringify(res.body)).not.toContain(SECRET);
        }
      }
    });

    it.each(allTypes.map((t) => [endpointOf(t), t] as const))('no populate, field selection or filter on %s reaches them', async (_endpoint, type) => {
      const probes: Probe[] = probesFor(type, SECRET, type === factCheck ? factCheckId : undefined);
      const leaks: string[] = [];
      for (const probe of probes) {
        const res = await publicGet(cms, probe.path, tokenOf());
        if (JSON.stringify(res.body).includes(SECRET)) leaks.push(`${res.status} ${probe.path}`);
        if (res.status >= 500) leaks.push(`server error ${res.status} ${probe.path}`);
      }
      expect(leaks).toEqual([]);
    });

    it('the media library’s back-links from their shared picture do not reach them', async () => {
      const leaks: string[] = [];
      for (const probe of uploadProbes(fileId, SECRET)) {
        const res = await publicGet(cms, probe.path, tokenOf());
        if (JSON.stringify(res.body).includes(SECRET)) leaks.push(`${res.status} ${probe.path}`);
      }
      expect(leaks).toEqual([]);
    });
  });

  it('a fact-check’s API output has no field that could populate the sighting it answers', async () => {
    const res = await publicGet(cms, `/api/fact-checks/${factCheckId}?populate=*`, cms.siteToken);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data).filter((key) => /sighting/i.test(key))).toEqual([]);
    const asked = await publicGet(cms, `/api/fact-checks/${factCheckId}?populate[sightings]=true`, cms.siteToken);
    expect(asked.status).toBe(400);
    expect(JSON.stringify(asked.body)).not.toContain(SECRET);
    // Nor can a filter through the shared picture's back-links test their text.
    for (const field of ['content', 'outlet', 'description', 'screenshotAlt']) {
      for (const token of [cms.siteToken, tokens['read-only'], tokens['full-access']]) {
        const probe = await publicGet(cms, `/api/fact-checks?filters[cover][related][${field}][$containsi]=${SECRET}`, token);
        expect(probe.status >= 400 || probe.body.data.length === 0, `${probe.status} ${field}: ${JSON.stringify(probe.body).slice(0, 200)}`).toBe(true);
      }
    }
    // The link lives on the sighting only, and the admin shows it.
    const linked = await api.request('GET', `/content-manager/relations/${uidOf(sighting)}/${sightingId}/factCheck`);
    expect(linked.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([factCheckId]);
  });
});
