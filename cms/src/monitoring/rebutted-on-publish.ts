import type { Core, UID } from '@strapi/strapi';
import { SIGHTING_STATUS, factCheck, uidOf } from '@thanh-thuy/content-types';
import { SIGHTING_UID } from './sighting-history';

const FACT_CHECK_UID = uidOf(factCheck) as UID.ContentType;

/**
 * When a fact-check goes public, every sighting it answers becomes "Đã phản bác". The update
 * goes through the document service, so sighting-history.ts records the step (who published,
 * when, which piece).
 */
export function registerRebuttedOnPublish(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== FACT_CHECK_UID || context.action !== 'publish') return next();
    const result = await next();
    const documentId = (context.params as { documentId?: string }).documentId;
    if (!documentId) return result;
    const piece = (await strapi.documents(FACT_CHECK_UID).findOne({ documentId, status: 'published', fields: ['title'] } as never)) as { title?: string } | null;
    if (!piece) return result;
    const answered = (await strapi.documents(SIGHTING_UID).findMany({
      filters: { factCheck: { documentId }, state: { $ne: SIGHTING_STATUS.rebutted } },
      fields: ['documentId'],
    } as never)) as Array<{ documentId: string }>;
    for (const { documentId: sightingId } of answered) {
      await strapi.documents(SIGHTING_UID).update({
        documentId: sightingId,
        data: { state: SIGHTING_STATUS.rebutted, handlingNote: `Đã xuất bản bài phản bác «${piece.title ?? ''}».` },
      } as never);
    }
    return result;
  });
}
