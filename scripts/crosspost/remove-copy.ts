import { SHARED_CHANNEL_NAMES } from '@thanh-thuy/content-types';
import { backoff, type BackoffSettings } from './backoff.ts';
import type { Channel } from './channels/channel.ts';
import { PermanentChannelError, TransientChannelError } from './channels/channel-errors.ts';
import type { Claim, Outcome } from './ledger-client.ts';

/**
 * Works out a remove job: deletes the remote copy the job names. The remote id was copied from
 * the create row the editor chose when the removal was queued, so this never reaches another
 * generation's post. Deleting is idempotent (a copy already gone counts as removed), so a lost
 * answer is simply retried; nothing here can post.
 */
export async function removeCopy(claim: Claim, channel: Channel | undefined, deps: BackoffSettings & { maxAttempts?: number }): Promise<Outcome> {
  const { job } = claim;
  const name = (SHARED_CHANNEL_NAMES as Record<string, string>)[job.channel] ?? job.channel;
  const attempts = job.attempts ?? 1;
  if (!job.remoteId) return { outcome: 'failed', error: `Không rõ mã bài trên ${name} nên không gỡ được: hãy gỡ bài trực tiếp trên ${name}.` };
  if (!channel?.remove) {
    return { outcome: 'failed', error: `Máy chủ chưa có khóa kết nối ${name} nên không gỡ bài tự động được: hãy gỡ bài trực tiếp trên ${name}.` };
  }
  try {
    const { alreadyGone } = await channel.remove({ remoteId: job.remoteId, remoteUrl: job.remoteUrl ?? '' });
    return { outcome: 'removed', alreadyGone };
  } catch (error) {
    if (error instanceof PermanentChannelError) return { outcome: 'failed', error: error.editorMessage };
    const message = error instanceof Error ? error.message : String(error);
    if (attempts >= (deps.maxAttempts ?? 6)) return { outcome: 'failed', error: `Đã thử gỡ bài ${attempts} lần không thành công: ${message}` };
    const hint = error instanceof TransientChannelError ? error.retryAfterMs : undefined;
    return { outcome: 'retry', retryAfterMs: backoff(attempts, deps, hint), error: `Lỗi tạm thời khi gỡ bài, sẽ thử lại: ${message}`, countsAsAttempt: true };
  }
}
