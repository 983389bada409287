import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes a small build, shaped like the real one, into `dir`; returns its file contents. */
export function writeFixtureBuild(dir: string, label: string): Record<string, string> {
  const page = (title: string, body = '') =>
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/_astro/site.Ab12Cd.css"></head>` +
    `<body><h1>${title}</h1>${body}<p>${'Nội dung trang. '.repeat(200)}</p></body></html>`;
  const files: Record<string, string> = {
    'index.html': page(`Trang chủ ${label}`, '<script>document.documentElement.dataset.js = "1";</script><script type="application/ld+json">{"@type":"WebSite"}</script>'),
    '404.html': page('Không tìm thấy trang', '<p>Trang bạn tìm không có hoặc đã bị gỡ.</p>'),
    'tin-tuc/index.html': page(`Tin tức ${label}`),
    'tin-tuc/bai-mot/index.html': page(`Bài một ${label}`),
    'tin-tuc/rss.xml': `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin tức ${label}</title></channel></rss>`,
    'rss.xml': `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${label}</title></channel></rss>`,
    '_astro/site.Ab12Cd.css': `body{font-family:sans-serif}${'.a{color:red}'.repeat(200)}`,
    'search.js': `console.log("tìm kiếm");${' '.repeat(2000)}`,
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'pagefind/pagefind.js': `export const v = "${label}";${' '.repeat(2000)}`,
    'pagefind/pagefind-entry.json': '{"version":"1.6.0"}',
    'pagefind/fragment/vi_3a1b2c.pf_fragment': 'binary-ish',
    'sitemap-index.xml': '<?xml version="1.0"?><sitemapindex/>',
    'uploads/hoi-nghi_7f3a2b.0123456789abcdef.jpg': 'jpeg-ish',
    'uploads/anh-cu_7f3a2b.jpg': 'jpeg-ish',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return files;
}
