import { describe, expect, inject, it } from 'vitest';
import { readBuilt } from '../helpers/site-build.ts';
import { attr, elements, textOf } from './dist-helpers.ts';

const build = inject('siteBuild');
const SECTIONS: Record<string, string> = { article: 'tin-tuc', 'model-practice': 'dien-hinh', 'service-guide': 'dich-vu-cong', 'fact-check': 'kiem-chung' };

function jsonLd(html: string): any {
  const script = elements(html).find((el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json');
  return script ? JSON.parse(textOf(script)) : null;
}
const types = (data: any): string[] => (data['@graph'] ? data['@graph'].map((n: any) => n['@type']) : [data['@type']]);

describe.each(Object.entries({ article: ['NewsArticle'], 'model-practice': ['NewsArticle'], 'service-guide': ['HowTo', 'GovernmentService'], 'fact-check': ['ClaimReview'] }))(
  'a %s page',
  (kind, expected) => {
    const piece = () => build.pieces.find((p) => p.kind === kind)!;
    const page = () => readBuilt(build.outDir, `/${SECTIONS[kind]}/${piece().slug}/`);

    it(`describes itself as ${expected.join(' and ')} in JSON-LD`, () => {
      const data = jsonLd(page());
      expect(data['@context']).toBe('https://schema.org');
      expect(types(data)).toEqual(expected);
    });

    it('has a canonical URL, Open Graph and Twitter tags', () => {
      const els = elements(page());
      const url = `${build.siteUrl}/${SECTIONS[kind]}/${piece().slug}/`;
      expect(attr(els.find((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical')!, 'href')).toBe(url);
      const meta = (p: string) => attr(els.find((e) => e.tagName === 'meta' && (attr(e, 'property') === p || attr(e, 'name') === p))!, 'content');
      expect(meta('og:url')).toBe(url);
      expect(meta('og:title')).toBe(piece().title);
      expect(meta('og:type')).toBe('article');
      expect(meta('og:locale')).toBe('vi_VN');
      expect(meta('twitter:card')).toMatch(/^summary/);
    });
  },
);

describe('structured data details', () => {
  it('a ClaimReview names the claim and rates it with the verdict', () => {
    const piece = build.pieces.find((p) => p.kind === 'fact-check')!;
    const data = jsonLd(readBuilt(build.outDir, `/kiem-chung/${piece.slug}/`));
    expect(data.claimReviewed.length).toBeGreaterThan(10);
    expect(['Sai sự thật', 'Sai lệch', 'Thiếu căn cứ', 'Đúng']).toContain(data.reviewRating.alternateName);
    expect(data.reviewRating.bestRating).toBe(4);
    expect(data.itemReviewed['@type']).toBe('Claim');
  });

  it('a HowTo lists the guide\'s steps and its GovernmentService links to the online service', () => {
    const piece = build.pieces.find((p) => p.kind === 'service-guide')!;
    const [howTo, service] = jsonLd(readBuilt(build.outDir, `/dich-vu-cong/${piece.slug}/`))['@graph'];
    expect(howTo.step.length).toBeGreaterThan(0);
    expect(howTo.step[0]['@type']).toBe('HowToStep');
    expect(service.serviceUrl).toMatch(/^https:\/\//);
  });

  it('the sitemap lists content pages with absolute URLs and not the 404 page', () => {
    const xml = readBuilt(build.outDir, '/sitemap-0.xml');
    const piece = build.pieces[0];
    expect(xml).toContain(`<loc>${build.siteUrl}/${SECTIONS[piece.kind]}/${piece.slug}/</loc>`);
    expect(xml).not.toContain('404');
  });
});
