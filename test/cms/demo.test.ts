import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPieces } from '../../cms/src/seed/demo-content.ts';
import { publicGet } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';

const root = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'tt-demo-'));
const env = { DATABASE_FILENAME: join(dir, 'data.db') };
const PLURALS = ['articles', 'model-practices', 'service-guides', 'fact-checks'];

// The pictures the demo set promises: each published piece's cover and guide screenshots.
const published = demoPieces.filter((p) => !p.draft);
const expectedImages = new Map<string, string[]>(
  published.map((p) => [String(p.data.title), [p.cover?.name, ...(p.stepScreenshots ?? []).map((s) => s?.name)].filter((n): n is string => Boolean(n)).map((n) => `${n}.jpg`)]),
);

/** The picture at `url` on the CMS is a real JPEG of the size the demo draws. */
async function expectDrawnPicture(cms: TestCms, url: string): Promise<void> {
  const res = await fetch(`${cms.url}${url}`);
  expect(res.status, url).toBe(200);
  expect(res.headers.get('content-type'), url).toBe('image/jpeg');
  const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
  expect([meta.format, meta.width, meta.height], url).toEqual(['jpeg', 1600, 900]);
}

/** Every piece of every kind the public API returns, with taxonomy, cover and screenshots. */
async function publicPieces(cms: TestCms): Promise<Array<{ plural: string; total: number; pieces: any[] }>> {
  const lists = [];
  for (const plural of PLURALS) {
    const steps = plural === 'service-guides' ? '&populate[steps][populate][screenshot]=true' : '';
    const res = await publicGet(cms, `/api/${plural}?pagination[pageSize]=100&populate[themes]=true&populate[cover]=true${steps}`, cms.siteToken);
    expect(res.status, plural).toBe(200);
    lists.push({ plural, total: res.body.meta.pagination.total as number, pieces: res.body.data as any[] });
  }
  return lists;
}

describe('the demo set', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads into an empty database: every kind and theme, with its pictures, drafts kept private', async () => {
    const cms = await bootCms({ seedDemo: true, env });
    try {
      const themes = new Set<string>();
      const pictures: string[] = [];
      const lists = await publicPieces(cms);
      for (const { pieces } of lists) {
        for (const piece of pieces) {
          expect(piece.title).not.toContain('NHÁP');
          for (const t of piece.themes) themes.add(t.key);
          const expected = expectedImages.get(piece.title);
          expect(expected, `${piece.title} is not in the demo set`).toBeDefined();
          const images = [piece.cover, ...(piece.steps ?? []).map((s: any) => s.screenshot)].filter(Boolean);
          expect(images.map((i: any) => i.name), piece.title).toEqual(expected);
          if (piece.cover) expect(piece.coverAlt, piece.title).toBeTruthy();
          for (const image of images) {
            await expectDrawnPicture(cms, image.url);
            pictures.push(image.name);
          }
        }
      }
      expect(lists.reduce((sum, l) => sum + l.total, 0)).toBe(published.length);
      for (const { plural, total } of lists) expect(total, plural).toBeGreaterThan(0);
      expect(pictures.sort()).toEqual([...expectedImages.values()].flat().sort());
      expect(pictures.length).toBeGreaterThanOrEqual(20);
      expect(themes.size).toBe(8);
      const commune = await publicGet(cms, '/api/commune?populate=*', cms.siteToken);
      expect(commune.body.data.leaders.length).toBeGreaterThan(0);
    } finally {
      await cms.stop();
    }
  }, 180_000); // drawing and uploading the pictures takes a while on a busy 2-core machine

  it.each([
    ['SEED_DEMO unset', undefined],
    ['SEED_DEMO=true', 'true'],
  ])('a production start (NODE_ENV=production, %s) never loads it, even into an empty database', async (_label, seed) => {
    const cms = await bootCms({ env: { NODE_ENV: 'production', SEED_DEMO: seed } });
    try {
      for (const { plural, total } of await publicPieces(cms)) expect(total, plural).toBe(0);
      const commune = await publicGet(cms, '/api/commune?populate=*', cms.siteToken);
      expect(commune.body.data.leaders ?? []).toEqual([]);
      expect(commune.body.data.socials ?? []).toEqual([]);
      expect(commune.body.data.phone ?? null).toBeNull();
      expect((await publicGet(cms, '/api/residential-areas', cms.siteToken)).body.data).toEqual([]);
      expect(cms.output()).toContain('Demo content not loaded');
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
      for (const plural of PLURALS) {
        const res = await publicGet(cms, `/api/${plural}`, cms.siteToken);
        expect(res.body.meta.pagination.total, plural).toBe(0);
      }
      expect((await publicGet(cms, '/api/themes', cms.siteToken)).body.data).toHaveLength(8);
    } finally {
      await cms.stop();
    }
  });
});
