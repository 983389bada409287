import type { Core } from '@strapi/strapi';
import {
  SHARED_CHANNELS,
  communeProfile,
  contentKinds,
  periodBounds,
  taxonomy,
  type ChannelCoverage,
  type ReportData,
  type ReportPeriod,
  uidOf,
} from '@thanh-thuy/content-types';
import { activityChannels, outreachActivities, type PeriodActivity } from './outreach-activities';
import { kindLabel, publishedPieces, type PeriodPiece } from './published-pieces';
import { monitoringOf, periodSightings } from './sightings';
import { rowOf } from './province-report';
import { socialPosts, type PeriodPost } from './social-posts';

// The one query of the periodic report (issue 9): every number of the .docx, the HTML, the CSV
// files and the portal's /ke-hoach/ page comes from computeReport, and nothing recomputes it.

type Counts = ReportData['totals']['byKind'];
const zeroByKind = (): Counts => ({ article: 0, 'model-practice': 0, 'service-guide': 0, 'fact-check': 0 });
const sum = <T>(items: T[], of: (item: T) => number | null) => items.reduce((n, item) => n + (of(item) ?? 0), 0);

function byKind(pieces: Array<Pick<PeriodPiece, 'kind'>>): Counts {
  const counts = zeroByKind();
  for (const p of pieces) counts[p.kind] += 1;
  return counts;
}

/** Pieces per theme and kind; a theme without any is a gap. */
export function themes(pieces: Array<Pick<PeriodPiece, 'kind' | 'themeKeys'>>): ReportData['themes'] {
  return taxonomy.themes.map((t) => {
    const on = pieces.filter((p) => p.themeKeys.includes(t.key));
    return { key: t.key, section: t.section, label: t.label, byKind: byKind(on), total: on.length, gap: on.length === 0 };
  });
}

/** The portal's count of pieces, each platform's posts and each offline form's activities. */
export function channels(
  portalPieces: number,
  posts: Array<Pick<PeriodPost, 'channel' | 'byHand'>>,
  activities: Array<Pick<PeriodActivity, 'channel' | 'times' | 'minutes' | 'peopleReached'>>,
): ChannelCoverage[] {
  const portal = taxonomy.channels.find((c) => c.key === 'cong-thong-tin');
  const rows: ChannelCoverage[] = [
    { key: 'cong-thong-tin', label: portal?.label ?? 'Cổng thông tin điện tử xã', measure: 'pieces', count: portalPieces, byHand: null, times: null, minutes: null, peopleReached: null },
  ];
  for (const channel of SHARED_CHANNELS) {
    const on = posts.filter((p) => p.channel === channel);
    const label = taxonomy.channels.find((c) => c.key === channel)?.label ?? channel;
    rows.push({ key: channel, label, measure: 'posts', count: on.length, byHand: on.filter((p) => p.byHand).length, times: null, minutes: null, peopleReached: null });
  }
  for (const channel of activityChannels()) {
    const on = activities.filter((a) => a.channel === channel.key);
    rows.push({
      key: channel.key,
      label: channel.label,
      measure: 'activities',
      count: on.length,
      byHand: null,
      times: sum(on, (a) => a.times),
      minutes: sum(on, (a) => a.minutes),
      peopleReached: sum(on, (a) => a.peopleReached),
    });
  }
  return rows;
}

function units(pieces: PeriodPiece[], activities: PeriodActivity[]): ReportData['units'] {
  return taxonomy.units.map((u) => {
    const done = activities.filter((a) => a.unitKey === u.key);
    return { key: u.key, label: u.label, pieces: pieces.filter((p) => p.unitKey === u.key).length, activities: done.length, peopleReached: sum(done, (a) => a.peopleReached) };
  });
}

async function residentialAreas(strapi: Core.Strapi, pieces: PeriodPiece[], activities: PeriodActivity[], commune: string | undefined): Promise<ReportData['residentialAreas']> {
  const areas = (await strapi.db.query('api::residential-area.residential-area' as never).findMany({
    select: ['name'],
    ...(commune ? { where: { commune } } : {}),
    orderBy: [{ name: 'asc' }],
  })) as Array<{ name: string }>;
  const names = [...new Set([...areas.map((a) => a.name), ...activities.flatMap((a) => (a.residentialArea ? [a.residentialArea] : []))])];
  return names
    .sort((a, b) => a.localeCompare(b, 'vi'))
    .map((name) => {
      const done = activities.filter((a) => a.residentialArea === name);
      return { name, pieces: pieces.filter((p) => p.areaName === name).length, activities: done.length, times: sum(done, (a) => a.times), peopleReached: sum(done, (a) => a.peopleReached) };
    });
}

/** Who issues the report: the installation's details, or in a province one commune's own entry. */
async function issuer(strapi: Core.Strapi, commune: string | undefined): Promise<ReportData['issuer']> {
  const select = ['name', 'authority', 'province'];
  const row = (
    commune
      ? await strapi.db.query(uidOf(communeProfile) as never).findOne({ select, where: { commune } })
      : await strapi.db.query('api::commune.commune' as never).findOne({ select })
  ) as { name?: string; authority?: string; province?: string } | null;
  // A commune without details is named by its code rather than by the plan's commune.
  const name = row?.name || (commune ? `xã, phường ${commune}` : taxonomy.commune.name);
  return {
    authority: row?.authority || taxonomy.commune.authority,
    name,
    province: row?.province || taxonomy.commune.province,
    place: name.replace(/^xã\s+/iu, ''),
  };
}

export interface ReportOptions {
  /** The portal's public address, without a trailing slash: pieces link there. */
  portalUrl: string;
  now?: Date;
  /**
   * In a province, one commune's own report: its own pieces and their posts, and its office's
   * activities, sightings and residential areas (their «Xã, phường»). Without it, everything
   * the installation holds, as for one commune.
   */
  commune?: string;
}

export async function computeReport(strapi: Core.Strapi, period: ReportPeriod, options: ReportOptions): Promise<ReportData> {
  const { start, end } = periodBounds(period);
  // One query after another: SQLite serves one connection, and the report is not on a hot path.
  const { commune } = options;
  const ours = <T extends { commune: string | null; provinceWide?: boolean }>(items: T[]) => (commune ? items.filter((item) => rowOf(item) === commune) : items);
  // The database returns the commune's own records; `ours` still decides whose each one is (rowOf).
  const scope = { commune };
  const pieces = ours(await publishedPieces(strapi, start, end, options.portalUrl, scope));
  const posts = ours(await socialPosts(strapi, start, end, options.portalUrl, scope));
  const activities = ours(await outreachActivities(strapi, period, scope));
  const sightings = ours(await periodSightings(strapi, start, end, scope));
  const totals = byKind(pieces);
  return {
    period,
    generatedAt: (options.now ?? new Date()).toISOString(),
    issuer: await issuer(strapi, commune),
    plan: { title: taxonomy.plan.title, signed: taxonomy.plan.signed },
    portalUrl: options.portalUrl,
    kinds: contentKinds.map((k) => ({ key: k.key, label: kindLabel(k) })),
    totals: { pieces: pieces.length, byKind: totals, activities: activities.length, peopleReached: sum(activities, (a) => a.peopleReached) },
    themes: themes(pieces),
    channels: channels(pieces.length, posts, activities),
    socialPosts: posts.map(({ pieceId: _, commune: _c, provinceWide: _p, ...post }) => post),
    units: units(pieces, activities),
    residentialAreas: await residentialAreas(strapi, pieces, activities, commune),
    monitoring: monitoringOf(sightings, totals['fact-check']),
    highlights: pieces.filter((p) => p.kind === 'model-practice').map((p) => ({ ...reportPiece(p), summary: p.summary, subjectName: p.subjectName })),
    pieces: pieces.map(reportPiece),
    activities: activities.map(({ unitKey: _, commune: _c, ...a }) => a),
  };
}

function reportPiece(p: PeriodPiece): ReportData['pieces'][number] {
  return { documentId: p.documentId, kind: p.kind, kindLabel: p.kindLabel, title: p.title, day: p.day, url: p.url, themes: p.themes, unit: p.unit };
}
