import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readBuilt } from '../helpers/site-build.ts';
import { attr, elements, htmlSyntaxErrors, listFiles } from './dist-helpers.ts';

const build = inject('siteBuild');
const SECTIONS: Record<string, string> = { article: 'tin-tuc', 'model-practice': 'dien-hinh', 'service-guide': 'dich-vu-cong', 'fact-check': 'kiem-chung' };
const contentPages = () => build.pieces.map((p) => `/${SECTIONS[p.kind]}/${p.slug}/`);

describe('content pages', () => {
  it('ship no JavaScript (JSON-LD is data)', () => {
    for (const path of contentPages()) {
      const scripts = elements(readBuilt(build.outDir, path)).filter((el) => el.tagName === 'script' && attr(el, 'type') !== 'application/ld+json');
      expect(scripts, path).toEqual([]);
    }
  });

  it('weigh under 60 KB of HTML plus CSS before compression', () => {
    for (const path of contentPages()) {
      const html = readBuilt(build.outDir, path);
      const css = elements(html)
        .filter((el) => el.tagName === 'link' && attr(el, 'rel') === 'stylesheet')
        .reduce((sum, el) => sum + statSync(join(build.outDir, attr(el, 'href')!)).size, 0);
      expect(Buffer.byteLength(html) + css, path).toBeLessThan(60 * 1024);
    }
  });

  it('load one small stylesheet', () => {
    const sheets = listFiles(build.outDir).filter((f) => f.endsWith('.css') && !f.startsWith('pagefind/'));
    expect(sheets).toHaveLength(1);
    expect(statSync(join(build.outDir, sheets[0])).size).toBeLessThan(10 * 1024);
  });

  it('every built page is well-formed HTML with one h1 and lang="vi"', () => {
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      const html = readBuilt(build.outDir, `/${file}`);
      expect(htmlSyntaxErrors(html), file).toEqual([]);
      expect(html.startsWith('<!DOCTYPE html>'), file).toBe(true);
      expect(elements(html).filter((el) => el.tagName === 'h1'), file).toHaveLength(1);
      expect(html, file).toContain('<html lang="vi">');
    }
  });

  it('serve CMS images as responsive WebP with width and height, lazy below the fold', () => {
    const withImages = contentPages().map((p) => readBuilt(build.outDir, p)).filter((html) => html.includes('<img'));
    expect(withImages.length).toBeGreaterThan(10);
    let checked = 0;
    for (const html of withImages) {
      const images = elements(html).filter((el) => el.tagName === 'img' && attr(el, 'src')?.startsWith('/_astro/'));
      checked += images.length;
      for (const [i, img] of images.entries()) {
        expect(attr(img, 'src')).toMatch(/\.webp$/);
        expect(attr(img, 'srcset')).toMatch(/\.webp \d+w/);
        expect(Number(attr(img, 'width'))).toBeGreaterThan(0);
        expect(Number(attr(img, 'height'))).toBeGreaterThan(0);
        expect(attr(img, 'alt')?.length).toBeGreaterThan(0);
        // The cover is the first image and sits above the fold; the rest wait.
        const isCover = i === 0 && html.includes('<figure class="cover">');
        expect(attr(img, 'loading')).toBe(isCover ? 'eager' : 'lazy');
      }
    }
    // The loop above must have had something to check: CMS images go through sharp into /_astro/.
    expect(checked).toBeGreaterThan(10);
  });

  it('have a skip link to the main content', () => {
    const html = readBuilt(build.outDir, contentPages()[0]);
    const skip = elements(html).find((el) => attr(el, 'class') === 'skip-link')!;
    expect(attr(skip, 'href')).toBe('#noi-dung');
    expect(elements(html).some((el) => el.tagName === 'main' && attr(el, 'id') === 'noi-dung')).toBe(true);
  });
});
