import type { Core } from '@strapi/strapi';
import { allTypes, commune, communeProfile, contentKinds, outreachActivity, residentialArea, sighting, uidOf } from '@thanh-thuy/content-types';
import { UNUSED_MEDIA_CONDITION } from '../media/unused-media-condition';

export const EDITOR_ROLE = { code: 'tt-bien-tap-vien', name: 'Biên tập viên', description: 'Viết và sửa bản nháp; không xuất bản.' };
export const REVIEWER_ROLE = { code: 'tt-lanh-dao-duyet', name: 'Lãnh đạo duyệt', description: 'Duyệt, xuất bản, gỡ và xóa nội dung.' };

const CM = 'plugin::content-manager.explorer';
type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

// "update" also covers replacing and deleting files. Replacing a file the portal shows would
// change the live portal at the next build without review, so an editor may change only files
// no published entry uses; a reviewer may change any.
const uploadPermissions = (role: EditorialRole): Permission[] =>
  role === 'reader'
    ? ['plugin::upload.read', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'].map((action) => ({ action }))
    : [
        ...['plugin::upload.read', 'plugin::upload.configure-view', 'plugin::upload.assets.create', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'].map(
          (action) => ({ action }),
        ),
        { action: 'plugin::upload.assets.update', conditions: role === 'editor' ? [UNUSED_MEDIA_CONDITION] : [] },
      ];

const kindUids = new Set(contentKinds.map(uidOf));
// Editors may keep the list of residential areas current; the plan's taxonomy is read-only.
const editorWritableExtras = new Set(['api::residential-area.residential-area']);
const reviewerWritableExtras = new Set(['api::residential-area.residential-area', uidOf(commune), uidOf(communeProfile)]);
// What a commune's roles hold only under their condition (a province, cms/src/tenancy/): their
// pieces, their commune's details, residential areas, sightings and activities. The
// installation's own details are the province's.
const tenantUids = new Set([...kindUids, uidOf(communeProfile), uidOf(residentialArea), uidOf(sighting), uidOf(outreachActivity)]);

// The monitoring log and the offline activities are the office's own work: both roles keep
// them; only a reviewer deletes (a sighting's history is the record of how it was handled).
const monitoringUids = new Set([uidOf(sighting), uidOf(outreachActivity)]);

/** `reader`: the province's reviewer, who reads every commune's work and changes nothing. */
export type EditorialRole = 'editor' | 'reviewer' | 'reader';

function actionsFor(uid: string, role: EditorialRole): string[] {
  const read = [`${CM}.read`];
  if (role === 'reader') return read;
  if (monitoringUids.has(uid)) return role === 'editor' ? [...read, `${CM}.create`, `${CM}.update`] : [...read, `${CM}.create`, `${CM}.update`, `${CM}.delete`];
  if (kindUids.has(uid)) {
    return role === 'editor'
      ? [...read, `${CM}.create`, `${CM}.update`]
      : [...read, `${CM}.create`, `${CM}.update`, `${CM}.delete`, `${CM}.publish`];
  }
  const writable = role === 'editor' ? editorWritableExtras : reviewerWritableExtras;
  return writable.has(uid) ? [...read, `${CM}.create`, `${CM}.update`] : read;
}

/**
 * The permissions of an editorial role. With `pieceCondition` (a commune's roles in a province,
 * cms/src/tenancy/), every action on the four kinds of pieces and on the communes' details
 * holds only where it matches, and the installation's own details are read-only.
 */
export function editorialPermissions(strapi: Core.Strapi, role: EditorialRole, pieceCondition?: string): Permission[] {
  const contentTypes = strapi.service('admin::content-type') as {
    getPermissionsWithNestedFields: (actions: unknown[], options?: unknown) => Permission[];
  };
  const { actionProvider } = strapi.service('admin::permission') as { actionProvider: { values: () => Array<{ section: string; actionId: string }> } };

  const ours = new Set([...allTypes.map(uidOf), ...monitoringUids]);
  const cmActions = actionProvider.values().filter((a) => a.section === 'contentTypes');
  // Field lists (properties.fields) come from Strapi itself so nested component fields are included.
  const withFields = contentTypes.getPermissionsWithNestedFields(cmActions);
  const permissions = withFields.filter(
    (p) => typeof p.subject === 'string' && ours.has(p.subject) && actionsFor(p.subject, role).includes(p.action),
  );
  const conditioned = pieceCondition
    ? permissions
        .filter((p) => p.subject !== uidOf(commune) || p.action === `${CM}.read`)
        .map((p) => (tenantUids.has(p.subject as string) ? { ...p, conditions: [pieceCondition] } : p))
    : permissions;
  return [...conditioned, ...uploadPermissions(role)];
}

/** Creates a role by its code, or brings an existing one back to `permissions`. */
export async function ensureRoleWith(strapi: Core.Strapi, spec: typeof EDITOR_ROLE, permissions: Permission[]): Promise<void> {
  const roles = strapi.service('admin::role') as {
    findOne: (where: Record<string, unknown>) => Promise<{ id: number } | null>;
    create: (attrs: Record<string, unknown>) => Promise<{ id: number }>;
    assignPermissions: (id: number, permissions: Permission[]) => Promise<unknown>;
  };
  const saved = (await roles.findOne({ code: spec.code })) ?? (await roles.create(spec));
  await roles.assignPermissions(saved.id, permissions);
}

async function ensureRole(strapi: Core.Strapi, spec: typeof EDITOR_ROLE, role: 'editor' | 'reviewer'): Promise<void> {
  await ensureRoleWith(strapi, spec, editorialPermissions(strapi, role));
}

/** Creates (or brings back in line) the two editorial roles of the commune office. */
export async function ensureEditorRoles(strapi: Core.Strapi): Promise<void> {
  await ensureRole(strapi, EDITOR_ROLE, 'editor');
  await ensureRole(strapi, REVIEWER_ROLE, 'reviewer');
}
