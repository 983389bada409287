import type { Core } from '@strapi/strapi';
import { periodBounds, type PlanCoverage, type ReportPeriod } from '@thanh-thuy/content-types';
import { channels, themes } from './compute-report';
import { coverageActivities } from './outreach-activities';
import { coveragePieces, type ReportScope } from './published-pieces';
import { rowOf } from './province-report';
import { socialPosts } from './social-posts';

/**
 * The plan's coverage of a period (the portal's /ke-hoach/ page): the report's counts per theme
 * and per channel, grouped by the report's own functions (compute-report.ts), from lean reads of
 * the same records. Every build of a portal asks for it, a hundred times a minute in a busy
 * province, so it reads no title, summary, unit, residential area or sighting that it would drop.
 */
export async function computeCoverage(strapi: Core.Strapi, period: ReportPeriod, options: { portalUrl: string } & ReportScope): Promise<PlanCoverage> {
  const { start, end } = periodBounds(period);
  const { commune } = options;
  const ours = <T extends { commune: string | null; provinceWide?: boolean }>(items: T[]) => (commune ? items.filter((item) => rowOf(item) === commune) : items);
  const scope = { commune };
  const pieces = ours(await coveragePieces(strapi, start, end, scope));
  const posts = ours(await socialPosts(strapi, start, end, options.portalUrl, scope));
  const activities = ours(await coverageActivities(strapi, period, scope));
  return { period, totals: { pieces: pieces.length }, themes: themes(pieces), channels: channels(pieces.length, posts, activities) };
}
