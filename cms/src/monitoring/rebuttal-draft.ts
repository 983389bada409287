import type { Core, UID } from '@strapi/strapi';
import { SIGHTING_STATUS, factCheck, uidOf } from '@thanh-thuy/content-types';
import { SIGHTING_UID } from './sighting-history';

export const FACT_CHECK_UID = uidOf(factCheck) as UID.ContentType;
/** The plan's theme II.8, which every fact-check must carry. */
const REBUTTAL_THEME = 'phan-bac-thong-tin-xau-doc';

const dayIn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
const vietnameseDay = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

export interface SightingForRebuttal {
  documentId: string;
  platform: string;
  url: string | null;
  content: string;
  seenAt: string;
  state: string;
  themes?: Array<{ documentId: string }>;
  factCheck?: { documentId: string; title: string | null } | null;
}

export async function sightingForRebuttal(strapi: Core.Strapi, documentId: string): Promise<SightingForRebuttal | null> {
  // The database layer, not the document service: the rebuttal is a draft until a reviewer
  // publishes it, and the document service populates only published rows of it. A sighting has
  // no draft state, so it is one row per documentId.
  return (await strapi.db.query(SIGHTING_UID).findOne({
    where: { documentId },
    populate: { themes: { select: ['documentId'] }, factCheck: { select: ['documentId', 'title'] } },
  })) as SightingForRebuttal | null;
}

/**
 * "Tạo bài phản bác": a draft fact-check carrying the sighting's claim, link, platform and the
 * day it was seen (in the commune's time zone), linked from the sighting, which moves to
 * "Đang xác minh" with a step saying so. The draft goes through the same validation as one an
 * editor types; its title is a placeholder the editor rewrites.
 */
export async function createRebuttalDraft(strapi: Core.Strapi, found: SightingForRebuttal, userId: number | null): Promise<{ documentId: string; title: string }> {
  const seen = new Date(found.seenAt);
  const title = `Phản bác thông tin trên ${found.platform} ngày ${vietnameseDay.format(seen)}`;
  const themes = (await strapi.documents('api::theme.theme' as UID.ContentType).findMany({ filters: { key: REBUTTAL_THEME }, fields: ['documentId'] } as never)) as Array<{ documentId: string }>;
  const themeIds = [...new Set([...themes, ...(found.themes ?? [])].map((t) => t.documentId))];
  const creator = userId ? { createdBy: userId, updatedBy: userId } : {};
  const draft = (await strapi.documents(FACT_CHECK_UID).create({
    data: {
      title,
      claim: found.content,
      claimPlatform: found.platform,
      ...(found.url ? { claimUrl: found.url } : {}),
      claimSeenAt: dayIn.format(seen),
      themes: { connect: themeIds.map((id) => ({ documentId: id })) },
      ...creator,
    },
  } as never)) as { documentId: string };
  await strapi.documents(SIGHTING_UID).update({
    documentId: found.documentId,
    data: {
      factCheck: { connect: [{ documentId: draft.documentId }] },
      state: SIGHTING_STATUS.verifying,
      handlingNote: `Đã tạo bản nháp bài phản bác «${title}».`,
    },
  } as never);
  return { documentId: draft.documentId, title };
}
