import { CROSSPOST_ACTIONS, SHARED_CHANNELS, type CrosspostOutcome } from '@thanh-thuy/content-types';
import { z } from 'zod';
import type { ChannelName } from './channels/channel.ts';

// The runner's side of the CMS's /api/crosspost routes: claim a job, save a channel's step
// data, record the outcome. Every call carries the runner secret; the CMS holds the ledger.

export class LedgerRequestError extends Error {
  override name = 'LedgerRequestError';
  constructor(message: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const row = z.object({
  id: z.number(),
  pieceUid: z.string(),
  pieceId: z.string(),
  channel: z.enum(['facebook', 'zalo', 'youtube', 'tiktok', 'webhook']),
  /** In a province, whose account posts it (the runner's accountsOf); null for one commune. */
  commune: z.string().nullable().optional(),
  action: z.enum(CROSSPOST_ACTIONS),
  generation: z.number().nullable(),
  state: z.string(),
  attempts: z.number().nullable(),
  progress: z.string().nullable(),
  remoteId: z.string().nullable(),
  remoteUrl: z.string().nullable(),
  payload: z.string().nullable().optional(),
  createdAt: z.string(),
});

const claimResponse = z.object({
  job: row.nullable(),
  recovered: z.boolean().optional(),
  original: row.nullable().optional(),
  piece: z
    .object({
      documentId: z.string(),
      kind: z.string(),
      section: z.string(),
      slug: z.string(),
      title: z.string(),
      summary: z.string(),
      cover: z.object({ url: z.string() }).passthrough().nullable(),
      /** In a province, the piece's own commune; null for the province's pieces and for one commune. */
      commune: z.string().nullable().optional(),
      /** In a province, the commune whose portal the installation's webhook links to (its own; a province-wide piece's first addressee). */
      portal: z.string().nullable().optional(),
      /** The piece's video as the CMS serves it: url relative to the CMS with the local provider. */
      video: z
        .object({ url: z.string().min(1), mime: z.string().nullish(), size: z.number().nullish() })
        .passthrough()
        .nullable()
        .default(null),
      /** The editor's own caption per channel (shared.social-caption), at most one each. */
      captions: z.record(z.enum(SHARED_CHANNELS), z.string()).default({}),
      publishedAt: z.string(),
    })
    .nullable()
    .optional(),
});

export type LedgerJob = z.infer<typeof row> & { channel: ChannelName };
export type Claim = Required<Omit<z.infer<typeof claimResponse>, 'job'>> & { job: LedgerJob };
export type ClaimedPiece = NonNullable<Claim['piece']>;

export type Outcome = CrosspostOutcome;

export class LedgerClient {
  constructor(
    private readonly cmsUrl: string,
    private readonly secret: string,
    readonly runner: string,
  ) {}

  private async post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await fetch(`${this.cmsUrl}/api/crosspost${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new LedgerRequestError(`CMS unreachable: POST ${this.cmsUrl}/api/crosspost${path} failed`, undefined, { cause: error });
    }
    const json = (await res.json().catch(() => null)) as unknown;
    if (res.status !== 200 && res.status !== 409) throw new LedgerRequestError(`POST /api/crosspost${path} answered ${res.status}: ${JSON.stringify(json)}`, res.status);
    return { status: res.status, json };
  }

  async claim(leaseMs: number): Promise<Claim | null> {
    const { json } = await this.post('/claim', { runner: this.runner, leaseMs });
    const parsed = claimResponse.safeParse(json);
    if (!parsed.success) throw new LedgerRequestError(`The CMS's claim answer is malformed: ${parsed.error.issues[0]?.message}`);
    if (!parsed.data.job) return null;
    return { job: parsed.data.job, recovered: parsed.data.recovered ?? false, original: parsed.data.original ?? null, piece: parsed.data.piece ?? null } as Claim;
  }

  /** False when the job is no longer this runner's (its lease ran out and another took it). */
  async saveProgress(id: number, progress: Record<string, unknown>): Promise<boolean> {
    return (await this.post(`/jobs/${id}/progress`, { runner: this.runner, progress })).status === 200;
  }

  async record(id: number, result: Outcome): Promise<boolean> {
    return (await this.post(`/jobs/${id}/result`, { runner: this.runner, result })).status === 200;
  }
}
