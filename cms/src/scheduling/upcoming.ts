import type { Core, UID } from '@strapi/strapi';
import { reviewedKinds } from '../review/review-actions';
import { schedules, type ScheduleRow } from './schedule-store';

export interface UpcomingAction {
  uid: string;
  kind: string;
  documentId: string;
  title: string;
  action: 'Đăng' | 'Gỡ';
  at: string;
}

/** Times not yet handled, soonest first: what the scheduler will do next. */
export async function upcomingActions(strapi: Core.Strapi, limit = 100): Promise<UpcomingAction[]> {
  const rows = (await schedules(strapi).findMany({
    where: { $or: [{ publishAt: { $notNull: true }, publishDoneAt: { $null: true } }, { unpublishAt: { $notNull: true }, unpublishDoneAt: { $null: true } }] },
  })) as ScheduleRow[];
  const actions: UpcomingAction[] = [];
  for (const row of rows) {
    const kind = reviewedKinds.get(row.pieceUid);
    if (!kind) continue;
    const draft = (await strapi.db.query(row.pieceUid as UID.ContentType).findOne({ where: { documentId: row.pieceId, publishedAt: null }, select: ['title'] })) as {
      title?: string;
    } | null;
    if (!draft) continue;
    const base = { uid: row.pieceUid, kind: kind.displayName, documentId: row.pieceId, title: draft.title ?? '' };
    if (row.publishAt && !row.publishDoneAt) actions.push({ ...base, action: 'Đăng', at: new Date(row.publishAt).toISOString() });
    if (row.unpublishAt && !row.unpublishDoneAt) actions.push({ ...base, action: 'Gỡ', at: new Date(row.unpublishAt).toISOString() });
  }
  return actions.sort((a, b) => a.at.localeCompare(b.at)).slice(0, limit);
}
