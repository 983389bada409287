import type { Core } from '@strapi/strapi';
import { unusedMediaQuery } from '../media/unused-media-condition';
import { COMMUNE_MEDIA_CONDITION, COMMUNE_UNUSED_MEDIA_CONDITION, communeRoleCodes, communesOfUser } from './commune-roles';

/** The admin users who work for one of `userId`'s communes (themselves included): one query for those users only. */
async function colleaguesOf(strapi: Core.Strapi, userId: number): Promise<number[]> {
  const { communes } = await communesOfUser(strapi, userId);
  if (communes.length === 0) return [userId];
  const users = (await strapi.db.query('admin::user').findMany({ where: { roles: { code: { $in: communeRoleCodes(communes) } } }, select: ['id'] })) as Array<{ id: number }>;
  return [...new Set([userId, ...users.map((u) => u.id)])];
}

/**
 * The media library of a commune: files uploaded by someone who works for the same commune.
 * Files carry no commune of their own; who uploaded them does (Strapi's own "Is creator"
 * condition matches `createdBy.id` the same way). For replacing and deleting, a commune
 * editor is also held to files no published piece shows (unused-media-condition.ts): Strapi
 * grants a permission when any one of its conditions matches, so the two are one condition.
 */
export async function registerCommuneMediaConditions(strapi: Core.Strapi): Promise<void> {
  const { conditionProvider } = strapi.service('admin::permission') as {
    conditionProvider: { has: (id: string) => boolean; register: (condition: Record<string, unknown>) => Promise<unknown> };
  };
  if (!conditionProvider.has(COMMUNE_MEDIA_CONDITION)) {
    await conditionProvider.register({
      name: 'media-of-the-commune',
      displayName: 'Chỉ tệp do cán bộ xã, phường mình tải lên',
      handler: async (user: { id: number }) => ({ 'createdBy.id': { $in: await colleaguesOf(strapi, user.id) } }),
    });
  }
  if (!conditionProvider.has(COMMUNE_UNUSED_MEDIA_CONDITION)) {
    await conditionProvider.register({
      name: 'commune-media-not-on-the-portal',
      displayName: 'Chỉ tệp của xã, phường mình chưa hiện trên cổng thông tin',
      handler: async (user: { id: number }) => ({ $and: [{ 'createdBy.id': { $in: await colleaguesOf(strapi, user.id) } }, await unusedMediaQuery(strapi)] }),
    });
  }
}
