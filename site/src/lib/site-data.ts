import type { PlanCoverage } from '@thanh-thuy/content-types';
import type { PieceData } from './piece-types';

export interface CommuneData {
  name: string;
  authority: string;
  province: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  workingHours?: string | null;
  introductionHtml: string;
  leaders?: Array<{ name: string; position: string; phone?: string | null }> | null;
  socials?: Array<{ platform: string; name: string; url: string }> | null;
}

/** Everything the pages read: the published pieces (newest first), the commune's details and the plan's coverage. */
export interface SiteData {
  /** The pieces listed, fed and searchable: published and not withdrawn, newest first. */
  pieces: PieceData[];
  /** Withdrawn pieces ("Thu hồi"): each keeps its page, with a notice, and appears nowhere else. */
  withdrawn: PieceData[];
  /** Paths removed with "Gỡ bỏ", which the portal answers 410 Gone (sorted). */
  gone: string[];
  commune: CommuneData | null;
  /** Per theme and channel over the plan's period, from the CMS's report query (/ke-hoach/). */
  coverage: PlanCoverage | null;
}

// The data of the render in progress. scripts/render-site.mjs renders one page at a time and
// sets the data before each batch (server-entry.ts); pages never see bundled content, so the
// same server bundle renders every publish (site/README.md, "Rendering").
let current: SiteData | null = null;

export function useSiteData(data: SiteData): void {
  current = data;
}

export function siteData(): SiteData {
  if (!current) throw new Error('No site data: render pages through scripts/render-site.mjs, which loads it first');
  return current;
}

const memos = new WeakMap<SiteData, Map<string, unknown>>();

/** `compute()` once per loaded data (by default the data being rendered): listings and lookups are shared by every page of a render. */
export function memoized<T>(key: string, compute: (data: SiteData) => T, data: SiteData = siteData()): T {
  let memo = memos.get(data);
  if (!memo) memos.set(data, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, compute(data));
  return memo.get(key) as T;
}
