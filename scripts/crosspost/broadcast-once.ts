import type { Channel, Progress } from './channels/channel.ts';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from './channels/channel-errors.ts';
import type { LedgerJob, Outcome } from './ledger-client.ts';

/** Progress key of a broadcast: 'started' is written before the call, then its fate. */
export const BROADCAST_STEP = 'broadcast';
const BROADCAST_MESSAGE = 'broadcastMessageId';

const UNKNOWN =
  'Không rõ thông báo bài viết đã tới người quan tâm Zalo OA hay chưa (lần gửi trước không nhận được trả lời). ' +
  'Hãy xem lịch sử tin nhắn trên trang quản trị Zalo OA; nếu chưa gửi thì gửi tay từ đó. Hệ thống không tự gửi lại để tránh gửi hai lần.';

/**
 * Works out a broadcast job: announces the new article to the OA's followers at most once. The
 * step is marked 'started' in the ledger before the call; finding that mark on a later attempt
 * (a lost answer, a runner that died mid-call) means the broadcast may have gone out, so the job
 * stops at "cần kiểm tra" for a person instead of sending again. A refusal the platform answered
 * clears the mark: nothing went out, and a retry may send.
 */
export async function broadcastOnce(channel: Channel, job: LedgerJob, progress: Progress): Promise<Outcome> {
  if (!channel.broadcast) return { outcome: 'skipped', error: 'Chưa bật gửi thông báo tới người quan tâm (ZALO_BROADCAST).' };
  if (!job.remoteId) return { outcome: 'failed', error: 'Không rõ mã bài viết Zalo để gửi thông báo.' };
  const step = progress.saved[BROADCAST_STEP];
  const messageId = progress.saved[BROADCAST_MESSAGE];
  // Sent by an attempt that died before the ledger recorded it: record it, send nothing.
  if (step === 'sent' && typeof messageId === 'string') return { outcome: 'posted', remoteId: messageId, remoteUrl: job.remoteUrl ?? '' };
  if (step === 'started' || step === 'sent') return { outcome: 'review', error: UNKNOWN };
  await progress.save({ [BROADCAST_STEP]: 'started' });
  try {
    const sent = await channel.broadcast({ remoteId: job.remoteId, remoteUrl: job.remoteUrl ?? '' });
    await progress.save({ [BROADCAST_STEP]: 'sent', [BROADCAST_MESSAGE]: sent.messageId });
    return { outcome: 'posted', remoteId: sent.messageId, remoteUrl: job.remoteUrl ?? '' };
  } catch (error) {
    if (error instanceof UnknownOutcomeError) return { outcome: 'review', error: UNKNOWN };
    if (error instanceof PermanentChannelError || error instanceof TransientChannelError) {
      // The platform answered, refusing: nothing went out.
      await progress.save({ [BROADCAST_STEP]: 'not-sent' });
    }
    throw error;
  }
}
