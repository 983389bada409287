import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { chromiumOnBuild } from './chromium-on-build.ts';
import { ROOT } from '../helpers/site-build.ts';
import { listFiles } from './dist-helpers.ts';

const build = inject('siteBuild');
const demo = JSON.parse(readFileSync(join(ROOT, 'cms', 'src', 'seed', 'demo-monitoring.json'), 'utf8')) as {
  sightings: Array<{ content: string; outlet?: string }>;
  activities: Array<{ description: string }>;
};

/** A built file's text; pagefind's index and fragments are gzip files, read unpacked. */
function textOf(path: string): string {
  const bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}

// The build read a CMS holding the demo sightings and activities and a sighting answered by a
// published fact-check; none of their words may be in any page, feed, sitemap or search file.
describe('sightings and activities never reach the portal', () => {
  const files = listFiles(build.outDir);
  const texts = new Map(files.map((file) => [file, textOf(join(build.outDir, file))]));
  const internalTexts = [
    build.internalMarker,
    ...demo.sightings.flatMap((s) => [s.content, ...(s.outlet ? [s.outlet] : [])]),
    ...demo.activities.map((a) => a.description),
  ];

  it('the build has pages, feeds and an unpacked search index to look in', () => {
    expect(files.some((f) => f.endsWith('.xml'))).toBe(true);
    const fragments = files.filter((f) => f.includes('pagefind') && f.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    // The fact-check the fixture sighting names is on the portal, and readable in the index.
    expect(fragments.some((f) => texts.get(f)!.includes(build.xssFactCheck.slug))).toBe(true);
  });

  it.each(internalTexts.map((text) => [text]))('no built file holds «%s»', (text) => {
    expect(files.filter((file) => texts.get(file)!.includes(text))).toEqual([]);
  });

  describe('search in Chromium', () => {
    const site = chromiumOnBuild(build.outDir);

    // Pagefind answers a word it does not know with near matches, so the check is on what the
    // hits hold, not on their number.
    it('no hit for a word only the internal entries hold carries their text', async () => {
      const page = await site.browser().newPage();
      await page.goto(`${site.url()}/tim-kiem/`);
      const hits = (await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const { results } = await pagefind.search(${JSON.stringify(build.internalMarker)});
        const data = await Promise.all(results.map((r) => r.data()));
        return data.map((d) => d.url + ' ' + d.content);
      })()`)) as string[];
      expect(hits.filter((hit) => hit.toLowerCase().includes(build.internalMarker.toLowerCase()))).toEqual([]);
      expect(hits.filter((hit) => hit.includes('Tin đồn') && hit.includes('phí dịch vụ công'))).toEqual([]);
    });
  });
});
