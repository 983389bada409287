import { componentByUid } from './components';
import { isMediaField, type Fields } from './fields';

export type Populate = { [field: string]: true | { populate: Populate } };

/** The Strapi populate object that loads every relation, upload and component of a type. */
export function populateFor(fields: Fields): Populate {
  const populate: Populate = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.type === 'relation' || isMediaField(field)) populate[name] = true;
    if (field.type === 'component') {
      const nested = populateFor(componentByUid(field.component).fields);
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    }
  }
  return populate;
}

/** Encodes a populate object as Strapi REST query parameters (qs bracket syntax). */
export function populateQuery(populate: Populate, prefix = 'populate'): string[] {
  return Object.entries(populate).flatMap(([name, value]) =>
    value === true
      ? [`${encodeURIComponent(`${prefix}[${name}]`)}=true`]
      : populateQuery(value.populate, `${prefix}[${name}][populate]`),
  );
}
