import { Marked } from 'marked';
import Parser from 'rss-parser';
import { describe, expect, inject, it } from 'vitest';
import { renderMarkdown } from '../../site/src/render/markdown.ts';
import { readBuilt } from '../helpers/site-build.ts';
import { attr, elements, executableParts, textOf } from './dist-helpers.ts';
import { xssFactCheck, xssPayloads } from './fixtures/xss-payloads.ts';

const build = inject('siteBuild');

describe.each(xssPayloads)('the payload %s', (payload) => {
  it('is seen by the checker when nothing sanitises it', () => {
    // Without this, a payload the checker is blind to (as <link> and <style> once were) would pass unnoticed.
    const unsanitised = new Marked({ gfm: true }).parse(`Trước ${payload} sau`) as string;
    expect(executableParts(unsanitised)).not.toEqual([]);
  });

  it('leaves nothing executable after rendering', () => {
    const html = renderMarkdown(`Trước ${payload} sau`, { mediaBase: 'http://cms.example' });
    expect(executableParts(html)).toEqual([]);
    expect(html).toContain('Trước');
  });
});

/** The HTML of each item's <content:encoded>, whether the feed wraps it in CDATA or escapes it. */
function encodedContents(xml: string): string[] {
  const items = [...xml.matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/g)].map((m) => m[1]);
  const escaped = [...xml.matchAll(/<content:encoded>([\s\S]*?)<\/content:encoded>/g)]
    .filter((m) => !m[1].startsWith('<![CDATA['))
    .map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  return [...items, ...escaped];
}

describe('the published XSS fixture', () => {
  it('its page has no script but JSON-LD, no handler and no script URL', () => {
    const html = readBuilt(build.outDir, `/tin-tuc/${build.xssSlug}/`);
    expect(html).toContain('Đoạn 1');
    expect(executableParts(html)).toEqual([]);
  });

  it('its legitimate link survives', () => {
    expect(readBuilt(build.outDir, `/tin-tuc/${build.xssSlug}/`)).toContain('href="https://dichvucong.gov.vn"');
  });

  it('the feeds carrying it have nothing executable either', () => {
    for (const path of ['/rss.xml', '/tin-tuc/rss.xml']) {
      const all = encodedContents(readBuilt(build.outDir, path));
      expect(all.length).toBeGreaterThan(0);
      for (const html of all) expect(executableParts(html)).toEqual([]);
    }
  });
});

describe('payloads in plain-text fields (title, sapo, claim, conclusion, platform, link)', () => {
  const piece = build.xssFactCheck;
  const path = `/kiem-chung/${piece.slug}/`;
  const parser = new Parser({ customFields: { item: [['content:encoded', 'contentEncoded']] } });

  it('are shown as text on the page, and nothing on it runs', () => {
    const html = readBuilt(build.outDir, path);
    expect(executableParts(html)).toEqual([]);
    const els = elements(html);
    expect(textOf(els.find((el) => el.tagName === 'h1')!)).toBe(xssFactCheck.title);
    expect(textOf(els.find((el) => el.tagName === 'title')!)).toContain(xssFactCheck.title);
    expect(textOf(els.find((el) => el.tagName === 'blockquote')!).trim()).toBe(xssFactCheck.claim);
    const meta = (p: string) => attr(els.find((e) => e.tagName === 'meta' && (attr(e, 'property') === p || attr(e, 'name') === p))!, 'content');
    expect(meta('og:title')).toBe(xssFactCheck.title);
    expect(meta('description')).toBe(xssFactCheck.summary);
    expect(els.some((el) => el.tagName === 'a' && attr(el, 'href') === xssFactCheck.claimUrl)).toBe(true);
  });

  it('stay data inside JSON-LD: one script element, valid JSON, the texts intact', () => {
    const html = readBuilt(build.outDir, path);
    const scripts = elements(html).filter((el) => el.tagName === 'script');
    expect(scripts.map((s) => attr(s, 'type'))).toEqual(['application/ld+json']);
    const raw = textOf(scripts[0]);
    expect(raw).not.toMatch(/<\/script|<!--/i);
    const data = JSON.parse(raw);
    expect(data['@type']).toBe('ClaimReview');
    expect(data.headline).toBe(xssFactCheck.title);
    expect(data.claimReviewed).toBe(xssFactCheck.claim);
    expect(data.itemReviewed.appearance.url).toBe(xssFactCheck.claimUrl);
  });

  it.each(['/rss.xml', '/kiem-chung/rss.xml', '/chu-de/phan-bac-thong-tin-xau-doc/rss.xml'])('are text in the feed %s, and its HTML has nothing executable', async (feedPath) => {
    const xml = readBuilt(build.outDir, feedPath);
    const feed = await parser.parseString(xml);
    const item = feed.items.find((i) => i.guid === `urn:thanh-thuy:fact-check:${piece.documentId}`);
    expect(item, `${feedPath} has no item for the fixture`).toBeDefined();
    expect(item!.title).toBe(`${xssFactCheck.title} (Kết luận: ${xssFactCheck.verdict})`);
    expect(item!.content ?? item!.contentSnippet).toContain('alert("sapo")');
    const encoded = (item as { contentEncoded?: string }).contentEncoded!;
    expect(executableParts(encoded)).toEqual([]);
    expect(textOf(elements(encoded).find((el) => el.tagName === 'blockquote')!)).toBe(xssFactCheck.claim);
    for (const html of encodedContents(xml)) expect(executableParts(html)).toEqual([]);
  });
});
