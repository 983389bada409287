import jsQRModule from 'jsqr';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { chromiumOnBuild } from './chromium-on-build.ts';
import { readBuilt } from '../helpers/site-build.ts';

const build = inject('siteBuild');
// jsqr is CommonJS with a `default` export: TypeScript and vitest disagree on which one the import is.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as typeof import('jsqr').default;
const SECTIONS: Record<string, string> = { article: 'tin-tuc', 'model-practice': 'dien-hinh', 'service-guide': 'dich-vu-cong', 'fact-check': 'kiem-chung' };
const pathOf = (piece: { kind: string; slug: string }) => `/${SECTIONS[piece.kind]}/${piece.slug}/`;
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

// Plan III.1: public notice boards and the one-stop office get a printed A4 notice of each piece.
describe('the board notice of a piece', () => {
  const site = chromiumOnBuild(build.outDir);

  it('is linked from every piece’s page', () => {
    for (const piece of build.pieces) expect(readBuilt(build.outDir, pathOf(piece)), piece.slug).toContain(`href="${pathOf(piece)}ban-in/"`);
  });

  it('prints on exactly one A4 page, with a QR code that decodes to the piece’s URL, for every piece', { timeout: 300_000 }, async () => {
    const kinds = new Set<string>();
    for (const piece of build.pieces) {
      const page = await site.browser().newPage();
      await page.goto(`${site.url()}${pathOf(piece)}ban-in/`);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdfPages(pdf), `${piece.slug}: pages printed`).toBe(1);
      const size = await page.evaluate(() => document.querySelector('.notice-qr svg')!.getBoundingClientRect().width);
      expect(size, `${piece.slug}: QR width in CSS px (3.5 cm = 132 px)`).toBeGreaterThan(120);
      const png = await page.locator('.notice-qr svg').screenshot({ scale: 'device' });
      const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
      expect(code?.data, `${piece.slug}: QR content`).toBe(new URL(pathOf(piece), build.siteUrl).toString());
      const text = await page.locator('.notice').innerText();
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain(piece.title);
      await page.close();
      kinds.add(piece.kind);
    }
    expect([...kinds].sort()).toEqual(Object.keys(SECTIONS).sort());
  });

  it('gives a guide its key facts: documents, fee and where to apply', () => {
    const guide = build.pieces.find((p) => p.kind === 'service-guide')!;
    const html = readBuilt(build.outDir, `${pathOf(guide)}ban-in/`);
    for (const term of ['Hồ sơ cần chuẩn bị', 'Lệ phí', 'Thời hạn giải quyết', 'Nơi nộp hồ sơ']) expect(html).toContain(`<dt>${term}</dt>`);
  });

  it('stays out of search engines, the sitemap and the portal’s search index', () => {
    const piece = build.pieces[0];
    expect(readBuilt(build.outDir, `${pathOf(piece)}ban-in/`)).toContain('<meta name="robots" content="noindex">');
    expect(readBuilt(build.outDir, '/sitemap-0.xml')).not.toContain('/ban-in/');
    expect(readBuilt(build.outDir, `${pathOf(piece)}ban-in/`)).not.toContain('data-pagefind-body');
  });
});
