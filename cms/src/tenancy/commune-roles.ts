import type { Core } from '@strapi/strapi';
import { SLUG_BODY } from '@thanh-thuy/content-types';
import { EDITOR_ROLE, REVIEWER_ROLE, editorialPermissions, ensureRoleWith } from '../bootstrap/editor-roles';
import { AREA_HEAD_ROLE, POLICE_ROLE, areaHeadPermissions, ensureRole, policePermissions } from '../bootstrap/monitoring-roles';

// In a province (PROVINCE_COMMUNES), each commune has its own Biên tập viên and Lãnh đạo duyệt:
// the office's two roles, confined to pieces of that commune (commune-condition.ts). The
// commune is written into the role's code, which never changes when a super admin renames it.
export const COMMUNE_CONDITION = 'api::commune-of-the-editor';
export const COMMUNE_MEDIA_CONDITION = 'api::media-of-the-commune';
export const COMMUNE_UNUSED_MEDIA_CONDITION = 'api::commune-media-not-on-the-portal';

type Permission = ReturnType<typeof editorialPermissions>[number];

// Which of the media library's actions a commune's role holds only on its commune's files.
const MEDIA_OF_THE_COMMUNE = new Set(['plugin::upload.read', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link']);

/** The office's permissions, confined to the commune's pieces and media library. */
function communePermissions(strapi: Core.Strapi, role: 'editor' | 'reviewer'): Permission[] {
  return editorialPermissions(strapi, role, COMMUNE_CONDITION).map((p) => {
    if (MEDIA_OF_THE_COMMUNE.has(p.action)) return { ...p, conditions: [COMMUNE_MEDIA_CONDITION] };
    if (p.action === 'plugin::upload.assets.update') return { ...p, conditions: [role === 'editor' ? COMMUNE_UNUSED_MEDIA_CONDITION : COMMUNE_MEDIA_CONDITION] };
    return p;
  });
}

/** The roles each commune has its own of, as `<code>--<slug>`. */
const PER_COMMUNE = [EDITOR_ROLE, REVIEWER_ROLE, POLICE_ROLE, AREA_HEAD_ROLE].map((r) => r.code);
const CODE = new RegExp(`^(${PER_COMMUNE.join('|')})--(${SLUG_BODY})$`);

/** Every role code of these communes' own roles. */
export const communeRoleCodes = (communes: readonly string[]): string[] => communes.flatMap((commune) => PER_COMMUNE.map((code) => `${code}--${commune}`));
export const COMMUNE_POLICE_CONDITION = 'api::passed-to-the-police-of-the-commune';

export const communeRoleSpecs = (commune: string) => [
  { spec: { code: `${EDITOR_ROLE.code}--${commune}`, name: `${EDITOR_ROLE.name} (${commune})`, description: `${EDITOR_ROLE.description} Chỉ bài của xã, phường ${commune}.` }, role: 'editor' as const },
  { spec: { code: `${REVIEWER_ROLE.code}--${commune}`, name: `${REVIEWER_ROLE.name} (${commune})`, description: `${REVIEWER_ROLE.description} Chỉ bài của xã, phường ${commune}.` }, role: 'reviewer' as const },
];

/** The commune a role's code confines it to, if any. */
export function communeOfRole(code: string | null | undefined): string | null {
  return CODE.exec(code ?? '')?.[2] ?? null;
}

/**
 * The communes an admin user works for, and whether they also hold a role that is not
 * confined to one (the office's own, or super admin): then they are not confined either.
 */
export async function communesOfUser(strapi: Core.Strapi, userId: number | string): Promise<{ communes: string[]; confined: boolean }> {
  const user = (await strapi.db.query('admin::user').findOne({ where: { id: userId }, populate: ['roles'] })) as { roles?: Array<{ code: string }> } | null;
  const codes = (user?.roles ?? []).map((r) => r.code);
  const communes = [...new Set(codes.map(communeOfRole).filter((c): c is string => c !== null))];
  return { communes, confined: codes.length > 0 && communes.length === codes.length };
}

/**
 * The province's reviewer (Sở, Phòng Văn hóa): reads every commune's work, changes nothing.
 * The office's own two roles, confined to no commune, are the province's editors.
 */
export const PROVINCE_READER_ROLE = { code: 'tt-tinh-xem', name: 'Tỉnh: xem mọi xã, phường', description: 'Xem nội dung của mọi xã, phường; không sửa, không xuất bản.' };

/** Creates (or brings back in line) every commune's roles (office, police, area heads) and the province's reviewer. */
export async function ensureCommuneRoles(strapi: Core.Strapi, communes: readonly string[]): Promise<void> {
  if (communes.length === 0) return;
  await ensureRoleWith(strapi, PROVINCE_READER_ROLE, editorialPermissions(strapi, 'reader'));
  for (const commune of communes) {
    for (const { spec, role } of communeRoleSpecs(commune)) await ensureRoleWith(strapi, spec, communePermissions(strapi, role));
    // Outside the office: the commune's police see only the sightings of their commune passed
    // to them, and its residential-area heads pick from their commune's areas.
    const of = (spec: typeof POLICE_ROLE) => ({ code: `${spec.code}--${commune}`, name: `${spec.name} (${commune})`, description: `${spec.description} Chỉ của xã, phường ${commune}.` });
    await ensureRole(strapi, of(POLICE_ROLE), (all) => policePermissions(all, COMMUNE_POLICE_CONDITION));
    await ensureRole(strapi, of(AREA_HEAD_ROLE), (all) => areaHeadPermissions(all, COMMUNE_CONDITION));
  }
}
