import type { Core } from '@strapi/strapi';
import { outreachActivity, sighting, uidOf } from '@thanh-thuy/content-types';
import { PASSED_TO_POLICE_CONDITION } from '../monitoring/passed-to-police-condition';

export const POLICE_ROLE = {
  code: 'tt-cong-an-xa',
  name: 'Công an xã',
  description: 'Xem và cập nhật tình trạng xử lý các thông tin xấu độc được chuyển tới Công an xã; không xem nội dung khác.',
};
export const AREA_HEAD_ROLE = {
  code: 'tt-truong-khu-dan-cu',
  name: 'Trưởng khu dân cư',
  description: 'Ghi các hoạt động tuyên truyền trực tiếp của mình; chỉ xem và sửa hoạt động do mình ghi.',
};

const CM = 'plugin::content-manager.explorer';
const IS_CREATOR = 'admin::is-creator';
type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

const SIGHTING = uidOf(sighting);
const ACTIVITY = uidOf(outreachActivity);
// Relation pickers list their targets only for someone who may read them (public taxonomy).
const PICKED_TARGETS = ['api::theme.theme', 'api::unit.unit', 'api::residential-area.residential-area'];

/** Fields a police officer may change: the state and the note that goes into the history. */
const POLICE_FIELDS = ['state', 'handlingNote'];

/** Công an xã's permissions; `condition` replaces «passed to the police» (a commune's: that, and of the commune). */
export function policePermissions(all: Permission[], condition = PASSED_TO_POLICE_CONDITION): Permission[] {
  const of = (action: string) => all.find((p) => p.subject === SIGHTING && p.action === `${CM}.${action}`);
  const read = of('read');
  const update = of('update');
  if (!read || !update) throw new Error(`Cannot build the ${POLICE_ROLE.name} role: Strapi offers no read/update permission on ${SIGHTING}`);
  return [
    { ...read, conditions: [condition] },
    { ...update, properties: { fields: POLICE_FIELDS }, conditions: [condition] },
  ];
}

/** A residential-area head's permissions; `areaCondition` confines the areas they pick from (a commune's). */
export function areaHeadPermissions(all: Permission[], areaCondition?: string): Permission[] {
  const of = (subject: string, action: string) => all.find((p) => p.subject === subject && p.action === `${CM}.${action}`);
  const activity = ['create', 'read', 'update'].map((action) => {
    const found = of(ACTIVITY, action);
    if (!found) throw new Error(`Cannot build the ${AREA_HEAD_ROLE.name} role: Strapi offers no ${action} permission on ${ACTIVITY}`);
    return action === 'create' ? found : { ...found, conditions: [IS_CREATOR] };
  });
  const targets = PICKED_TARGETS.map((subject) => of(subject, 'read'))
    .filter((p): p is Permission => Boolean(p))
    .map((p) => (areaCondition && p.subject === 'api::residential-area.residential-area' ? { ...p, conditions: [areaCondition] } : p));
  // A photo of the activity: upload one, and see or change only one's own files.
  const media: Permission[] = [
    { action: 'plugin::upload.read', conditions: [IS_CREATOR] },
    { action: 'plugin::upload.assets.create' },
    { action: 'plugin::upload.assets.update', conditions: [IS_CREATOR] },
  ];
  return [...activity, ...targets, ...media];
}

export async function ensureRole(strapi: Core.Strapi, spec: typeof POLICE_ROLE, build: (all: Permission[]) => Permission[]): Promise<void> {
  const roles = strapi.service('admin::role') as {
    findOne: (where: Record<string, unknown>) => Promise<{ id: number } | null>;
    create: (attrs: Record<string, unknown>) => Promise<{ id: number }>;
    assignPermissions: (id: number, permissions: Permission[]) => Promise<unknown>;
  };
  const contentTypes = strapi.service('admin::content-type') as { getPermissionsWithNestedFields: (actions: unknown[]) => Permission[] };
  const { actionProvider } = strapi.service('admin::permission') as { actionProvider: { values: () => Array<{ section: string; actionId: string }> } };
  const saved = (await roles.findOne({ code: spec.code })) ?? (await roles.create(spec));
  const all = contentTypes.getPermissionsWithNestedFields(actionProvider.values().filter((a) => a.section === 'contentTypes'));
  await roles.assignPermissions(saved.id, build(all));
}

/** The two roles outside the office: Công an xã (monitoring) and the residential-area heads (activities). */
export async function ensureMonitoringRoles(strapi: Core.Strapi): Promise<void> {
  await ensureRole(strapi, POLICE_ROLE, policePermissions);
  await ensureRole(strapi, AREA_HEAD_ROLE, areaHeadPermissions);
}
