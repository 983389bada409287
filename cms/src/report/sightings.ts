import type { Core } from '@strapi/strapi';
import { SIGHTING_PLATFORMS, SIGHTING_STATUSES, factCheck, uidOf, type ReportData } from '@thanh-thuy/content-types';
import type { ReportScope } from './published-pieces';

export interface PeriodSighting {
  platform: string;
  status: string;
  seenAt: string;
  /** When the linked fact-check was first published; null while it is not published. */
  rebuttedAt: string | null;
  /** The commune whose office logged it, in a province (tenancy); null otherwise. */
  commune: string | null;
}

type Row = { platform: string; state: string; seenAt: string; commune?: string | null; factCheck?: { documentId: string } | null };

/**
 * The sightings seen in [start, end) and, for each, when its fact-check first went out. The
 * relation may name the fact-check's draft row, so the published row is looked up by documentId:
 * a fact-check that was never published, or was withdrawn, rebuts nothing.
 */
export async function periodSightings(strapi: Core.Strapi, start: Date, end: Date, scope: ReportScope = {}): Promise<PeriodSighting[]> {
  const rows = (await strapi.db.query('api::sighting.sighting' as never).findMany({
    where: { seenAt: { $gte: start, $lt: end }, ...(scope.commune ? { commune: scope.commune } : {}) },
    select: ['platform', 'state', 'seenAt', 'commune'],
    populate: { factCheck: { select: ['documentId'] } },
  })) as Row[];
  const ids = [...new Set(rows.flatMap((r) => (r.factCheck ? [r.factCheck.documentId] : [])))];
  const published = ids.length
    ? ((await strapi.db.query(uidOf(factCheck) as never).findMany({
        where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
        select: ['documentId', 'firstPublishedAt', 'publishedAt'],
      })) as Array<{ documentId: string; firstPublishedAt: string | null; publishedAt: string }>)
    : [];
  const firstOut = new Map(published.map((p) => [p.documentId, new Date(p.firstPublishedAt ?? p.publishedAt).toISOString()]));
  return rows.map((r) => ({
    platform: r.platform,
    status: r.state,
    seenAt: new Date(r.seenAt).toISOString(),
    rebuttedAt: (r.factCheck && firstOut.get(r.factCheck.documentId)) ?? null,
    commune: r.commune ?? null,
  }));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const HOUR = 3600 * 1000;

/** Counts by outcome and platform, in the model's order, and the median time to a published rebuttal. */
export function monitoringOf(sightings: PeriodSighting[], factChecksPublished: number): ReportData['monitoring'] {
  const countBy = (values: readonly string[], of: (s: PeriodSighting) => string) => {
    const extra = [...new Set(sightings.map(of))].filter((v) => !values.includes(v));
    return [...values, ...extra].map((v) => ({ key: v, label: v, count: sightings.filter((s) => of(s) === v).length }));
  };
  const rebutted = sightings.filter((s) => s.rebuttedAt !== null);
  // A sighting linked to a fact-check published before it was seen was answered at once.
  const hours = rebutted.map((s) => Math.max(0, new Date(s.rebuttedAt as string).getTime() - new Date(s.seenAt).getTime()) / HOUR);
  return {
    sightings: sightings.length,
    byStatus: countBy(SIGHTING_STATUSES, (s) => s.status),
    byPlatform: countBy(SIGHTING_PLATFORMS, (s) => s.platform),
    rebutted: rebutted.length,
    medianHoursToRebuttal: median(hours),
    factChecksPublished,
  };
}
