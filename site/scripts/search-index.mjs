// The search index of a release (pagefind, Node API). Only content pages are indexed
// (listings would repeat their titles): /<section>/<slug>/.
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const CONTENT_PAGES = '{tin-tuc,dien-hinh,dich-vu-cong,kiem-chung}/*/index.html';

export class SearchIndexError extends Error {
  name = 'SearchIndexError';
}

/**
 * Indexes the content pages of `outDir` into `outDir/pagefind/`. The index is written beside
 * it and renamed into place: the folder of a release that started as hard links to the live
 * one is replaced, never written into.
 * @returns {Promise<{ pages: number }>}
 */
export async function updateSearchIndex({ outDir }) {
  const pagefind = await import('pagefind');
  const target = join(outDir, 'pagefind');
  const temp = mkdtempSync(join(outDir, '.pagefind-'));
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', maxFragments: 2000 });
    if (!index) throw new SearchIndexError(`pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob: CONTENT_PAGES });
    if (added.errors.length) throw new SearchIndexError(`pagefind failed to index ${outDir}: ${added.errors[0]}`);
    // With nothing published yet (a new commune, or after demo:remove) pagefind writes no
    // language index and fails ("No language indexes found"): index the home page instead,
    // so the search page works and finds nothing else.
    if (added.page_count === 0) {
      const home = await index.addCustomRecord({ url: '/', content: 'Trang chủ cổng thông tin điện tử xã', language: 'vi', meta: { title: 'Trang chủ' } });
      if (home.errors.length) throw new SearchIndexError(`pagefind could not index the empty portal: ${home.errors[0]}`);
    }
    const written = await index.writeFiles({ outputPath: temp });
    if (written.errors.length) throw new SearchIndexError(`pagefind failed to write its index: ${written.errors[0]}`);
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(temp, target);
    return { pages: added.page_count };
  } finally {
    rmSync(temp, { recursive: true, force: true });
    await pagefind.close();
  }
}
