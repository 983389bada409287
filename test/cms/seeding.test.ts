import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { taxonomy } from '@thanh-thuy/content-types';
import { AdminApi, publicGet } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';

const dir = mkdtempSync(join(tmpdir(), 'tt-seed-'));
const env = { DATABASE_FILENAME: join(dir, 'data.db') };

async function counts(cms: TestCms) {
  const result: Record<string, string[]> = {};
  for (const plural of ['themes', 'task-groups', 'channels', 'units', 'audiences']) {
    const res = await publicGet(cms, `/api/${plural}?pagination[pageSize]=100&sort=order`, cms.siteToken);
    expect(res.status, `${plural}: ${JSON.stringify(res.body)}`).toBe(200);
    result[plural] = res.body.data.map((row: { key: string }) => row.key);
  }
  return result;
}

const expected = {
  themes: taxonomy.themes.map((t) => t.key),
  'task-groups': taxonomy.taskGroups.map((t) => t.key),
  channels: taxonomy.channels.map((t) => t.key),
  units: taxonomy.units.map((t) => t.key),
  audiences: taxonomy.audiences.map((t) => t.key),
};

describe('taxonomy seeding', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds the plan’s taxonomy on first start, readable by the portal', async () => {
    const cms = await bootCms({ env });
    try {
      expect(await counts(cms)).toEqual(expected);
      const theme = await publicGet(cms, '/api/themes?filters[key]=dich-vu-cong-truc-tuyen', cms.siteToken);
      expect(theme.body.data[0]).toMatchObject({ label: 'Dịch vụ công trực tuyến', section: 'II.5' });
      const commune = await publicGet(cms, '/api/commune', cms.siteToken);
      expect(commune.body.data).toMatchObject({ name: 'Xã Thanh Thủy', province: 'Tỉnh Phú Thọ' });
      // An admin renames a theme by hand; the plan wins at the next start.
      const api = new AdminApi(cms, cms.adminToken);
      const [id] = await api.ids('theme', ['dich-vu-cong-truc-tuyen']);
      expect((await api.update('api::theme.theme', id, { label: 'Tên sai' })).status).toBe(200);
    } finally {
      await cms.stop();
    }
  });

  it('a second start neither duplicates nor loses anything and restores the plan’s labels', async () => {
    const cms = await bootCms({ env });
    try {
      expect(await counts(cms)).toEqual(expected);
      const theme = await publicGet(cms, '/api/themes?filters[key]=dich-vu-cong-truc-tuyen', cms.siteToken);
      expect(theme.body.data).toHaveLength(1);
      expect(theme.body.data[0].label).toBe('Dịch vụ công trực tuyến');
    } finally {
      await cms.stop();
    }
  });
});
