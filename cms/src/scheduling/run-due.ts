import type { Core } from '@strapi/strapi';
import { isApproved, reviewOf } from '../review/approval';
import { stateOf } from '../review/review-record';
import { claim, recordOutcome, schedules, type ScheduleRow } from './schedule-store';
import { vietnamTime } from './vietnam-time';

/** How late a time may be handled and still count as on time (a few ticks). */
const ON_TIME_MS = 60_000;

export interface TickResult {
  published: string[];
  unpublished: string[];
  refused: string[];
}

const lateBy = (at: string, now: Date) => now.getTime() - new Date(at).getTime();
const minutes = (ms: number) => Math.round(ms / 60_000);

function late(strapi: Core.Strapi, row: ScheduleRow, which: 'publish' | 'unpublish', at: string, now: Date): string {
  const ms = lateBy(at, now);
  if (ms <= ON_TIME_MS) return '';
  strapi.log.warn(`Scheduler caught up a missed ${which} of ${row.pieceUid} ${row.pieceId}: due ${at}, done ${now.toISOString()} (${minutes(ms)} min late; the CMS was not running)`);
  return ` (trễ ${minutes(ms)} phút vì máy chủ không chạy đúng giờ)`;
}

async function isPublished(strapi: Core.Strapi, row: ScheduleRow): Promise<boolean> {
  return Boolean(await strapi.documents(row.pieceUid as never).findOne({ documentId: row.pieceId, status: 'published' } as never));
}

async function exists(strapi: Core.Strapi, row: ScheduleRow): Promise<boolean> {
  return Boolean(await strapi.documents(row.pieceUid as never).findOne({ documentId: row.pieceId } as never));
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function publishDue(strapi: Core.Strapi, row: ScheduleRow, now: Date, result: TickResult): Promise<void> {
  const at = row.publishAt!;
  if (!(await claim(strapi, row, 'publish', now))) return;
  const refuse = async (why: string) => {
    result.refused.push(row.pieceId);
    strapi.log.warn(`Scheduler did not publish ${row.pieceUid} ${row.pieceId} due ${at}: ${why}`);
    await recordOutcome(strapi, row, `Không đăng lúc ${vietnamTime(at)}: ${why}`);
  };
  if (!(await exists(strapi, row))) return refuse('tin bài đã bị xóa.');
  // Both times passed while the CMS was down: publishing now would only post it to the
  // commune's channels for a moment.
  if (row.unpublishAt && new Date(row.unpublishAt) <= now) return refuse('đã quá giờ gỡ.');
  // The guard trusts code without an admin user, so the scheduler checks the approval itself.
  if (!(await isApproved(strapi, row.pieceUid, row.pieceId))) {
    return refuse(`tin bài chưa được duyệt (đang «${stateOf(await reviewOf(strapi, row.pieceUid, row.pieceId))}»).`);
  }
  try {
    await strapi.documents(row.pieceUid as never).publish({ documentId: row.pieceId } as never);
  } catch (error) {
    return refuse(reason(error));
  }
  result.published.push(row.pieceId);
  const lateness = late(strapi, row, 'publish', at, now);
  strapi.log.info(`Scheduler published ${row.pieceUid} ${row.pieceId} due ${at}`);
  await recordOutcome(strapi, row, `Đã đăng theo lịch lúc ${vietnamTime(now)}${lateness}.`);
}

async function unpublishDue(strapi: Core.Strapi, row: ScheduleRow, now: Date, result: TickResult): Promise<void> {
  const at = row.unpublishAt!;
  if (!(await claim(strapi, row, 'unpublish', now))) return;
  if (!(await isPublished(strapi, row))) {
    await recordOutcome(strapi, row, `Không cần gỡ lúc ${vietnamTime(at)}: tin bài không đang đăng.`);
    return;
  }
  try {
    await strapi.documents(row.pieceUid as never).unpublish({ documentId: row.pieceId } as never);
  } catch (error) {
    result.refused.push(row.pieceId);
    await recordOutcome(strapi, row, `Không gỡ được lúc ${vietnamTime(at)}: ${reason(error)}`);
    return;
  }
  result.unpublished.push(row.pieceId);
  const lateness = late(strapi, row, 'unpublish', at, now);
  strapi.log.info(`Scheduler unpublished ${row.pieceUid} ${row.pieceId} due ${at}`);
  await recordOutcome(strapi, row, `Đã gỡ theo lịch lúc ${vietnamTime(now)}${lateness}.`);
}

/** Publishes and unpublishes whatever is due at `now`: publishes first, so a piece due for both in one tick ends unpublished. */
export async function runDue(strapi: Core.Strapi, now: Date): Promise<TickResult> {
  const result: TickResult = { published: [], unpublished: [], refused: [] };
  const rows = schedules(strapi);
  const toPublish = (await rows.findMany({ where: { publishAt: { $lte: now }, publishDoneAt: { $null: true } }, orderBy: [{ publishAt: 'asc' }] })) as ScheduleRow[];
  for (const row of toPublish) await publishDue(strapi, row, now, result);
  const toUnpublish = (await rows.findMany({ where: { unpublishAt: { $lte: now }, unpublishDoneAt: { $null: true } }, orderBy: [{ unpublishAt: 'asc' }] })) as ScheduleRow[];
  for (const row of toUnpublish) await unpublishDue(strapi, row, now, result);
  return result;
}
