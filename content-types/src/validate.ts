import { componentByUid } from './components';
import { isMediaField, type ComponentField, type ContentKindDefinition, type ContentTypeDefinition, type Fields, type TextField } from './fields';
import { messages } from './messages';
import { textSize } from './social-caption';
import { themeByKey } from './taxonomy';
import { valueSchema } from './value-schema';

export interface ValidationIssue {
  /** Field path, e.g. ["sources"] or ["steps", "0", "text"]. */
  path: string[];
  message: string;
}

/**
 * "publish": the whole entry as it will go public (required fields and counts enforced).
 * "draft": only what the editor sent (formats and lengths, nothing required).
 */
export type ValidationMode = 'publish' | 'draft';

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function countOf(value: unknown): number | null {
  if (value === undefined) return null;
  if (value === null) return 0;
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object') return 1;
  return 1;
}

function validateFields(fields: Fields, entry: Record<string, unknown>, mode: ValidationMode, prefix: string[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const path = [...prefix, name];
    if (mode === 'draft' && !(name in entry)) continue;
    const value = entry[name];

    if (field.type === 'relation' || field.type === 'component' || isMediaField(field)) {
      // In draft mode relations and media arrive as connect/disconnect instructions or ids:
      // only their shape after saving is checked, on publish.
      if (mode === 'draft' && field.type !== 'component') continue;
      const count = countOf(value) ?? 0;
      const min = 'min' in field && field.min ? field.min : field.required ? 1 : 0;
      if (mode === 'publish' && count < min) {
        const single = isMediaField(field) || (field.type === 'relation' && !field.many);
        issues.push({ path, message: single ? messages.required(field.label) : messages.minItems(field.label, min) });
      }
      if (field.type === 'component' && Array.isArray(value)) {
        const component = componentByUid(field.component);
        value.forEach((item, index) => {
          if (item && typeof item === 'object') {
            issues.push(...validateFields(component.fields, item as Record<string, unknown>, mode, [...path, String(index)]));
            issues.push(...altTextIssues(component.fields, item as Record<string, unknown>, [...path, String(index)], mode));
          }
        });
        issues.push(...duplicateIssues(field, component.fields, value, path));
      }
      continue;
    }

    if (isBlank(value)) {
      if (mode === 'publish' && field.required) issues.push({ path, message: messages.required(field.label) });
      continue;
    }
    const result = valueSchema(field)?.safeParse(value);
    if (result && !result.success) issues.push({ path, message: result.error.issues[0].message });
    else if (field.type === 'text' && field.maxLengthBy) issues.push(...limitByIssues(field, fields, entry, value, path));
  }
  return issues;
}

/** A text over the limit its sibling enum picks (an editor's caption for Zalo: 300 characters). */
function limitByIssues(field: TextField, fields: Fields, entry: Record<string, unknown>, value: unknown, path: string[]): ValidationIssue[] {
  const by = field.maxLengthBy!;
  const option = entry[by.field];
  const limit = typeof option === 'string' ? by.limits[option] : undefined;
  if (!limit || typeof value !== 'string') return [];
  const size = textSize(value, limit.unit);
  if (size <= limit.max || !(by.field in fields)) return [];
  return [{ path, message: messages.tooLongFor(field.label, option as string, limit.max, limit.unit, size) }];
}

/** At most one item per value of the component's `uniqueBy` field: the second one is refused. */
function duplicateIssues(field: ComponentField, fields: Fields, items: unknown[], path: string[]): ValidationIssue[] {
  const key = field.uniqueBy;
  if (!key || !(key in fields)) return [];
  const seen = new Set<unknown>();
  const issues: ValidationIssue[] = [];
  items.forEach((item, index) => {
    const value = item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
    if (isBlank(value)) return;
    if (seen.has(value)) issues.push({ path: [...path, String(index), key], message: messages.duplicateItem(field.label, fields[key].label, String(value)) });
    seen.add(value);
  });
  return issues;
}

/** An image needs its alt text: checked when both are known (always on publish). */
function altTextIssues(fields: Fields, entry: Record<string, unknown>, prefix: string[], mode: ValidationMode): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [name, field] of Object.entries(fields)) {
    if (field.type !== 'image' || !field.altField) continue;
    if (mode === 'draft' && !(name in entry)) continue;
    const image = entry[name];
    const hasImage = image !== null && image !== undefined && !(Array.isArray(image) && image.length === 0);
    if (hasImage && isBlank(entry[field.altField])) {
      issues.push({ path: [...prefix, field.altField], message: messages.altRequired(field.label, fields[field.altField].label) });
    }
  }
  return issues;
}

function themeKeysOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((t) => (t && typeof t === 'object' && 'key' in t ? String((t as { key: unknown }).key) : '')).filter(Boolean);
}

/**
 * Validates an entry of any content type; returns every issue found (empty when valid).
 * Checks values as they will be stored: pass the entry through normalizeEntry first (the CMS
 * stores what that returns; a value with a stray space or control character is not trimmed here).
 */
export function validateEntry(type: ContentTypeDefinition, entry: Record<string, unknown>, mode: ValidationMode): ValidationIssue[] {
  const issues = [...validateFields(type.fields, entry, mode, []), ...altTextIssues(type.fields, entry, [], mode)];
  const start = entry.periodStart;
  const end = entry.periodEnd;
  if ('periodStart' in type.fields && typeof start === 'string' && typeof end === 'string' && end < start) {
    issues.push({ path: ['periodEnd'], message: messages.periodOrder(type.fields.periodStart.label, type.fields.periodEnd.label) });
  }
  const kind = type as Partial<ContentKindDefinition>;
  if (mode === 'publish' && kind.requiredThemes && kind.requiredThemes.length > 0 && 'themes' in entry) {
    const have = themeKeysOf(entry.themes);
    const missing = kind.requiredThemes.filter((key) => !have.includes(key));
    if (missing.length > 0 && have.length > 0) {
      issues.push({
        path: ['themes'],
        message: messages.requiredTheme(type.fields.themes.label, missing.map((key) => themeByKey(key)?.label ?? key)),
      });
    }
  }
  return issues;
}

/** One sentence for a toast: the first issues, joined. */
export function summarizeIssues(issues: ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => i.message);
  const more = issues.length > 3 ? ` (và ${issues.length - 3} lỗi khác)` : '';
  return shown.join(' ') + more;
}
