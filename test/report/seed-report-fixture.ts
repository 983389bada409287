import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { LedgerClient } from '../../scripts/crosspost/ledger-client.ts';
import { openDatabase } from '../../scripts/lib/database-client.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import type { TestCms } from '../helpers/cms.ts';
import { articleFields, factCheckFields, modelPracticeFields, serviceGuideFields } from '../fixtures/entries.ts';

// Seeds a real CMS with test/fixtures/report/october-2025.json the way the commune would fill
// it: pieces through the admin API (created, published, unpublished, deleted), their cross-posts
// through the runner's own ledger calls and the edit page's "Đã đăng tay", sightings and
// activities through the admin API. Only two things are written into the database directly,
// because no one can set them by hand: a piece's first publication date (the CMS records it
// at the moment of the first publish) and a post's date (the moment the runner or the officer
// recorded it), so the fixture can sit in October 2025.

export const FIXTURE = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'report', 'october-2025.json'), 'utf8')) as Fixture;

interface FixturePiece {
  ref: string;
  kind: 'article' | 'model-practice' | 'service-guide' | 'fact-check';
  title: string;
  subjectName?: string;
  residentialArea?: string;
  themes: string[];
  unit: string;
  channels: string[];
  firstPublishedAt: string | null;
  fate: 'published' | 'draft' | 'unpublished' | 'deleted';
}
interface Fixture {
  residentialAreas: Array<{ name: string; slug: string }>;
  pieces: FixturePiece[];
  crossPosts: Array<{ piece: string; channel: string; outcome: 'posted' | 'by-hand'; url: string; postedAt: string }>;
  activities: Array<{ date: string; channel: string; unit: string; residentialArea: string | null; themes: string[]; description: string; times: number | null; minutes: number | null; peopleReached: number | null }>;
  sightings: Array<{ platform: string; state: string; seenAt: string; harm: string; content: string; factCheck?: string }>;
}

const FIELDS = { article: articleFields, 'model-practice': modelPracticeFields, 'service-guide': serviceGuideFields, 'fact-check': factCheckFields };
const TABLES = { article: 'articles', 'model-practice': 'model_practices', 'service-guide': 'service_guides', 'fact-check': 'fact_checks' };
const uid = (kind: string) => `api::${kind}.${kind}`;

export interface SeededPiece {
  ref: string;
  kind: FixturePiece['kind'];
  documentId: string;
  slug: string;
  title: string;
}

export async function seedReportFixture(cms: TestCms): Promise<Map<string, SeededPiece>> {
  const api = new AdminApi(cms, cms.adminToken);
  const ok = (res: { status: number; body: unknown }, what: string) => expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  const areas = new Map<string, string>();
  for (const area of FIXTURE.residentialAreas) {
    const res = await api.create('api::residential-area.residential-area', area);
    ok(res, `residential area ${area.name}`);
    areas.set(area.name, res.body.data.documentId);
  }
  const pieces = new Map<string, SeededPiece>();
  for (const p of FIXTURE.pieces) {
    const res = await api.create(uid(p.kind), {
      ...FIELDS[p.kind],
      title: p.title,
      ...(p.subjectName ? { subjectName: p.subjectName } : {}),
      ...(p.residentialArea ? { residentialArea: connect([areas.get(p.residentialArea)!]) } : {}),
      themes: connect(await api.ids('theme', p.themes)),
      unit: connect(await api.ids('unit', [p.unit])),
      channels: connect(await api.ids('channel', p.channels)),
    });
    ok(res, `piece ${p.ref}`);
    const documentId = res.body.data.documentId as string;
    if (p.fate !== 'draft') ok(await api.publish(uid(p.kind), documentId), `publishing ${p.ref}`);
    pieces.set(p.ref, { ref: p.ref, kind: p.kind, documentId, slug: res.body.data.slug, title: res.body.data.title });
  }

  // The runner's side: every job the publishes queued is claimed and settled as the fixture says.
  const runner = new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET, 'bao-cao');
  const refOf = new Map([...pieces.values()].map((p) => [p.documentId, p.ref]));
  const byHand: Array<{ id: number; url: string }> = [];
  for (let claim = await runner.claim(60_000); claim; claim = await runner.claim(60_000)) {
    const { job } = claim;
    const post = FIXTURE.crossPosts.find((c) => c.piece === refOf.get(job.pieceId) && c.channel === job.channel);
    if (!post || job.action !== 'create') await runner.record(job.id, { outcome: 'skipped', error: 'not part of the report fixture' });
    else if (post.outcome === 'posted') await runner.record(job.id, { outcome: 'posted', remoteId: `remote-${job.id}`, remoteUrl: post.url });
    else {
      await runner.record(job.id, { outcome: 'outbox', payload: { text: 'Bài chờ đăng tay' } });
      byHand.push({ id: job.id, url: post.url });
    }
  }
  for (const { id, url } of byHand) ok(await api.request('POST', `/crosspost-panel/jobs/${id}/posted-by-hand`, { url }), `posting job ${id} by hand`);

  for (const p of FIXTURE.pieces) {
    const piece = pieces.get(p.ref)!;
    if (p.fate === 'unpublished') ok(await api.unpublish(uid(p.kind), piece.documentId), `unpublishing ${p.ref}`);
    if (p.fate === 'deleted') ok(await api.remove(uid(p.kind), piece.documentId), `deleting ${p.ref}`);
  }

  for (const s of FIXTURE.sightings) {
    const res = await api.create('api::sighting.sighting', {
      platform: s.platform,
      state: s.state,
      seenAt: s.seenAt,
      harm: s.harm,
      content: s.content,
      ...(s.factCheck ? { factCheck: connect([pieces.get(s.factCheck)!.documentId]) } : {}),
    });
    ok(res, `sighting ${s.content}`);
  }
  for (const a of FIXTURE.activities) {
    const res = await api.create('api::outreach-activity.outreach-activity', {
      date: a.date,
      channel: a.channel,
      description: a.description,
      times: a.times,
      minutes: a.minutes,
      peopleReached: a.peopleReached,
      unit: connect(await api.ids('unit', [a.unit])),
      themes: connect(await api.ids('theme', a.themes)),
      ...(a.residentialArea ? { residentialArea: connect([areas.get(a.residentialArea)!]) } : {}),
    });
    ok(res, `activity ${a.description}`);
  }

  const db = await openDatabase(cms.databaseTarget);
  const pg = cms.database === 'postgres';
  const at = (iso: string) => (pg ? new Date(iso).toISOString() : Date.parse(iso));
  const [p1, p2, p3] = pg ? ['$1', '$2', '$3'] : ['?', '?', '?'];
  try {
    for (const p of FIXTURE.pieces) {
      if (!p.firstPublishedAt || p.fate === 'deleted') continue;
      await db.query(`UPDATE ${TABLES[p.kind]} SET first_published_at = ${p1} WHERE document_id = ${p2}`, [at(p.firstPublishedAt), pieces.get(p.ref)!.documentId]);
    }
    for (const c of FIXTURE.crossPosts) {
      await db.query(`UPDATE crosspost_jobs SET posted_at = ${p1} WHERE piece_id = ${p2} AND channel = ${p3} AND action = 'create' AND state = 'posted'`, [
        at(c.postedAt),
        pieces.get(c.piece)!.documentId,
        c.channel,
      ]);
    }
  } finally {
    await db.close();
  }
  return pieces;
}
