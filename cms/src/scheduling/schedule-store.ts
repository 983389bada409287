import type { Core, UID } from '@strapi/strapi';
import { publicationSchedule, uidOf } from '@thanh-thuy/content-types';

export const SCHEDULE_UID = uidOf(publicationSchedule) as UID.ContentType;

export interface ScheduleRow {
  id: number;
  documentId: string;
  pieceUid: string;
  pieceId: string;
  publishAt: string | null;
  unpublishAt: string | null;
  setBy: string | null;
  publishDoneAt: string | null;
  unpublishDoneAt: string | null;
  lastOutcome: string | null;
}

export const schedules = (strapi: Core.Strapi) => strapi.db.query(SCHEDULE_UID);

export async function scheduleOf(strapi: Core.Strapi, pieceUid: string, pieceId: string): Promise<ScheduleRow | null> {
  return ((await schedules(strapi).findOne({ where: { pieceUid, pieceId } })) as ScheduleRow | null) ?? null;
}

/**
 * Sets a piece's times. A time that changes is handled afresh (its "done" mark is cleared), so a
 * piece can be scheduled again after an earlier schedule ran.
 */
export async function saveSchedule(
  strapi: Core.Strapi,
  piece: { uid: string; documentId: string },
  times: { publishAt: Date | null; unpublishAt: Date | null },
  setBy: string | null,
): Promise<ScheduleRow> {
  const current = await scheduleOf(strapi, piece.uid, piece.documentId);
  const same = (a: string | null | undefined, b: Date | null) => (a ? new Date(a).getTime() : null) === (b ? b.getTime() : null);
  const data = {
    publishAt: times.publishAt,
    unpublishAt: times.unpublishAt,
    setBy,
    publishDoneAt: current && same(current.publishAt, times.publishAt) ? current.publishDoneAt : null,
    unpublishDoneAt: current && same(current.unpublishAt, times.unpublishAt) ? current.unpublishDoneAt : null,
  };
  if (current) return (await schedules(strapi).update({ where: { id: current.id }, data })) as ScheduleRow;
  return (await schedules(strapi).create({ data: { pieceUid: piece.uid, pieceId: piece.documentId, ...data } })) as ScheduleRow;
}

/**
 * Claims one due time for this process: a conditional UPDATE of the "done" mark, so of several
 * CMS processes ticking at once exactly one acts on it.
 */
export async function claim(strapi: Core.Strapi, row: ScheduleRow, which: 'publish' | 'unpublish', now: Date): Promise<boolean> {
  const done = which === 'publish' ? 'publishDoneAt' : 'unpublishDoneAt';
  const { count } = (await schedules(strapi).updateMany({
    where: { id: row.id, [done]: { $null: true } },
    data: { [done]: now },
  })) as { count: number };
  return count === 1;
}

export async function recordOutcome(strapi: Core.Strapi, row: ScheduleRow, outcome: string): Promise<void> {
  await schedules(strapi).update({ where: { id: row.id }, data: { lastOutcome: outcome.slice(0, 1000) } });
}
