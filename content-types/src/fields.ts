// The field vocabulary of the content model. Each content type is a list of these;
// Strapi schemas (strapi-schema.ts), zod validators (validate.ts, api-schema.ts) and the
// admin's Vietnamese labels (admin-labels.ts) are all derived from them.

interface FieldBase {
  /** Vietnamese label shown to editors and used in error messages. */
  label: string;
  /** Vietnamese hint shown under the field in the admin. */
  hint?: string;
  /** Required before publishing (drafts may be incomplete). */
  required?: boolean;
  /**
   * Written by the CMS itself, never by an editor: shown read-only in the admin's edit view,
   * and whatever an editor's request carries for it is ignored (cms/src/documents/).
   */
  readOnly?: boolean;
}

export interface StringField extends FieldBase {
  type: 'string';
  maxLength?: number;
  /** `commune`: one commune's slug; `commune-list`: slugs separated by commas (tenancy.ts). */
  format?: 'url' | 'email' | 'phone' | 'procedure-code' | 'commune' | 'commune-list';
}
export interface TextField extends FieldBase {
  type: 'text';
  maxLength?: number;
  /**
   * A tighter limit chosen by a sibling enum field's value: an editor's caption for Zalo is
   * shorter than one for Facebook. Keyed by the enum's values; checked on every save.
   */
  maxLengthBy?: { field: string; limits: Readonly<Record<string, TextLimit>> };
}

/** How a platform counts a text: UTF-16 code units ("characters") or UTF-8 bytes. */
export interface TextLimit {
  max: number;
  unit: 'character' | 'byte';
}
export interface MarkdownField extends FieldBase {
  type: 'markdown';
}
export interface SlugField extends FieldBase {
  type: 'slug';
  targetField: string;
}
export interface EnumField extends FieldBase {
  type: 'enum';
  /** Values are the Vietnamese words editors pick (Strapi enumerations have no labels). */
  values: readonly string[];
  default?: string;
}
export interface BooleanField extends FieldBase {
  type: 'boolean';
  default: boolean;
}
export interface DateField extends FieldBase {
  type: 'date' | 'datetime';
}
export interface NumberField extends FieldBase {
  type: 'integer' | 'decimal';
  min?: number;
}
export interface ImageField extends FieldBase {
  type: 'image';
  /** Name of the sibling string field holding the image's alt text (required when an image is set). */
  altField?: string;
}
/** A video upload (Strapi media limited to videos): carried to the video platforms, not shown on the portal. */
export interface VideoField extends FieldBase {
  type: 'video';
}
export interface ComponentField extends FieldBase {
  type: 'component';
  component: string;
  repeatable: boolean;
  min?: number;
  /** A repeatable component's field whose value may appear in at most one item (one caption per channel). */
  uniqueBy?: string;
}
export interface RelationField extends FieldBase {
  type: 'relation';
  target: string;
  many: boolean;
  min?: number;
}

export type Field =
  | StringField
  | TextField
  | MarkdownField
  | SlugField
  | EnumField
  | BooleanField
  | DateField
  | NumberField
  | ImageField
  | VideoField
  | ComponentField
  | RelationField;

export type Fields = Record<string, Field>;

/** Fields holding an upload from the media library. */
export type MediaField = ImageField | VideoField;
export const isMediaField = (field: Field): field is MediaField => field.type === 'image' || field.type === 'video';

export interface ComponentDefinition {
  /** Strapi component uid, "category.name". */
  uid: string;
  displayName: string;
  icon: string;
  fields: Fields;
}

export interface ContentTypeDefinition {
  /** Strapi singular name; the api uid is api::<singular>.<singular>. */
  singular: string;
  /** Strapi plural name, also the REST collection name. */
  plural: string;
  kind: 'collectionType' | 'singleType';
  displayName: string;
  description: string;
  draftAndPublish: boolean;
  fields: Fields;
}

/** A publishable kind of content from the plan (article, model practice, guide, fact-check). */
export interface ContentKindDefinition extends ContentTypeDefinition {
  key: 'article' | 'model-practice' | 'service-guide' | 'fact-check';
  /** Portal section path, e.g. "tin-tuc" for /tin-tuc/<slug>/. */
  section: string;
  /** Theme keys a piece of this kind must carry (from taxonomy.contentKinds). */
  requiredThemes: readonly string[];
}

/** Names of the fields the CMS writes itself (`readOnly`), in definition order. */
export const readOnlyFieldsOf = (fields: Fields): string[] => Object.entries(fields).filter(([, f]) => f.readOnly).map(([name]) => name);

export function uidOf(type: { singular: string }): string {
  return `api::${type.singular}.${type.singular}`;
}
