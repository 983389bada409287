import type { ContentKindDefinition, ContentTypeDefinition } from '../fields';
import { article } from './article';
import { factCheck } from './fact-check';
import { modelPractice } from './model-practice';
import { serviceGuide } from './service-guide';
import { commune, communeProfile, taxonomyTypes } from './taxonomy-types';

export const contentKinds: readonly ContentKindDefinition[] = [article, modelPractice, serviceGuide, factCheck];
export const allTypes: readonly ContentTypeDefinition[] = [...contentKinds, ...taxonomyTypes, commune, communeProfile];

export type ContentKindKey = ContentKindDefinition['key'];

export function kindByKey(key: string): ContentKindDefinition {
  const found = contentKinds.find((k) => k.key === key);
  if (!found) throw new Error(`Unknown content kind "${key}"; expected one of ${contentKinds.map((k) => k.key).join(', ')}`);
  return found;
}

export function typeBySingular(singular: string): ContentTypeDefinition {
  const found = allTypes.find((t) => t.singular === singular);
  if (!found) throw new Error(`Unknown content type "${singular}" in the content model`);
  return found;
}

export { article, modelPractice, serviceGuide, factCheck, commune, communeProfile };
export * from './taxonomy-types';
export { VERDICTS, type Verdict } from './fact-check';
