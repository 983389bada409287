import { z } from 'zod';
import { reportPeriodSchema } from './report-data';

// What the CMS answers for the province's report (issue 13): per commune, per theme and per
// channel, for one period. Pieces and their social posts belong to a commune (tenancy.ts); the
// offline activities and the monitoring log do not yet, so they are reported for the whole
// province only, and the report says so.

const count = z.number().int().min(0);
const byKey = z.record(z.string(), count);

export const provinceRowSchema = z.object({
  /** The commune's code, or null for the province's own (province-wide) pieces. */
  commune: z.string().nullable(),
  pieces: count,
  /** Pieces per theme key (a piece on two themes counts in both). */
  byTheme: byKey,
  /** Posts per social channel key, of the pieces of this row. */
  posts: byKey,
});

export const provinceReportSchema = z.object({
  period: reportPeriodSchema,
  generatedAt: z.string(),
  province: z.string(),
  themes: z.array(z.object({ key: z.string(), section: z.string(), label: z.string() })),
  channels: z.array(z.object({ key: z.string(), label: z.string() })),
  /** One row per commune served (PROVINCE_COMMUNES) or named by a piece, then the province's own. */
  rows: z.array(provinceRowSchema),
  /** Not split per commune yet: the whole province's figures. */
  wholeProvince: z.object({ activities: count, peopleReached: count, sightings: count }),
});

export type ProvinceReport = z.infer<typeof provinceReportSchema>;
export type ProvinceRow = z.infer<typeof provinceRowSchema>;
