import type { EntryIssue } from '@thanh-thuy/content-types';

/** A published entry the build left out because it does not match the content model. */
export interface SkippedEntry {
  kind: string;
  documentId: string;
  /** The entry's title as the CMS has it, so an editor can find it ("" when it has none). */
  title: string;
  /** Field path, e.g. "onlineUrl" or "steps.0.text". */
  field: string;
  /** Vietnamese labels along the field path, as the admin shows them. */
  labels: string[];
  /** Vietnamese: what is wrong, in the words the CMS uses for the same check. */
  message: string;
}

export function skippedEntry(kind: string, row: Record<string, unknown>, issue: EntryIssue): SkippedEntry {
  const title = typeof row.title === 'string' ? row.title : typeof row.name === 'string' ? row.name : '';
  return { kind, documentId: String(row.documentId ?? `(id ${row.id})`), title, field: issue.field, labels: issue.labels, message: issue.message };
}

/** One line for the build log: kind, documentId, title, field and the Vietnamese message. */
export function describeSkipped(entry: SkippedEntry): string {
  const labels = entry.labels.length ? ` (${entry.labels.join(' › ')})` : '';
  const title = entry.title ? ` «${entry.title}»` : '';
  return `${entry.kind} ${entry.documentId}${title}: field "${entry.field}"${labels}: ${entry.message}`;
}
