import type { Core } from '@strapi/strapi';
import { SIGHTING_STATUS } from '@thanh-thuy/content-types';

export const PASSED_TO_POLICE_CONDITION = 'api::passed-to-police';

/**
 * Công an xã sees a sighting from the moment it is passed to them ("Chuyển Công an xã") and
 * keeps seeing it after they settle it (passedToPolice stays set, sighting-history.ts).
 * Registered before the roles: Strapi drops a permission's unknown conditions when it saves them.
 */
export async function registerPassedToPoliceCondition(strapi: Core.Strapi): Promise<void> {
  const { conditionProvider } = strapi.service('admin::permission') as {
    conditionProvider: { has: (id: string) => boolean; register: (condition: Record<string, unknown>) => Promise<unknown> };
  };
  if (conditionProvider.has(PASSED_TO_POLICE_CONDITION)) return;
  await conditionProvider.register({
    name: 'passed-to-police',
    displayName: 'Chỉ thông tin đã chuyển Công an xã',
    handler: () => ({ $or: [{ state: SIGHTING_STATUS.toPolice }, { passedToPolice: true }] }),
  });
}
