import { taxonomy } from '@thanh-thuy/content-types';
import type { Listing } from './listing-paths';
import { sections } from './sections';
import { groupOf, pieceGroups } from './piece-groups';
import { memoized } from './site-data';

/** The four section listings (/tin-tuc/ …). */
export async function sectionListings(): Promise<Listing[]> {
  return memoized('section-listings', () =>
    sections.map((s) => ({
      params: { section: s.path },
      base: `/${s.path}/`,
      pieces: groupOf(pieceGroups().byKind, s.key),
      props: { title: s.title, description: s.description, feeds: [{ title: s.title, href: `/${s.path}/rss.xml` }] },
    })),
  );
}

/** One listing per theme of the plan (/chu-de/<key>/), keys from taxonomy.json. */
export async function themeListings(): Promise<Listing[]> {
  return memoized('theme-listings', () =>
    taxonomy.themes.map((t) => ({
      params: { key: t.key },
      base: `/chu-de/${t.key}/`,
      pieces: groupOf(pieceGroups().byTheme, t.key),
      props: { title: t.label, description: `${t.summary} (mục ${t.section} của Kế hoạch).`, feeds: [{ title: `Chủ đề: ${t.label}`, href: `/chu-de/${t.key}/rss.xml` }] },
    })),
  );
}

/** One listing per task group of Kế hoạch số 02 (/nhiem-vu/<key>/). */
export async function taskGroupListings(): Promise<Listing[]> {
  return memoized('task-group-listings', () =>
    taxonomy.taskGroups.map((g) => ({
      params: { key: g.key },
      base: `/nhiem-vu/${g.key}/`,
      pieces: groupOf(pieceGroups().byTaskGroup, g.key),
      props: { title: `Nhóm nhiệm vụ: ${g.label}`, description: `Tin bài về nhóm nhiệm vụ «${g.label}» trong Kế hoạch số 02.`, feeds: [] },
    })),
  );
}
