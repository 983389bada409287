import { describe, expect, inject, it } from 'vitest';
import { renderMarkdown } from '../../site/src/render/markdown.ts';
import { readBuilt } from '../helpers/site-build.ts';
import { executableParts } from './dist-helpers.ts';
import { xssPayloads } from './fixtures/xss-payloads.ts';

const build = inject('siteBuild');

describe.each(xssPayloads)('the payload %s', (payload) => {
  it('leaves nothing executable after rendering', () => {
    const html = renderMarkdown(`Trước ${payload} sau`, { mediaBase: 'http://cms.example' });
    expect(executableParts(html)).toEqual([]);
    expect(html).toContain('Trước');
  });
});

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
      const xml = readBuilt(build.outDir, path);
      const items = [...xml.matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/g)].map((m) => m[1]);
      const escaped = [...xml.matchAll(/<content:encoded>([\s\S]*?)<\/content:encoded>/g)].map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      const all = [...items, ...escaped];
      expect(all.length).toBeGreaterThan(0);
      for (const html of all) expect(executableParts(html)).toEqual([]);
    }
  });
});
