import type { Core } from '@strapi/strapi';
import { SHARED_CHANNELS, periodBounds, taxonomy, type ProvinceReport, type ProvinceRow, type ReportPeriod } from '@thanh-thuy/content-types';
import { outreachActivities, type PeriodActivity } from './outreach-activities';
import { publishedPieces, type PeriodPiece } from './published-pieces';
import { periodSightings, type PeriodSighting } from './sightings';
import { socialPosts, type PeriodPost } from './social-posts';

/** Whose row a record counts in: its commune's, or the province's own (null): province-wide pieces and records of no commune. */
export const rowOf = (item: { commune: string | null; provinceWide?: boolean }) => (item.provinceWide ? null : item.commune);

interface PeriodRecords {
  pieces: PeriodPiece[];
  posts: PeriodPost[];
  activities: PeriodActivity[];
  sightings: PeriodSighting[];
}

function row(commune: string | null, records: PeriodRecords): ProvinceRow {
  const of = <T extends { commune: string | null; provinceWide?: boolean }>(items: T[]) => items.filter((item) => rowOf(item) === commune);
  const [pieces, posts, activities] = [of(records.pieces), of(records.posts), of(records.activities)];
  return {
    commune,
    pieces: pieces.length,
    byTheme: Object.fromEntries(taxonomy.themes.map((t) => [t.key, pieces.filter((p) => p.themeKeys.includes(t.key)).length])),
    posts: Object.fromEntries(SHARED_CHANNELS.map((c) => [c, posts.filter((p) => p.channel === c).length])),
    activities: activities.length,
    peopleReached: activities.reduce((n, a) => n + (a.peopleReached ?? 0), 0),
    sightings: of(records.sightings).length,
  };
}

/**
 * The province's report of a period (issue 13): each commune's published pieces per theme, their
 * posts per social channel, its offline activities and its sightings; the province's own apart.
 * The same queries as a commune's report (computeReport), grouped by the records' commune.
 */
export async function computeProvinceReport(strapi: Core.Strapi, period: ReportPeriod, options: { communes: readonly string[]; portalUrl: string; now?: Date }): Promise<ProvinceReport> {
  const { start, end } = periodBounds(period);
  const pieces = await publishedPieces(strapi, start, end, options.portalUrl);
  const posts = await socialPosts(strapi, start, end, options.portalUrl);
  const activities = await outreachActivities(strapi, period);
  const sightings = await periodSightings(strapi, start, end);
  const records = { pieces, posts, activities, sightings };
  const named = [...pieces, ...posts, ...activities, ...sightings].map(rowOf).filter((c): c is string => c !== null);
  const communes = [...new Set([...options.communes, ...named.filter((c) => !options.communes.includes(c)).sort()])];
  return {
    period,
    generatedAt: (options.now ?? new Date()).toISOString(),
    province: taxonomy.commune.province,
    themes: taxonomy.themes.map((t) => ({ key: t.key, section: t.section, label: t.label })),
    channels: SHARED_CHANNELS.map((c) => ({ key: c, label: taxonomy.channels.find((ch) => ch.key === c)?.label ?? c })),
    rows: [...communes.map((c) => row(c, records)), row(null, records)],
  };
}
