import { z } from 'zod';
import { componentByUid } from './components';
import type { ContentKindDefinition, ContentTypeDefinition, Field, Fields } from './fields';
import { messages } from './messages';
import { SLUG_PATTERN } from './slug';
import { themeByKey } from './taxonomy';

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

const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 .]{5,18}[0-9]$/;
const PROCEDURE_CODE_PATTERN = /^[0-9]\.[0-9]{6}(\.[0-9A-Za-z.]+)?$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}/;

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** zod schema of one non-blank scalar value; blanks are handled by `required`. */
function scalarSchema(field: Field): z.ZodTypeAny | null {
  const label = field.label;
  const text = (max?: number) => {
    let s = z.string({ invalid_type_error: messages.notText(label) });
    if (max) s = s.max(max, messages.tooLong(label, max));
    return s;
  };
  switch (field.type) {
    case 'string': {
      const base = text(field.maxLength);
      switch (field.format) {
        case 'url':
          return base.regex(URL_PATTERN, messages.url(label));
        case 'email':
          return base.regex(EMAIL_PATTERN, messages.email(label));
        case 'phone':
          return base.regex(PHONE_PATTERN, messages.phone(label));
        case 'procedure-code':
          return base.regex(PROCEDURE_CODE_PATTERN, messages.procedureCode(label));
        default:
          return base;
      }
    }
    case 'text':
      return text(field.maxLength);
    case 'markdown':
      return text();
    case 'slug':
      return text(200).regex(SLUG_PATTERN, messages.slug(label));
    case 'enum':
      return z.enum(field.values as [string, ...string[]], { errorMap: () => ({ message: messages.enumValue(label, field.values) }) });
    case 'boolean':
      return z.boolean();
    case 'date':
    case 'datetime':
      return z.union([z.date(), z.string().regex(DATE_PATTERN)], { errorMap: () => ({ message: messages.date(label) }) });
    case 'integer':
    case 'decimal': {
      let n = z.coerce.number({ invalid_type_error: messages.number(label) });
      if (field.type === 'integer') n = n.int(messages.number(label));
      if (field.min !== undefined) n = n.min(field.min, messages.min(label, field.min));
      return n;
    }
    default:
      return null;
  }
}

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

    if (field.type === 'relation' || field.type === 'component' || field.type === 'image') {
      // In draft mode relations and media arrive as connect/disconnect instructions or ids:
      // only their shape after saving is checked, on publish.
      if (mode === 'draft' && field.type !== 'component') continue;
      const count = countOf(value) ?? 0;
      const min = 'min' in field && field.min ? field.min : field.required ? 1 : 0;
      if (mode === 'publish' && count < min) {
        const single = field.type === 'image' || (field.type === 'relation' && !field.many);
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
      }
      continue;
    }

    if (isBlank(value)) {
      if (mode === 'publish' && field.required) issues.push({ path, message: messages.required(field.label) });
      continue;
    }
    const schema = scalarSchema(field);
    const result = schema?.safeParse(typeof value === 'string' ? value.trim() : value);
    if (result && !result.success) issues.push({ path, message: result.error.issues[0].message });
  }
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

/** Validates an entry of any content type; returns every issue found (empty when valid). */
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
