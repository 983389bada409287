import { components } from './components';
import type { ComponentDefinition, ContentTypeDefinition, Field, Fields } from './fields';
import { uidOf } from './fields';
import { internalTypes } from './internal';
import { allTypes } from './kinds';

type StrapiAttribute = Record<string, unknown>;

// Strapi enforces `required` itself only on publish; editors' drafts may be incomplete.
// Counts (`min` on relations and repeatable components) are checked by validate.ts on
// publish with a Vietnamese message, so they are not repeated here.
function toAttribute(field: Field): StrapiAttribute {
  const required = field.required ? { required: true } : {};
  switch (field.type) {
    case 'string':
      return { type: 'string', ...required, ...(field.maxLength ? { maxLength: field.maxLength } : {}) };
    case 'text':
      return { type: 'text', ...required, ...(field.maxLength ? { maxLength: field.maxLength } : {}) };
    case 'markdown':
      return { type: 'richtext', ...required };
    case 'slug':
      return { type: 'uid', targetField: field.targetField, ...required };
    case 'enum':
      return { type: 'enumeration', enum: [...field.values], ...required, ...(field.default ? { default: field.default } : {}) };
    case 'boolean':
      return { type: 'boolean', default: field.default, ...required };
    case 'date':
    case 'datetime':
    case 'integer':
    case 'decimal':
      return { type: field.type, ...required };
    case 'image':
      return { type: 'media', multiple: false, allowedTypes: ['images'], ...required };
    case 'video':
      return { type: 'media', multiple: false, allowedTypes: ['videos'], ...required };
    case 'component':
      // Strapi checks `required` components even on drafts, in English: validate.ts owns it.
      return { type: 'component', component: field.component, repeatable: field.repeatable };
    case 'relation':
      return {
        type: 'relation',
        relation: field.many ? 'manyToMany' : 'manyToOne',
        target: `api::${field.target}.${field.target}`,
      };
  }
}

function toAttributes(fields: Fields): Record<string, StrapiAttribute> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, toAttribute(field)]));
}

// Fields the CMS looks rows up by, indexed in the database (Strapi 5 keeps a content type's
// `indexes` in its schema sync: created on start, on an existing database too). Without them,
// every lookup reads the whole table: measured on 100 communes × 200 pieces in PostgreSQL, a
// portal's coverage (rows of its commune) took ~40 ms and a publish's slug check ~46 ms, each a
// sequential scan of 16,000 article rows (README, "Running a province").
const LOOKUP_FIELDS = new Set(['commune', 'pieceId']);
const columnOf = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const tableOf = (type: ContentTypeDefinition) => type.plural.replace(/-/g, '_');

/** The indexes of a content type: its slug, and the fields it is looked up by. */
export function indexesOf(type: ContentTypeDefinition): Array<{ name: string; columns: string[] }> {
  const table = tableOf(type);
  return Object.entries(type.fields)
    .filter(([name, field]) => field.type === 'slug' || LOOKUP_FIELDS.has(name))
    .map(([name]) => ({ name: `${table}_${columnOf(name)}_idx`, columns: [columnOf(name)] }));
}

export function toStrapiContentTypeSchema(type: ContentTypeDefinition): Record<string, unknown> {
  const indexes = indexesOf(type);
  return {
    kind: type.kind,
    collectionName: tableOf(type),
    info: {
      singularName: type.singular,
      pluralName: type.plural,
      displayName: type.displayName,
      description: type.description,
    },
    options: { draftAndPublish: type.draftAndPublish },
    pluginOptions: {},
    attributes: toAttributes(type.fields),
    ...(indexes.length ? { indexes } : {}),
  };
}

export function toStrapiComponentSchema(component: ComponentDefinition): Record<string, unknown> {
  const [category, name] = component.uid.split('.');
  return {
    collectionName: `components_${category}_${name.replace(/-/g, '_')}s`,
    info: { displayName: component.displayName, icon: component.icon },
    options: {},
    attributes: toAttributes(component.fields),
  };
}

/** Every file Strapi needs for the model, as path (relative to cms/) → contents. */
export function strapiFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const banner = '// Generated from content-types/ by `npm run generate`: edit the definition there, not this file.\n';
  for (const type of allTypes) {
    const name = type.singular;
    const uid = uidOf(type);
    const base = `src/api/${name}`;
    files.set(`${base}/content-types/${name}/schema.json`, json(toStrapiContentTypeSchema(type)));
    files.set(
      `${base}/controllers/${name}.ts`,
      `${banner}import { factories } from '@strapi/strapi';\n\nexport default factories.createCoreController('${uid}');\n`,
    );
    files.set(
      `${base}/services/${name}.ts`,
      `${banner}import { factories } from '@strapi/strapi';\n\nexport default factories.createCoreService('${uid}');\n`,
    );
    // The REST API is read-only: content is written in the admin only (REST create would
    // publish at once even with Draft & Publish on, strapi/strapi#23881).
    const actions = type.kind === 'singleType' ? ['find'] : ['find', 'findOne'];
    // Drafts are kept private by a guard Strapi puts in front of every content-API route
    // (cms/src/content-api/guard-every-route.ts), not per generated route.
    const config = `, { only: ${JSON.stringify(actions).replace(/"/g, "'")} }`;
    files.set(
      `${base}/routes/${name}.ts`,
      `${banner}import { factories } from '@strapi/strapi';\n\nexport default factories.createCoreRouter('${uid}'${config});\n`,
    );
  }
  // Internal types get their schema only: no routes, so the REST API cannot reach them.
  for (const type of internalTypes) {
    files.set(`src/api/${type.singular}/content-types/${type.singular}/schema.json`, json(toStrapiContentTypeSchema(type)));
  }
  for (const component of components) {
    const [category, name] = component.uid.split('.');
    files.set(`src/components/${category}/${name}.json`, json(toStrapiComponentSchema(component)));
  }
  return files;
}
