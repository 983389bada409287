import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate, PAGE_SIZE, type PageOf } from '../../site/src/lib/paginate.ts';

// Listing pages (issue 8): the first page shows the newest pieces, archive pages are numbered
// from the oldest and stay as they are when a piece is published.

const items = (n: number) => Array.from({ length: n }, (_, i) => n - i); // newest first: n, n-1, …, 1
const byUrl = (pages: PageOf<number>[]) => new Map(pages.map((p) => [p.url, JSON.stringify(p)]));

describe('a listing is paged from the oldest piece', () => {
  it('holds every piece exactly once, newest first on every page, and full archive pages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (n) => {
        const pages = paginate(items(n), '/tin-tuc/');
        expect(pages.flatMap((p) => p.items).sort((a, b) => a - b)).toEqual(items(n).reverse());
        for (const page of pages) expect(page.items).toEqual([...page.items].sort((a, b) => b - a));
        const [first, ...archive] = pages;
        expect(first.url).toBe('/tin-tuc/');
        expect(first.items.length).toBe(n < 2 * PAGE_SIZE ? n : first.items.length);
        if (n >= 2 * PAGE_SIZE) expect(first.items.length).toBeGreaterThanOrEqual(PAGE_SIZE);
        expect(first.items.length).toBeLessThan(2 * PAGE_SIZE);
        archive.forEach((page, i) => {
          expect(page.url).toBe(`/tin-tuc/trang/${i + 1}/`);
          expect(page.items).toHaveLength(PAGE_SIZE);
          // Archive page 1 holds the twenty oldest pieces.
          expect(page.items.at(-1)).toBe(i * PAGE_SIZE + 1);
        });
      }),
    );
  });

  it('links each page to the next newer and the next older one', () => {
    const pages = paginate(items(95), '/tin-tuc/');
    expect(pages.map((p) => [p.url, p.newer, p.older])).toEqual([
      ['/tin-tuc/', undefined, '/tin-tuc/trang/3/'],
      ['/tin-tuc/trang/1/', '/tin-tuc/trang/2/', undefined],
      ['/tin-tuc/trang/2/', '/tin-tuc/trang/3/', '/tin-tuc/trang/1/'],
      ['/tin-tuc/trang/3/', '/tin-tuc/', '/tin-tuc/trang/2/'],
    ]);
  });

  it('changes on a publish only the first page and at most two archive pages (a new one and the one that links it)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (n) => {
        const before = byUrl(paginate(items(n), '/tin-tuc/'));
        const after = byUrl(paginate(items(n + 1), '/tin-tuc/'));
        const changed = [...after].filter(([url, page]) => url !== '/tin-tuc/' && before.get(url) !== page).map(([url]) => url);
        expect(changed.length).toBeLessThanOrEqual(2);
        // No archive page disappears.
        for (const url of before.keys()) expect(after.has(url)).toBe(true);
      }),
    );
  });
});
