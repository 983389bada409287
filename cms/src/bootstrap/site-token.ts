import type { Core } from '@strapi/strapi';
import { allTypes, communeOfTokenName, communeSiteToken, communeTokenName, uidOf } from '@thanh-thuy/content-types';

export const SITE_TOKEN_NAME = 'Cổng thông tin (chỉ đọc)';

/** The ledger's public face: where published pieces were shared (api/crosspost/routes/shared.ts). */
export const SHARED_POSTS_ACTION = 'api::crosspost.shared.find';

/** The plan's coverage for /ke-hoach/ (api/report/routes/report.ts): counts, never the report itself. */
export const PLAN_COVERAGE_ACTION = 'api::report.report.coverage';

/** The paths removed with "Gỡ bỏ", which the portal answers 410 Gone (api/gone-page/routes/gone-page.ts). */
export const GONE_PAGES_ACTION = 'api::gone-page.gone-page.find';

/**
 * What the portal build reads: find (and findOne) on the content model's types, where
 * published pieces were shared, the plan's coverage and the removed paths, nothing else.
 * A read-only token would also read the media library's file list (names of images uploaded
 * for drafts) and the users-permissions users; the portal needs neither.
 */
export function siteTokenActions(): string[] {
  return [
    ...allTypes.flatMap((type) => {
      const uid = uidOf(type);
      return type.kind === 'singleType' ? [`${uid}.find`] : [`${uid}.find`, `${uid}.findOne`];
    }),
    SHARED_POSTS_ACTION,
    PLAN_COVERAGE_ACTION,
    GONE_PAGES_ACTION,
  ];
}

type TokenRow = { id: number; accessKey: string; type: string };

const SITE_TOKEN_DESCRIPTION = 'Mã truy cập chỉ đọc nội dung đã xuất bản để dựng cổng thông tin điện tử; tạo tự động khi khởi động.';

/**
 * Creates the API token the portal build uses, with the value from the generated env file
 * (SITE_API_TOKEN), or re-keys it when that value changed. In a province (`communes`), each
 * commune's portal also gets its own token, derived from it (content-types tenancy.ts), which
 * reads that commune's content only; tokens of communes no longer served are revoked.
 */
export async function ensureSiteToken(strapi: Core.Strapi, value: string | undefined, communes: readonly string[] = []): Promise<void> {
  if (!value) {
    strapi.log.warn('SITE_API_TOKEN is not set: the portal cannot read the CMS. Run `npm start` to generate it.');
    return;
  }
  await ensureReadToken(strapi, SITE_TOKEN_NAME, SITE_TOKEN_DESCRIPTION, value);
  for (const commune of communes) {
    await ensureReadToken(strapi, communeTokenName(commune), `Mã truy cập chỉ đọc để dựng cổng thông tin của xã, phường ${commune}: chỉ đọc nội dung của xã, phường này và tin toàn tỉnh gửi tới nó; tạo tự động khi khởi động.`, communeSiteToken(value, commune));
  }
  const tokens = strapi.service('admin::api-token') as { revoke: (id: number) => Promise<unknown> };
  for (const row of (await strapi.db.query('admin::api-token').findMany({ select: ['id', 'name'] })) as Array<{ id: number; name: string }>) {
    const commune = communeOfTokenName(row.name);
    if (commune && !communes.includes(commune)) await tokens.revoke(row.id);
  }
}

/**
 * A read token with a value we choose, kept to exactly siteTokenActions(). No CLI creates
 * tokens, and the admin service only issues random values, so the rows are written directly
 * with the same hashing and encryption the admin uses.
 */
async function ensureReadToken(strapi: Core.Strapi, name: string, description: string, value: string): Promise<void> {
  const tokens = strapi.service('admin::api-token') as { hash: (key: string) => string };
  const encryption = strapi.service('admin::encryption') as { encrypt: (key: string) => string };
  const query = strapi.db.query('admin::api-token');
  const accessKey = tokens.hash(value);
  const existing = (await query.findOne({ where: { name } })) as TokenRow | null;
  const data = {
    name,
    description,
    type: 'custom',
    kind: 'content-api',
    accessKey,
    encryptedKey: encryption.encrypt(value),
    lifespan: null,
    expiresAt: null,
  };
  let token: TokenRow;
  if (!existing) token = (await query.create({ data })) as TokenRow;
  else if (existing.accessKey !== accessKey || existing.type !== 'custom') token = (await query.update({ where: { id: existing.id }, data })) as TokenRow;
  else token = existing;

  const permissions = strapi.db.query('admin::api-token-permission');
  const granted = (await permissions.findMany({ where: { token: token.id } })) as Array<{ id: number; action: string }>;
  const wanted = new Set(siteTokenActions());
  for (const action of wanted) {
    if (!granted.some((p) => p.action === action)) await permissions.create({ data: { action, token: token.id } });
  }
  for (const p of granted) {
    if (!wanted.has(p.action)) await permissions.delete({ where: { id: p.id } });
  }
}
