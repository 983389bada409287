import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { publicGet } from '../helpers/admin-api.ts';
import { bootCms } from '../helpers/cms.ts';

const root = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'tt-demo-'));
const env = { DATABASE_FILENAME: join(dir, 'data.db') };

describe('the demo set', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads into an empty database: every kind and theme, with images, drafts kept private', async () => {
    const cms = await bootCms({ seedDemo: true, env });
    try {
      const totals: Record<string, number> = {};
      const themes = new Set<string>();
      for (const plural of ['articles', 'model-practices', 'service-guides', 'fact-checks']) {
        const res = await publicGet(cms, `/api/${plural}?pagination[pageSize]=100&populate[themes]=true&populate[cover]=true`, cms.siteToken);
        totals[plural] = res.body.meta.pagination.total;
        for (const piece of res.body.data) {
          expect(piece.title).not.toContain('NHÁP');
          for (const t of piece.themes) themes.add(t.key);
          if (piece.cover) {
            expect(piece.coverAlt).toBeTruthy();
            const image = await fetch(`${cms.url}${piece.cover.url}`);
            expect(image.headers.get('content-type')).toMatch(/^image\//);
          }
        }
      }
      expect(Object.values(totals).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(28);
      for (const n of Object.values(totals)) expect(n).toBeGreaterThan(0);
      expect(themes.size).toBe(8);
      const commune = await publicGet(cms, '/api/commune?populate=*', cms.siteToken);
      expect(commune.body.data.leaders.length).toBeGreaterThan(0);
    } finally {
      await cms.stop();
    }
  });

  it('is removed by one command and not loaded again at the next start', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/seed/remove-demo.ts', '--no-build'], {
      cwd: root,
      env: { ...process.env, ...env, DATABASE_CLIENT: 'sqlite' },
    });
    expect(stdout).toMatch(/Đã xóa dữ liệu mẫu: \d+ mục nội dung, \d+ ảnh\./);
    const cms = await bootCms({ seedDemo: true, env });
    try {
      for (const plural of ['articles', 'model-practices', 'service-guides', 'fact-checks']) {
        const res = await publicGet(cms, `/api/${plural}`, cms.siteToken);
        expect(res.body.meta.pagination.total, plural).toBe(0);
      }
      expect((await publicGet(cms, '/api/themes', cms.siteToken)).body.data).toHaveLength(8);
    } finally {
      await cms.stop();
    }
  });
});
