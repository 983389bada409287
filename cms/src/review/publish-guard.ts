import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REVIEW_STATE } from '@thanh-thuy/content-types';
import { actingUser, nameOf } from '../monitoring/acting-user';
import { draftDigest } from './draft-digest';
import { creatorOf, isSuperAdmin, reviewedKinds } from './review-actions';
import { recordStep, reviewOf, stateOf } from './review-record';
import { reviewRefusals } from './review-refusals';

type AdminUser = NonNullable<ReturnType<typeof actingUser>> & { roles?: Array<{ code?: string }> };

const PUBLISHED_NOTE = 'Đã xuất bản';
const EDITED_NOTE = 'Bản nháp được sửa sau khi duyệt; cần duyệt lại.';

/**
 * Why this publish must wait, or null when it may go ahead. Publishing needs the current draft
 * approved by someone who neither wrote it nor sent it; a Super Admin may publish directly. Code
 * running without an admin user (demo seed, restore, the scheduler) is trusted here: the
 * scheduler checks the approval itself (approval.ts).
 */
async function publishRefusal(strapi: Core.Strapi, uid: string, documentId: string, user: AdminUser): Promise<string | null> {
  if (isSuperAdmin(user)) return null;
  const kind = reviewedKinds.get(uid)!;
  const record = await reviewOf(strapi, uid, documentId);
  if (record?.state !== REVIEW_STATE.approved) return reviewRefusals.notApproved(stateOf(record));
  const creator = await creatorOf(strapi, { uid, documentId });
  if (record.approvedById === null || record.approvedById === creator || record.approvedById === record.submittedById) return reviewRefusals.approvedByAuthor;
  const digest = await draftDigest(strapi, kind, uid, documentId);
  if (digest !== record.approvedDigest) return reviewRefusals.changedSinceApproval;
  return null;
}

/**
 * The review workflow's hold on Strapi's draft/published: a publish by an admin user waits for
 * an approval (four eyes), an edit of an approved draft sends it back to Chờ duyệt, and each
 * publication is written into the piece's review history. Registered after validation, so a
 * refused save records nothing.
 */
export function registerReviewGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const documentId = (context.params as { documentId?: string }).documentId;
    const kind = reviewedKinds.get(context.uid);
    if (!kind || !documentId || (context.action !== 'publish' && context.action !== 'update')) return next();
    const user = actingUser(strapi) as AdminUser | null;
    const who = user ? { id: user.id as number, name: nameOf(user) } : null;

    if (context.action === 'update') {
      const result = await next();
      if (!who) return result;
      const record = await reviewOf(strapi, context.uid, documentId);
      if (record?.state !== REVIEW_STATE.approved) return result;
      const digest = await draftDigest(strapi, kind, context.uid, documentId);
      if (digest !== record.approvedDigest) {
        await recordStep(strapi, { uid: context.uid, documentId }, REVIEW_STATE.waiting, who, EDITED_NOTE, {
          submittedById: who.id,
          submittedBy: who.name,
          submittedAt: new Date().toISOString(),
          approvedById: null,
          approvedDigest: null,
        });
      }
      return result;
    }

    if (user) {
      const refusal = await publishRefusal(strapi, context.uid, documentId, user);
      if (refusal) throw new errors.ApplicationError(refusal);
    }
    const result = await next();
    const record = await reviewOf(strapi, context.uid, documentId);
    if (record || who) await recordStep(strapi, { uid: context.uid, documentId }, stateOf(record), who, PUBLISHED_NOTE);
    return result;
  });
}
