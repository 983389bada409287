import { communeList, messages, type ContentTypeDefinition, type ValidationIssue } from '@thanh-thuy/content-types';

/** The communes this installation serves (PROVINCE_COMMUNES, as the build workers read it); none for one commune. */
export function servedCommunes(env: Record<string, string | undefined> = process.env): string[] {
  return communeList(env.PROVINCE_COMMUNES);
}

/**
 * In a province, a piece's commune and the communes it is addressed to must be ones this
 * installation serves: a typo would otherwise publish to no portal at all, silently.
 */
export function communeIssues(type: ContentTypeDefinition, data: Record<string, unknown>, served: readonly string[]): ValidationIssue[] {
  if (served.length === 0) return [];
  const issues: ValidationIssue[] = [];
  for (const name of ['commune', 'addressedTo'] as const) {
    const field = type.fields[name];
    const value = data[name];
    if (!field || typeof value !== 'string' || !value.trim()) continue;
    const unknown = communeList(value).filter((slug) => !served.includes(slug));
    if (unknown.length) issues.push({ path: [name], message: messages.unknownCommune(field.label, unknown, [...served]) });
  }
  return issues;
}
