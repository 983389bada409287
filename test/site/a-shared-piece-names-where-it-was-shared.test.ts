import { describe, expect, inject, it } from 'vitest';
import { readBuilt } from '../helpers/site-build.ts';
import { attr, descendants, elements, textOf } from './dist-helpers.ts';

const build = inject('siteBuild');
const sharedOnOf = (html: string) => elements(html).find((el) => el.tagName === 'nav' && (attr(el, 'class') ?? '').split(' ').includes('shared-on'));

// POSSE: the portal holds the original and names where the commune posted it (issue 7).
describe('where a piece was shared', () => {
  it('a piece posted on Facebook and Zalo shows "Đã chia sẻ trên: Facebook · Zalo" linking to each post', () => {
    const html = readBuilt(build.outDir, `/tin-tuc/${build.shared.piece.slug}/`);
    const nav = sharedOnOf(html);
    expect(nav, 'the shared-on navigation').toBeDefined();
    const label = descendants(nav!).find((el) => attr(el, 'id') === attr(nav!, 'aria-labelledby'));
    expect(textOf(label!)).toBe('Đã chia sẻ trên:');
    const links = descendants(nav!).filter((el) => el.tagName === 'a');
    expect(links.map((a) => ({ name: textOf(a), url: attr(a, 'href'), rel: attr(a, 'rel') }))).toEqual([
      { name: 'Facebook', url: build.shared.links[0]!.url, rel: 'noopener external' },
      { name: 'Zalo', url: build.shared.links[1]!.url, rel: 'noopener external' },
    ]);
    expect(descendants(nav!).filter((el) => el.tagName === 'li')).toHaveLength(2);
  });

  it('a piece shared nowhere shows no line at all', () => {
    const others = build.pieces.filter((p) => p.kind === 'article' && p.documentId !== build.shared.piece.documentId);
    expect(others.length).toBeGreaterThan(0);
    for (const piece of others) {
      const html = readBuilt(build.outDir, `/tin-tuc/${piece.slug}/`);
      expect(sharedOnOf(html), piece.slug).toBeUndefined();
      expect(html, piece.slug).not.toContain('Đã chia sẻ trên');
    }
  });

  it('the video and the editor’s own caption are for the platforms only: the page neither shows nor loads them', () => {
    const html = readBuilt(build.outDir, `/tin-tuc/${build.shared.piece.slug}/`);
    expect(elements(html).filter((el) => ['video', 'source', 'iframe', 'object', 'embed'].includes(el.tagName))).toEqual([]);
    const file = build.shared.videoUrl.split('/').at(-1)!;
    expect(file).toMatch(/\.mp4$/);
    expect(html).not.toContain(file.replace(/\.mp4$/, ''));
    expect(html).not.toContain(build.shared.facebookCaption);
  });
});
