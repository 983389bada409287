import { taxonomy } from '@thanh-thuy/content-types';
import type { Listing } from './listing-paths';
import { sections } from './sections';
import { memoized } from './site-data';

/** The four section listings (/tin-tuc/ …). */
export async function sectionListings(): Promise<Listing[]> {
  return memoized('section-listings', ({ pieces }) =>
    sections.map((s) => ({
      params: { section: s.path },
      base: `/${s.path}/`,
      pieces: pieces.filter((p) => p.kind === s.key),
      props: { title: s.title, description: s.description, feeds: [{ title: s.title, href: `/${s.path}/rss.xml` }] },
    })),
  );
}

/** One listing per theme of the plan (/chu-de/<key>/), keys from taxonomy.json. */
export async function themeListings(): Promise<Listing[]> {
  return memoized('theme-listings', ({ pieces }) =>
    taxonomy.themes.map((t) => ({
      params: { key: t.key },
      base: `/chu-de/${t.key}/`,
      pieces: pieces.filter((p) => p.themes.some((x) => x.key === t.key)),
      props: { title: t.label, description: `${t.summary} (mục ${t.section} của Kế hoạch).`, feeds: [{ title: `Chủ đề: ${t.label}`, href: `/chu-de/${t.key}/rss.xml` }] },
    })),
  );
}

/** One listing per task group of Kế hoạch số 02 (/nhiem-vu/<key>/). */
export async function taskGroupListings(): Promise<Listing[]> {
  return memoized('task-group-listings', ({ pieces }) =>
    taxonomy.taskGroups.map((g) => ({
      params: { key: g.key },
      base: `/nhiem-vu/${g.key}/`,
      pieces: pieces.filter((p) => p.taskGroups.some((x) => x.key === g.key)),
      props: { title: `Nhóm nhiệm vụ: ${g.label}`, description: `Tin bài về nhóm nhiệm vụ «${g.label}» trong Kế hoạch số 02.`, feeds: [] },
    })),
  );
}
