import { z } from 'zod';
import { reportPeriodSchema } from './report-data';

// What the CMS answers for the province's report (issue 13): per commune, per theme and per
// channel, for one period. Pieces and their social posts belong to a commune (tenancy.ts), and
// so do the offline activities and the monitoring log (their «Xã, phường»).

const count = z.number().int().min(0);
const byKey = z.record(z.string(), count);

export const provinceRowSchema = z.object({
  /** The commune's code, or null for the province's own row. */
  commune: z.string().nullable(),
  pieces: count,
  /** Pieces per theme key (a piece on two themes counts in both). */
  byTheme: byKey,
  /** Posts per social channel key, of the pieces of this row. */
  posts: byKey,
  /** Offline activities done, and the people they reached. */
  activities: count,
  peopleReached: count,
  /** Items of the monitoring log seen in the period. */
  sightings: count,
});

export const provinceReportSchema = z.object({
  period: reportPeriodSchema,
  generatedAt: z.string(),
  province: z.string(),
  themes: z.array(z.object({ key: z.string(), section: z.string(), label: z.string() })),
  channels: z.array(z.object({ key: z.string(), label: z.string() })),
  /**
   * One row per commune served (PROVINCE_COMMUNES) or named by a record, then the province's
   * own: its province-wide pieces, and activities and sightings recorded for no commune.
   */
  rows: z.array(provinceRowSchema),
});

export type ProvinceReport = z.infer<typeof provinceReportSchema>;
export type ProvinceRow = z.infer<typeof provinceRowSchema>;
