import { apiEntrySchema, describeApiIssue } from './api-schema';
import { componentByUid } from './components';
import type { ContentTypeDefinition, Field, Fields } from './fields';
import { typeBySingular } from './kinds';
import { normalizeFields } from './normalize-entry';

type Row = Record<string, unknown>;

/** Why an entry the CMS served cannot go on the portal: the field and the editor's message. */
export interface EntryIssue {
  /** Field path, e.g. "onlineUrl" or "steps.0.text" ("(entry)" for the entry itself). */
  field: string;
  /** The Vietnamese labels along the path, e.g. ["Các bước thực hiện", "Nội dung bước"]. */
  labels: string[];
  /** The Vietnamese message an editor reads (the CMS's own wording for the same check). */
  message: string;
  /** One line for a developer: field "steps.0.text" (Các bước thực hiện › Nội dung bước): … */
  detail: string;
}

export type ReadEntryResult = { success: true; data: Row } | { success: false; issue: EntryIssue };

/** Every string of a JSON value in NFC: relations and media carry text the model does not type. */
export function normalizeNfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalizeNfcDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeNfcDeep(v)])) as T;
  return value;
}

const asRow = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : null);

/** The model's fields normalised, populated relations with their target's fields too. */
function normalizeRow(fields: Fields, row: Row): Row {
  const out = normalizeFields(fields, row);
  for (const [name, field] of Object.entries(fields) as Array<[string, Field]>) {
    if (field.type !== 'relation') continue;
    const target = typeBySingular(field.target).fields;
    const one = (v: unknown) => (asRow(v) ? normalizeFields(target, v as Row) : v);
    out[name] = Array.isArray(out[name]) ? (out[name] as unknown[]).map(one) : one(out[name]);
  }
  return out;
}

function labelsAlong(fields: Fields, path: string[]): string[] {
  const labels: string[] = [];
  let current: Fields | undefined = fields;
  for (const part of path) {
    const field: Field | undefined = current?.[part];
    if (!field) continue;
    labels.push(field.label);
    current = field.type === 'component' ? componentByUid(field.component).fields : undefined;
  }
  return labels;
}

/**
 * Reads one entry as the CMS served it, the way the portal does: normalised exactly as the CMS
 * normalises what it stores, then checked with the schema derived from the same definitions.
 */
export function readApiEntry(type: ContentTypeDefinition, row: Row): ReadEntryResult {
  const parsed = apiEntrySchema(type).safeParse(normalizeRow(type.fields, normalizeNfcDeep(row)));
  if (parsed.success) return { success: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue.path.map(String);
  return {
    success: false,
    issue: { field: path.join('.') || '(entry)', labels: labelsAlong(type.fields, path), message: issue.message, detail: describeApiIssue(type, issue) },
  };
}
