import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

// The site build leaves an entry that does not match the content model out of the portal and
// lists it in SITE_SKIPPED_REPORT (site/scripts/build.mjs). The worker points that at
// logs/<build id>.skipped.json and shows the live build's list in GET /status.
const skippedEntrySchema = z.object({
  kind: z.string(),
  documentId: z.string(),
  title: z.string(),
  field: z.string(),
  labels: z.array(z.string()),
  message: z.string(),
});
const reportSchema = z.object({ skipped: z.array(skippedEntrySchema) });

export type SkippedEntry = z.infer<typeof skippedEntrySchema>;

export const skippedReportFile = (logsDir: string, buildId: string) => join(logsDir, `${buildId}.skipped.json`);

/** The entries build `buildId` left out; null when it wrote no report (an older build). */
export async function readSkippedReport(logsDir: string, buildId: string): Promise<SkippedEntry[] | null> {
  const file = skippedReportFile(logsDir, buildId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = reportSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not a skipped-entries report: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  return parsed.data.skipped;
}

/** "2 entries left out: fact-check abc (claimUrl), service-guide def (steps)". */
export function describeSkippedEntries(entries: SkippedEntry[]): string {
  const shown = entries.slice(0, 5).map((e) => `${e.kind} ${e.documentId} (${e.field})`).join(', ');
  const more = entries.length > 5 ? ` and ${entries.length - 5} more` : '';
  return `${entries.length} invalid entr${entries.length > 1 ? 'ies' : 'y'} left out: ${shown}${more}`;
}
