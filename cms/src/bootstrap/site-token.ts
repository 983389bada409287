import type { Core } from '@strapi/strapi';

export const SITE_TOKEN_NAME = 'Cổng thông tin (chỉ đọc)';

/**
 * Creates the read-only API token the portal build uses, with the value from the generated
 * env file (SITE_API_TOKEN), or re-keys it when that value changed. No CLI creates tokens,
 * and the admin service only issues random values, so the row is written directly with the
 * same hashing and encryption the admin uses.
 */
export async function ensureSiteToken(strapi: Core.Strapi, value: string | undefined): Promise<void> {
  if (!value) {
    strapi.log.warn('SITE_API_TOKEN is not set: the portal cannot read the CMS. Run `npm start` to generate it.');
    return;
  }
  const tokens = strapi.service('admin::api-token') as { hash: (key: string) => string };
  const encryption = strapi.service('admin::encryption') as { encrypt: (key: string) => string };
  const query = strapi.db.query('admin::api-token');
  const accessKey = tokens.hash(value);
  const existing = (await query.findOne({ where: { name: SITE_TOKEN_NAME } })) as { id: number; accessKey: string; type: string } | null;
  const data = {
    name: SITE_TOKEN_NAME,
    description: 'Mã truy cập chỉ đọc để dựng cổng thông tin điện tử; tạo tự động khi khởi động.',
    type: 'read-only',
    kind: 'content-api',
    accessKey,
    encryptedKey: encryption.encrypt(value),
    lifespan: null,
    expiresAt: null,
  };
  if (!existing) await query.create({ data });
  else if (existing.accessKey !== accessKey || existing.type !== 'read-only') await query.update({ where: { id: existing.id }, data });
}
