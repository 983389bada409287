import { z } from 'zod';

// What the CMS's report query answers (cms/src/report/), for one period: every number of the
// periodic report. The CLI (scripts/report) and the admin's download render it to .docx, HTML
// and CSV; the portal's /ke-hoach/ page shows its coverage part. Numbers are computed once,
// here in the CMS, and only read everywhere else.

const count = z.number().int().min(0);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const kindKey = z.enum(['article', 'model-practice', 'service-guide', 'fact-check']);
/** Pieces per content kind, every kind present. */
const byKind = z.object({ article: count, 'model-practice': count, 'service-guide': count, 'fact-check': count });

export const reportPeriodSchema = z.object({
  kind: z.enum(['range', 'month', 'quarter', 'campaign']),
  from: day,
  to: day,
  label: z.string().min(1),
});

export const themeCoverageSchema = z.object({
  key: z.string(),
  section: z.string(),
  label: z.string(),
  byKind,
  total: count,
  /** No piece on this content in the period: the report flags it. */
  gap: z.boolean(),
});

/**
 * One channel of the plan: the portal counts pieces, a social platform the pieces posted there
 * (by the runner or by hand), an offline form the activities logged.
 */
export const channelCoverageSchema = z.object({
  key: z.string(),
  label: z.string(),
  measure: z.enum(['pieces', 'posts', 'activities']),
  count,
  /** Posts an officer made by hand and recorded (social platforms only). */
  byHand: count.nullable(),
  times: count.nullable(),
  minutes: count.nullable(),
  peopleReached: count.nullable(),
});

export const socialPostSchema = z.object({
  channel: z.string(),
  channelLabel: z.string(),
  pieceTitle: z.string(),
  pieceUrl: z.string(),
  url: z.string(),
  day,
  byHand: z.boolean(),
});

export const unitRowSchema = z.object({ key: z.string(), label: z.string(), pieces: count, activities: count, peopleReached: count });
export const areaRowSchema = z.object({ name: z.string(), pieces: count, activities: count, times: count, peopleReached: count });

export const labelledCountSchema = z.object({ key: z.string(), label: z.string(), count });

export const monitoringSchema = z.object({
  sightings: count,
  byStatus: z.array(labelledCountSchema),
  byPlatform: z.array(labelledCountSchema),
  /** Sightings of the period rebutted by a published fact-check. */
  rebutted: count,
  /** Median hours from a sighting to its fact-check's first publication; null when none was rebutted. */
  medianHoursToRebuttal: z.number().min(0).nullable(),
  factChecksPublished: count,
});

export const reportPieceSchema = z.object({
  documentId: z.string(),
  kind: kindKey,
  kindLabel: z.string(),
  title: z.string(),
  day,
  url: z.string(),
  themes: z.array(z.string()),
  unit: z.string().nullable(),
});

export const highlightSchema = reportPieceSchema.extend({ summary: z.string(), subjectName: z.string().nullable() });

export const reportActivitySchema = z.object({
  day,
  channel: z.string(),
  channelLabel: z.string(),
  unit: z.string().nullable(),
  residentialArea: z.string().nullable(),
  themes: z.array(z.string()),
  description: z.string(),
  times: count.nullable(),
  minutes: count.nullable(),
  peopleReached: count.nullable(),
});

export const reportDataSchema = z.object({
  period: reportPeriodSchema,
  generatedAt: z.string().datetime({ offset: true }),
  issuer: z.object({ authority: z.string(), name: z.string(), province: z.string(), place: z.string() }),
  plan: z.object({ title: z.string(), signed: day }),
  portalUrl: z.string(),
  kinds: z.array(z.object({ key: kindKey, label: z.string() })),
  totals: z.object({ pieces: count, byKind, activities: count, peopleReached: count }),
  themes: z.array(themeCoverageSchema),
  channels: z.array(channelCoverageSchema),
  socialPosts: z.array(socialPostSchema),
  units: z.array(unitRowSchema),
  residentialAreas: z.array(areaRowSchema),
  monitoring: monitoringSchema,
  highlights: z.array(highlightSchema),
  pieces: z.array(reportPieceSchema),
  activities: z.array(reportActivitySchema),
});

export type ReportData = z.infer<typeof reportDataSchema>;
export type ThemeCoverage = z.infer<typeof themeCoverageSchema>;
export type ChannelCoverage = z.infer<typeof channelCoverageSchema>;
export type ReportPiece = z.infer<typeof reportPieceSchema>;
export type ReportActivity = z.infer<typeof reportActivitySchema>;

/** What the portal's /ke-hoach/ page shows: the coverage part of the campaign's report, no more. */
export const planCoverageSchema = z.object({
  period: reportPeriodSchema,
  totals: z.object({ pieces: count }),
  themes: z.array(themeCoverageSchema),
  channels: z.array(channelCoverageSchema),
});
export type PlanCoverage = z.infer<typeof planCoverageSchema>;

/** The coverage part of a report: what citizens may see (counts only, no sighting, no activity). */
export function coverageOf(report: ReportData): PlanCoverage {
  return { period: report.period, totals: { pieces: report.totals.pieces }, themes: report.themes, channels: report.channels };
}
