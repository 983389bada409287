import Parser from 'rss-parser';
import { describe, expect, inject, it } from 'vitest';
import { readBuilt } from '../helpers/site-build.ts';
import { attr, elements, textOf } from './dist-helpers.ts';
import { pastedGuide, pastedGuideStored } from './fixtures/pasted-values.ts';

// The shared build's CMS received a service guide pasted with a trailing non-breaking space in
// its link, control characters in its title, decomposed Vietnamese, BOMs and CRLFs
// (test/helpers/site-build.ts, over the admin API as the panel sends it). Before the CMS
// stored normalised values, its check trimmed the link but kept it as pasted, and the portal's
// stricter check then failed every build.
const build = inject('siteBuild');
const { piece, served } = build.pasted;
const path = `/dich-vu-cong/${piece.slug}/`;
// C0/C1 controls but \t \n \r, lone surrogates, and U+FFFE/U+FFFF: what XML 1.0 (RSS) forbids.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('a guide pasted with invisible junk', () => {
  it('was pasted with junk the CMS had to remove (the fixture is not already clean)', () => {
    expect(pastedGuide.onlineUrl.endsWith('\u00A0')).toBe(true);
    expect(pastedGuide.title).toMatch(/[\u0007\u000B\u200B]/);
    expect(pastedGuide.title).not.toBe(pastedGuide.title.normalize('NFC'));
  });

  it('is served by the CMS exactly as it should be stored: trimmed, composed, without control characters', () => {
    const { steps, ...fields } = pastedGuideStored;
    expect(served).toMatchObject(fields);
    expect((served.steps as Array<{ text: string }>).map((s) => s.text)).toEqual(steps);
    expect(piece.title).toBe(pastedGuideStored.title);
  });

  it('is published by the portal build, with its link intact', () => {
    const html = readBuilt(build.outDir, path);
    const els = elements(html);
    expect(textOf(els.find((el) => el.tagName === 'h1')!)).toBe(pastedGuideStored.title);
    const button = els.find((el) => el.tagName === 'a' && attr(el, 'class') === 'button');
    expect(attr(button!, 'href')).toBe(pastedGuideStored.onlineUrl);
    expect(html).not.toMatch(NOT_XML);
    expect(html).not.toMatch(/[\u00A0\u200B\uFEFF\u202E]/);
  });

  it('reaches the feeds as well-formed XML', async () => {
    for (const feedPath of ['/rss.xml', '/dich-vu-cong/rss.xml']) {
      const xml = readBuilt(build.outDir, feedPath);
      expect(xml, feedPath).not.toMatch(NOT_XML);
      const feed = await new Parser({ customFields: { item: ['guid'] } }).parseString(xml);
      const item = feed.items.find((i) => i.guid === `urn:thanh-thuy:service-guide:${piece.documentId}`);
      expect(item?.title, feedPath).toBe(pastedGuideStored.title);
    }
  });
});
