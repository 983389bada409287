import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Images an editor puts inside a Markdown body point at the CMS (/uploads/…). The portal
// must not depend on the CMS being reachable by visitors (a static host, a CSP of 'self'),
// so the renderer rewrites them to the portal's own /uploads/ and this step copies the
// files the pages use from the CMS, keeping a cache so a rebuild fetches only new ones.
const UPLOAD_REF = /(?:src|href)="\/uploads\/([^"?#]+)"/g;

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).map((f) => join(dir, String(f)));
}

export async function copyCmsUploads(outDir, cmsUrl, cacheDir) {
  const names = new Set();
  for (const file of htmlFiles(outDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(UPLOAD_REF)) names.add(match[1]);
  }
  const missing = [];
  for (const name of names) {
    if (name.includes('..')) continue;
    const cached = join(cacheDir, 'cms-uploads', name);
    if (!existsSync(cached)) {
      const res = await fetch(`${cmsUrl}/uploads/${name}`);
      if (!res.ok) {
        missing.push(`${name} (${res.status})`);
        continue;
      }
      mkdirSync(dirname(cached), { recursive: true });
      writeFileSync(cached, Buffer.from(await res.arrayBuffer()));
    }
    const target = join(outDir, 'uploads', name);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(cached, target);
  }
  return { copied: names.size - missing.length, missing };
}
