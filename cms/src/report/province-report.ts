import type { Core } from '@strapi/strapi';
import { SHARED_CHANNELS, periodBounds, taxonomy, type ProvinceReport, type ProvinceRow, type ReportPeriod } from '@thanh-thuy/content-types';
import { outreachActivities } from './outreach-activities';
import { publishedPieces, type PeriodPiece } from './published-pieces';
import { periodSightings } from './sightings';
import { socialPosts, type PeriodPost } from './social-posts';

/** Whose row a piece counts in: its commune's, or the province's own (null). */
const rowOf = (item: { commune: string | null; provinceWide: boolean }) => (item.provinceWide ? null : item.commune);

function row(commune: string | null, pieces: PeriodPiece[], posts: PeriodPost[]): ProvinceRow {
  const mine = pieces.filter((p) => rowOf(p) === commune);
  const theirPosts = posts.filter((p) => rowOf(p) === commune);
  return {
    commune,
    pieces: mine.length,
    byTheme: Object.fromEntries(taxonomy.themes.map((t) => [t.key, mine.filter((p) => p.themeKeys.includes(t.key)).length])),
    posts: Object.fromEntries(SHARED_CHANNELS.map((c) => [c, theirPosts.filter((p) => p.channel === c).length])),
  };
}

/**
 * The province's report of a period (issue 13): each commune's published pieces per theme and
 * their posts per social channel, the province's own pieces apart, and what is not split per
 * commune yet (activities, sightings) for the whole province. The same queries as a commune's
 * report (computeReport), grouped by the pieces' tenancy.
 */
export async function computeProvinceReport(strapi: Core.Strapi, period: ReportPeriod, options: { communes: readonly string[]; portalUrl: string; now?: Date }): Promise<ProvinceReport> {
  const { start, end } = periodBounds(period);
  const pieces = await publishedPieces(strapi, start, end, options.portalUrl);
  const posts = await socialPosts(strapi, start, end, options.portalUrl);
  const activities = await outreachActivities(strapi, period);
  const sightings = await periodSightings(strapi, start, end);
  const named = [...pieces, ...posts].map(rowOf).filter((c): c is string => c !== null);
  const communes = [...new Set([...options.communes, ...named.filter((c) => !options.communes.includes(c)).sort()])];
  return {
    period,
    generatedAt: (options.now ?? new Date()).toISOString(),
    province: taxonomy.commune.province,
    themes: taxonomy.themes.map((t) => ({ key: t.key, section: t.section, label: t.label })),
    channels: SHARED_CHANNELS.map((c) => ({ key: c, label: taxonomy.channels.find((ch) => ch.key === c)?.label ?? c })),
    rows: [...communes.map((c) => row(c, pieces, posts)), row(null, pieces, posts)],
    wholeProvince: { activities: activities.length, peopleReached: activities.reduce((n, a) => n + (a.peopleReached ?? 0), 0), sightings: sightings.length },
  };
}
