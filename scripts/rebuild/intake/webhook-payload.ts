import { z } from 'zod';

// What Strapi's webhookRunner posts: { event, createdAt, ...info }. Entry events carry the
// model and the entry; media events carry the file. Only the fields the worker reads are
// checked; everything else passes through untouched.
const entrySchema = z
  .object({
    id: z.union([z.number(), z.string()]).optional(),
    documentId: z.string().min(1).optional(),
    publishedAt: z.string().nullable().optional(),
    locale: z.string().nullable().optional(),
  })
  .passthrough();

export const entryEventSchema = z
  .object({
    event: z.enum(['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish', 'entry.draft-discard']),
    createdAt: z.string(),
    model: z.string().min(1),
    uid: z.string().min(1),
    entry: entrySchema,
  })
  .passthrough();

export const mediaEventSchema = z
  .object({
    event: z.enum(['media.create', 'media.update', 'media.delete']),
    createdAt: z.string(),
    media: z.object({ id: z.union([z.number(), z.string()]).optional(), name: z.string().optional() }).passthrough(),
  })
  .passthrough();

// The CMS's own event (cms/src/crosspost/announce-shared-post.ts): a piece's public link on a
// social channel appeared or changed, so its "Đã chia sẻ trên" line must follow.
export const sharedPostEventSchema = z
  .object({
    event: z.literal('crosspost.shared'),
    createdAt: z.string(),
    pieceUid: z.string().min(1),
    pieceId: z.string().min(1),
    channel: z.string().min(1),
    // In a province, the commune whose account posted: only its portal's line changes.
    commune: z.string().nullable().optional(),
  })
  .passthrough();

// Any other event (releases, review workflows…) is well-formed as long as it names itself.
export const otherEventSchema = z.object({ event: z.string().min(1), createdAt: z.string().optional() }).passthrough();

export type EntryEvent = z.infer<typeof entryEventSchema>;
export type MediaEvent = z.infer<typeof mediaEventSchema>;
export type SharedPostEvent = z.infer<typeof sharedPostEventSchema>;
export type WebhookEvent =
  | { kind: 'entry'; payload: EntryEvent }
  | { kind: 'media'; payload: MediaEvent }
  | { kind: 'shared-post'; payload: SharedPostEvent }
  | { kind: 'other'; payload: z.infer<typeof otherEventSchema> };

export type ParseResult = { ok: true; event: WebhookEvent } | { ok: false; message: string };

/** Validates a decoded webhook body; the message names the field that is wrong. */
export function parseWebhookPayload(body: unknown): ParseResult {
  const head = otherEventSchema.safeParse(body);
  if (!head.success) return { ok: false, message: describe(head.error) };
  const name = head.data.event;
  if (name.startsWith('entry.')) {
    const entry = entryEventSchema.safeParse(body);
    return entry.success ? { ok: true, event: { kind: 'entry', payload: entry.data } } : { ok: false, message: describe(entry.error) };
  }
  if (name.startsWith('media.')) {
    const media = mediaEventSchema.safeParse(body);
    return media.success ? { ok: true, event: { kind: 'media', payload: media.data } } : { ok: false, message: describe(media.error) };
  }
  if (name === 'crosspost.shared') {
    const shared = sharedPostEventSchema.safeParse(body);
    return shared.success ? { ok: true, event: { kind: 'shared-post', payload: shared.data } } : { ok: false, message: describe(shared.error) };
  }
  return { ok: true, event: { kind: 'other', payload: head.data } };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `Invalid webhook payload: ${issue.path.join('.') || '(body)'}: ${issue.message}`;
}
