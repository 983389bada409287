import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kindByKey } from '@thanh-thuy/content-types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ogImageOf, shareImageFinder } from '../../scripts/crosspost/share-image.ts';
import { readBuilt, serveSite } from '../helpers/site-build.ts';
import { attr, elements } from './dist-helpers.ts';

const build = inject('siteBuild');

// Zalo refuses an article without a cover photo it can fetch, and every post's picture must
// be one the portal itself serves: the runner reads it from the live page, not from the CMS.
describe('the picture a cross-post carries', () => {
  let site: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    site = await serveSite(build.outDir);
  });
  afterAll(() => site.close());

  const withCover = () =>
    build.pieces
      .map((piece) => ({ piece, path: `/${kindByKey(piece.kind as never).section}/${piece.slug}/` }))
      .filter(({ path }) => elements(readBuilt(build.outDir, path)).some((el) => el.tagName === 'meta' && attr(el, 'property') === 'og:image'));

  it('is the og:image of the live page, which the portal serves under its public address', async () => {
    const pages = withCover();
    expect(pages.length, 'built pages with a share image').toBeGreaterThan(0);
    const find = shareImageFinder(build.siteUrl, site.url);
    for (const { path } of pages) {
      const image = await find(`${build.siteUrl}${path}`);
      expect(image, path).toBeDefined();
      expect(image!.startsWith(`${build.siteUrl}/`), image).toBe(true);
      const file = join(build.outDir, decodeURIComponent(new URL(image!).pathname));
      expect(existsSync(file), `${path} shares ${image}, which the build must hold`).toBe(true);
      expect(image).not.toMatch(/\/uploads\//);
    }
  });

  it('is nothing for a page the portal does not serve, so the runner keeps what it had', async () => {
    expect(await shareImageFinder(build.siteUrl, site.url)(`${build.siteUrl}/tin-tuc/khong-co-bai-nay/`)).toBeUndefined();
  });

  it.each([
    ['escaped ampersands', '<meta property="og:image" content="https://x.vn/a.jpg?w=1&amp;h=2">', 'https://x.vn/a.jpg?w=1&h=2'],
    ['a script address', '<meta property="og:image" content="javascript:alert(1)">', undefined],
    ['no share image', '<meta property="og:title" content="Tin">', undefined],
  ])('reads %s from the page as a web address or not at all', (_, html, expected) => {
    expect(ogImageOf(html)).toBe(expected);
  });
});
