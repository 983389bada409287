import type { Core } from '@strapi/strapi';
import { SIGHTING_STATUS } from '@thanh-thuy/content-types';
import { COMMUNE_CONDITION, COMMUNE_POLICE_CONDITION, communesOfUser } from './commune-roles';

/**
 * The permission condition of a commune's roles: a piece matches when it is of one of the
 * editor's communes. Strapi applies it to every content-manager route (lists are filtered,
 * a single piece of another commune is forbidden) and to the publish actions; it matches
 * nothing for a user who works for no commune.
 * https://docs.strapi.io/cms/configurations/guides/rbac
 */
export async function registerCommuneCondition(strapi: Core.Strapi): Promise<void> {
  const { conditionProvider } = strapi.service('admin::permission') as {
    conditionProvider: { has: (id: string) => boolean; register: (condition: Record<string, unknown>) => Promise<unknown> };
  };
  if (!conditionProvider.has(COMMUNE_POLICE_CONDITION)) {
    // A commune's police: «passed to the police» (monitoring/passed-to-police-condition.ts), and
    // of their commune. One condition, since Strapi grants when any one of them matches.
    await conditionProvider.register({
      name: 'passed-to-the-police-of-the-commune',
      displayName: 'Chỉ thông tin của xã, phường mình đã chuyển Công an',
      async handler(user: { id: number }) {
        const { communes } = await communesOfUser(strapi, user.id);
        return { $and: [{ $or: [{ state: SIGHTING_STATUS.toPolice }, { passedToPolice: true }] }, { commune: { $in: communes } }] };
      },
    });
  }
  if (conditionProvider.has(COMMUNE_CONDITION)) return;
  await conditionProvider.register({
    name: 'commune-of-the-editor',
    displayName: 'Chỉ bài của xã, phường mình',
    async handler(user: { id: number }) {
      const { communes } = await communesOfUser(strapi, user.id);
      return { commune: { $in: communes } };
    },
  });
}
