import { components } from './components';
import type { Fields } from './fields';
import { uidOf } from './fields';
import { internalTypes } from './internal';
import { allTypes, typeBySingular } from './kinds';

export interface FieldLabel {
  label: string;
  description: string;
  /** For a relation: the target's field shown in the picker. */
  mainField?: string;
  /** False for a field the CMS writes itself (`readOnly`): the edit view shows it greyed out. */
  editable?: false;
}

function labelsOf(fields: Fields): Record<string, FieldLabel> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, f]) => [
      name,
      {
        label: f.label,
        description: f.hint ?? '',
        ...(f.type === 'relation' ? { mainField: mainFieldOf(typeBySingular(f.target).fields) } : {}),
        ...(f.readOnly ? { editable: false as const } : {}),
      },
    ]),
  );
}

/** Vietnamese labels and hints for the admin's edit views, by Strapi uid. */
export function adminLabels(): Map<string, Record<string, FieldLabel>> {
  const map = new Map<string, Record<string, FieldLabel>>();
  for (const type of [...allTypes, ...internalTypes]) map.set(uidOf(type), labelsOf(type.fields));
  for (const component of components) map.set(component.uid, labelsOf(component.fields));
  return map;
}

/** The field shown as an entry's title in lists and relation pickers. */
export function mainFieldOf(fields: Fields): string {
  for (const candidate of ['title', 'label', 'name', 'question', 'indicator', 'text', 'note', 'content', 'description']) {
    if (candidate in fields) return candidate;
  }
  return 'id';
}
