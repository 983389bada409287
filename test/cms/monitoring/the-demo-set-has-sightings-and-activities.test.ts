import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi } from '../../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../../helpers/cms.ts';
import { CMS_DIR } from '../../../scripts/lib/cms-process.ts';

const demo = JSON.parse(readFileSync(join(CMS_DIR, 'src', 'seed', 'demo-monitoring.json'), 'utf8')) as {
  sightings: Array<{ content: string; factCheck?: string; steps: Array<{ state: string; at: string; by: string; note: string | null }> }>;
  activities: Array<{ description: string; peopleReached?: number }>;
};

describe('the demo set', () => {
  let cms: TestCms;
  let admin: AdminApi;

  beforeAll(async () => {
    cms = await bootCms({ seedDemo: true });
    admin = new AdminApi(cms, cms.adminToken);
  }, 240_000);

  afterAll(async () => {
    await cms?.stop();
  });

  it('holds every demo sighting with its handling history as it happened', async () => {
    const res = await admin.request('GET', '/content-manager/collection-types/api::sighting.sighting?pageSize=100&populate=*');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stored = res.body.results as Array<{ content: string; state: string; loggedBy: string; steps: Array<{ state: string; at: string; by: string; note: string | null }> }>;
    expect(stored.map((s) => s.content).sort()).toEqual(demo.sightings.map((s) => s.content).sort());
    for (const sighting of demo.sightings) {
      const found = stored.find((s) => s.content === sighting.content)!;
      expect(found.state, sighting.content).toBe(sighting.steps.at(-1)!.state);
      expect(found.loggedBy).toBe(sighting.steps[0].by);
      expect(found.steps.map(({ state, at, by, note }) => ({ state, at, by, note }))).toEqual(
        sighting.steps.map(({ state, at, by, note }) => ({ state, at: new Date(at).toISOString(), by, note })),
      );
    }
  });

  it('links the rebutted demo sighting to the demo fact-check that answered it', async () => {
    const rebutted = demo.sightings.find((s) => s.factCheck)!;
    const res = await admin.request('GET', `/content-manager/collection-types/api::sighting.sighting?pageSize=100&filters[state][$eq]=${encodeURIComponent('Đã phản bác')}`);
    const [sighting] = res.body.results as Array<{ documentId: string; content: string }>;
    expect(sighting.content).toBe(rebutted.content);
    const linked = await admin.request('GET', `/content-manager/relations/api::sighting.sighting/${sighting.documentId}/factCheck`);
    expect(linked.body.results.map((r: { title: string }) => r.title)).toEqual([rebutted.factCheck]);
  });

  it('holds every demo activity', async () => {
    const res = await admin.request('GET', '/content-manager/collection-types/api::outreach-activity.outreach-activity?pageSize=100');
    const stored = res.body.results as Array<{ description: string; peopleReached: number | null }>;
    expect(stored.map((a) => a.description).sort()).toEqual(demo.activities.map((a) => a.description).sort());
    const reached = stored.reduce((sum, a) => sum + (a.peopleReached ?? 0), 0);
    expect(reached).toBe(demo.activities.reduce((sum, a) => sum + (a.peopleReached ?? 0), 0));
  });
});
