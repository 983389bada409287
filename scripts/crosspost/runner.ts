import type { Caption, CaptionSource } from './caption.ts';
import type { Channel, ChannelName, Progress, Publication } from './channels/channel.ts';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from './channels/channel-errors.ts';
import type { Claim, ClaimedPiece, LedgerClient, Outcome } from './ledger-client.ts';
import { backoff } from './backoff.ts';
import { broadcastOnce } from './broadcast-once.ts';
import { removeCopy } from './remove-copy.ts';

// Never twice: "sending" is written by the claim, before any platform call; a channel saves
// its step data before a step whose answer could be lost; an outcome that may have posted is
// reconciled with the platform (find) before anything is sent again, and when the platform
// cannot tell, the job stops at "review" for a person instead of posting again.

export interface RunnerDeps {
  ledger: LedgerClient;
  channels: ReadonlyMap<ChannelName, Channel | undefined>;
  /** Public portal address pieces are linked at (SITE_URL). */
  siteUrl: string;
  /**
   * Where this machine reaches the CMS (CMS_URL). A piece's video is read from the CMS's
   * uploads: the portal does not carry videos, and the runner runs beside the CMS.
   */
  cmsUrl: string;
  /** Is the page live? The post must not link to a page that is not served yet. */
  isLive: (url: string) => Promise<boolean>;
  /**
   * The live page's share image (share-image.ts), which becomes the post's picture; absent,
   * the cover's own address is used.
   */
  shareImage?: (pageUrl: string) => Promise<string | undefined>;
  /** The caption for a channel (caption.ts captionFor), cut to its limits; `custom` is the editor's own. */
  caption: (channel: ChannelName, source: CaptionSource) => Caption;
  leaseMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  maxAttempts?: number;
  log?: (line: string) => void;
  /**
   * In a province, a commune's own accounts and portal: a job the CMS queued for a commune's
   * account (job.commune) posts with its channels and links to its portal's copy of the piece.
   */
  accountsOf?: (commune: string) => CommuneAccounts;
}

/** What differs from one commune of a province to the next. */
export type CommuneAccounts = Pick<RunnerDeps, 'channels' | 'siteUrl' | 'isLive' | 'shareImage'>;

const WAIT_FOR_LIVE_MS = 2_000;

export function publicationOf(piece: ClaimedPiece, channel: ChannelName, deps: Pick<RunnerDeps, 'siteUrl' | 'cmsUrl' | 'caption'>): Publication {
  const base = deps.siteUrl.replace(/\/$/, '');
  const url = `${base}/${piece.section}/${piece.slug}/`;
  // The editor's own words for this platform, if any (the webhook carries data, not a caption).
  const custom = channel === 'webhook' ? undefined : piece.captions[channel];
  const caption = deps.caption(channel, { title: piece.title, summary: piece.summary, url, custom });
  return {
    documentId: piece.documentId,
    kind: piece.kind,
    url,
    title: piece.title,
    summary: piece.summary,
    caption: caption.text,
    ...('description' in caption ? { captionParts: { title: caption.title, description: caption.description } } : {}),
    imageUrl: piece.cover ? new URL(piece.cover.url, `${base}/`).toString() : undefined,
    // Relative with Strapi's local provider (/uploads/…), absolute with a cloud one.
    videoUrl: piece.video ? new URL(piece.video.url, `${deps.cmsUrl.replace(/\/$/, '')}/`).toString() : undefined,
    publishedAt: piece.publishedAt,
  };
}

/** What an officer pastes by hand when the commune has no API access for a channel. */
export function outboxPayload(channel: ChannelName, publication: Publication) {
  return { channel, caption: publication.caption, link: publication.url, imageUrl: publication.imageUrl ?? null, title: publication.title };
}

function progressOf(claim: Claim, deps: RunnerDeps): Progress {
  let saved: Record<string, unknown> = claim.job.progress ? (JSON.parse(claim.job.progress) as Record<string, unknown>) : {};
  return {
    get saved() {
      return saved;
    },
    async save(step) {
      const next = { ...saved, ...step };
      // Not ours any more: stop before the step the save was meant to protect.
      if (!(await deps.ledger.saveProgress(claim.job.id, next))) throw new Error(`Job ${claim.job.id} was taken over by another runner`);
      saved = next;
    },
  };
}

async function createOnce(channel: Channel, publication: Publication, progress: Progress, mustReconcile: boolean): Promise<Outcome> {
  if (mustReconcile) {
    const lookup = await channel.find(publication, progress);
    if ('found' in lookup) return { outcome: 'posted', ...lookup.found, payload: publication, ...broadcastWanted(channel) };
    if ('unknown' in lookup) return { outcome: 'review', error: `Không xác định được bài đã lên ${channel.name} hay chưa (${lookup.unknown}). Hãy kiểm tra trên nền tảng rồi bấm "Đã đăng tay" hoặc "Thử lại".` };
  }
  const post = await channel.create(publication, progress);
  // What was sent stays in the ledger: a later withdrawal names the piece as it was posted.
  return { outcome: 'posted', ...post, payload: publication, ...broadcastWanted(channel) };
}

/** A channel set to announce new posts to its followers asks the CMS to queue that, once. */
const broadcastWanted = (channel: Channel) => (channel.broadcast ? { broadcast: true } : {});

/**
 * What a job goes out with: in a province, a commune's account job with that commune's channels
 * and portal; the installation's webhook with its own channel, linking to the portal of the
 * piece's commune (a province-wide piece: of the first commune it is addressed to, whose portal shows it). For one commune, the runner's own.
 */
function depsFor(claim: Claim, deps: RunnerDeps): RunnerDeps {
  if (!deps.accountsOf) return deps;
  if (claim.job.commune) return { ...deps, ...deps.accountsOf(claim.job.commune) };
  const home = claim.piece?.portal ?? claim.piece?.commune;
  if (!home) return deps;
  const { channels: _theirs, ...portal } = deps.accountsOf(home);
  return { ...deps, ...portal };
}

/** Works out one claimed job; never throws for a platform's failure, only for a bug or the CMS. */
export async function processClaim(claim: Claim, runnerDeps: RunnerDeps): Promise<Outcome> {
  const { job, piece } = claim;
  const deps = depsFor(claim, runnerDeps);
  const attempts = job.attempts ?? 1;
  // An editor's removal needs neither the piece (it may be unpublished by now) nor a live page.
  if (job.action === 'remove') return removeCopy(claim, deps.channels.get(job.channel), deps);
  if (!piece && job.action !== 'withdraw') return { outcome: 'skipped', error: 'Bài đã gỡ khỏi cổng thông tin trước khi được gửi.' };
  const channel = deps.channels.get(job.channel);
  const publication = piece ? publicationOf(piece, job.channel, deps) : undefined;

  if (publication && job.action !== 'withdraw' && !(await deps.isLive(publication.url))) {
    return { outcome: 'retry', retryAfterMs: WAIT_FOR_LIVE_MS, error: 'Chờ trang trên cổng thông tin được dựng xong.', countsAsAttempt: false };
  }
  // The post's picture is the page's own share image: the portal does not serve the cover's CMS path.
  if (publication?.imageUrl && job.action !== 'withdraw' && deps.shareImage) {
    publication.imageUrl = (await deps.shareImage(publication.url)) ?? publication.imageUrl;
  }
  if (!channel) {
    if (job.channel === 'webhook') return { outcome: 'skipped', error: 'Chưa cấu hình webhook (CROSSPOST_WEBHOOK_URL).' };
    if (job.action === 'create' && publication) return { outcome: 'outbox', payload: outboxPayload(job.channel, publication) };
    return { outcome: 'skipped', error: 'Kênh đang ở chế độ hộp thư chờ: nếu cần, sửa bài trên nền tảng bằng tay.' };
  }
  const progress = progressOf(claim, deps);
  try {
    if (job.action === 'create') {
      // The previous holder died mid-send, or an earlier attempt's answer was lost.
      const mustReconcile = claim.recovered || progress.saved.outcomeUnknown === true;
      return await createOnce(channel, publication!, progress, mustReconcile);
    }
    if (job.action === 'broadcast') return await broadcastOnce(channel, job, progress);
    const original = claim.original;
    if (job.action === 'update') {
      if (!original || original.state === 'pending' || original.state === 'sending') {
        return { outcome: 'retry', retryAfterMs: WAIT_FOR_LIVE_MS, error: 'Chờ bài gốc được đăng.', countsAsAttempt: false };
      }
      if (original.state !== 'posted' || !original.remoteId || !channel.update) return { outcome: 'skipped', error: 'Không có bài trên nền tảng để cập nhật.' };
      const post = await channel.update({ remoteId: original.remoteId, remoteUrl: original.remoteUrl ?? '' }, publication!, progress);
      return { outcome: 'posted', ...post };
    }
    // A withdrawal names the piece as it was sent: it may be gone from the CMS by now.
    const withdraw = (channel as Channel & { withdraw?: (p: Publication, progress: Progress, withdrawnAt: string) => Promise<unknown> }).withdraw;
    const sent = original?.payload ? (JSON.parse(original.payload) as Publication) : undefined;
    if (!withdraw || !sent) return { outcome: 'skipped', error: `${channel.name} không nhận thông báo gỡ bài, hoặc bài chưa từng được gửi.` };
    // The job's creation time is the withdrawal's: the same on every retry, so one webhook-id.
    await withdraw.call(channel, sent, progress, job.createdAt);
    return { outcome: 'posted', remoteId: String((progress.saved.webhookWithdrawal as { id?: string } | undefined)?.id ?? job.pieceId), remoteUrl: sent.url };
  } catch (error) {
    if (error instanceof PermanentChannelError) return { outcome: 'failed', error: error.editorMessage };
    if (error instanceof UnknownOutcomeError) {
      // The post may exist: mark it so every later attempt looks for it before creating.
      await progress.save({ outcomeUnknown: true });
      if (attempts >= (deps.maxAttempts ?? 6)) return { outcome: 'review', error: `Không rõ bài đã lên ${job.channel} chưa sau ${attempts} lần thử. Hãy kiểm tra trên nền tảng.` };
      return { outcome: 'retry', retryAfterMs: backoff(attempts, deps), error: `Chưa rõ kết quả (${error.message}); sẽ kiểm tra trên nền tảng trước khi thử lại.`, countsAsAttempt: true };
    }
    const hint = error instanceof TransientChannelError ? error.retryAfterMs : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if (attempts >= (deps.maxAttempts ?? 6)) return { outcome: 'failed', error: `Đã thử ${attempts} lần không thành công: ${message}` };
    return { outcome: 'retry', retryAfterMs: backoff(attempts, deps, hint), error: `Lỗi tạm thời, sẽ thử lại: ${message}`, countsAsAttempt: true };
  }
}

/** Claims and works out due jobs until none is left; returns how many it handled. */
export async function drain(deps: RunnerDeps): Promise<number> {
  let handled = 0;
  for (;;) {
    const claim = await deps.ledger.claim(deps.leaseMs ?? 120_000);
    if (!claim) return handled;
    const outcome = await processClaim(claim, deps);
    const recorded = await deps.ledger.record(claim.job.id, outcome);
    deps.log?.(`[chia sẻ] ${claim.job.channel} ${claim.job.action} ${claim.job.pieceId}: ${outcome.outcome}${recorded ? '' : ' (không ghi được: việc đã chuyển cho tiến trình khác)'}`);
    handled += 1;
  }
}

/** Polls the ledger every intervalMs; stop() waits for the job in hand to be recorded. */
export function startRunner(deps: RunnerDeps, intervalMs = 1_000): { stop: () => Promise<void> } {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    current = drain(deps)
      .catch((error: Error) => deps.log?.(`[chia sẻ] ${error.message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
