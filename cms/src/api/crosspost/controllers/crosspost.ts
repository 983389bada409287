import type { Core } from '@strapi/strapi';
import { communesReached, contentKinds, crosspostOutcomeSchema, kindByKey, socialCaptionChannel, uidOf, type SharedChannel, type Tenancy } from '@thanh-thuy/content-types';
import { z } from 'zod';
import { claimNext, recordOutcome, saveProgress } from '../../../crosspost/claim';
import { laneWhere, ledger, type LedgerRow } from '../../../crosspost/ledger';
import { servedCommunes } from '../../../documents/commune-membership';

type Ctx = { request: { body?: unknown }; params: { id?: string }; body: unknown; status: number };

const claimBody = z.object({ runner: z.string().min(1).max(200), leaseMs: z.number().int().min(1000).max(3_600_000) });
const progressBody = z.object({ runner: z.string().min(1).max(200), progress: z.record(z.string(), z.unknown()) });
const resultBody = z.object({ runner: z.string().min(1).max(200), result: crosspostOutcomeSchema });

function parse<T>(schema: z.ZodType<T>, ctx: Ctx): T | undefined {
  const parsed = schema.safeParse(ctx.request.body);
  if (parsed.success) return parsed.data;
  ctx.status = 400;
  ctx.body = { error: `Invalid cross-post runner request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  return undefined;
}

const kindOfUid = new Map(contentKinds.map((k) => [uidOf(k), k.key]));

/** The editor's own caption per channel key ("Zalo" → zalo); validation allows one per channel. */
function captionsOf(items: unknown): Partial<Record<SharedChannel, string>> {
  const captions: Partial<Record<SharedChannel, string>> = {};
  for (const item of Array.isArray(items) ? (items as Array<{ channel?: unknown; text?: unknown }>) : []) {
    const channel = socialCaptionChannel(item.channel);
    if (channel && typeof item.text === 'string' && item.text.trim() && !(channel in captions)) captions[channel] = item.text;
  }
  return captions;
}

/** The published piece as the runner needs it, or null when it is no longer published. */
async function pieceOf(strapi: Core.Strapi, job: LedgerRow) {
  const piece = (await strapi.documents(job.pieceUid as never).findOne({
    documentId: job.pieceId,
    status: 'published',
    populate: {
      cover: { fields: ['url', 'hash', 'ext', 'updatedAt'] },
      // The upload's URL as the CMS serves it: relative (/uploads/…) with the local provider.
      video: { fields: ['url', 'mime', 'size', 'updatedAt'] },
      socialCaptions: true,
    },
  } as never)) as Record<string, unknown> | null;
  if (!piece) return null;
  const kind = kindOfUid.get(job.pieceUid);
  return {
    documentId: job.pieceId,
    kind,
    section: kind ? kindByKey(kind).section : undefined,
    slug: piece.slug,
    title: piece.title,
    summary: piece.summary,
    cover: piece.cover ?? null,
    video: piece.video ?? null,
    captions: captionsOf(piece.socialCaptions),
    // In a province, whose portal the piece is on (a province-wide piece: none of its own).
    commune: piece.provinceWide ? null : ((piece.commune as string | null | undefined) ?? null),
    // The portal a link to it goes to when no commune's account posts it (the webhook): its
    // own commune's, or for a province-wide piece the first commune it is addressed to.
    portal: servedCommunes().length ? (communesReached(piece as Tenancy, servedCommunes()).communes[0] ?? null) : null,
    // When the piece was first published: a republished correction keeps it (the CMS stamps
    // publishedAt anew on every publish), so a consumer dates the piece as the portal does.
    publishedAt: piece.firstPublishedAt ?? piece.publishedAt,
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async claim(ctx: Ctx) {
    const body = parse(claimBody, ctx);
    if (!body) return;
    const claimed = await claimNext(strapi, body.runner, body.leaseMs);
    if (!claimed) {
      ctx.body = { job: null };
      return;
    }
    const { job } = claimed;
    // An update or a withdrawal needs the post it follows, on the same account.
    const original =
      job.action === 'create'
        ? null
        : ((await ledger(strapi).findOne({ where: { pieceId: job.pieceId, ...laneWhere(job), action: 'create' }, orderBy: [{ generation: 'desc' }] })) as LedgerRow | null);
    ctx.body = { job, recovered: claimed.recovered, original, piece: await pieceOf(strapi, job) };
  },

  async progress(ctx: Ctx) {
    const body = parse(progressBody, ctx);
    if (!body) return;
    const saved = await saveProgress(strapi, Number(ctx.params.id), body.runner, body.progress);
    ctx.status = saved ? 200 : 409;
    ctx.body = { saved };
  },

  async result(ctx: Ctx) {
    const body = parse(resultBody, ctx);
    if (!body) return;
    const recorded = await recordOutcome(strapi, Number(ctx.params.id), body.runner, body.result);
    ctx.status = recorded ? 200 : 409;
    ctx.body = { recorded };
  },
});
