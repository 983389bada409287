import { z } from 'zod';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from '../channel-errors.ts';
import { scrub } from './graph-request.ts';

// How Graph API failures map onto the runner's three reactions (FACTS.md, "The platforms
// cross-posting talks to"; https://developers.facebook.com/docs/graph-api/guides/error-handling).

const graphErrorSchema = z.object({
  error: z
    .object({
      message: z.string().default(''),
      type: z.string().optional(),
      code: z.number().optional(),
      error_subcode: z.number().optional(),
      fbtrace_id: z.string().optional(),
      error_user_msg: z.string().optional(),
    })
    .passthrough(),
});

export type GraphError = z.infer<typeof graphErrorSchema>['error'];

export function parseGraphError(body: unknown): GraphError | undefined {
  const parsed = graphErrorSchema.safeParse(body);
  return parsed.success ? parsed.data.error : undefined;
}

/** 1 unknown, 2 service, 4 app rate limit, 17 user rate limit, 32 page throttling, 341 app limit, 368 temporary block, 613 rate limit. */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 368, 613]);
/** 190 invalid or expired token, 102 session. */
const TOKEN_CODES = new Set([190, 102]);
const isPermissionCode = (code: number) => code === 10 || (code >= 200 && code <= 299);
const DUPLICATE_CODE = 506;
/** Codes that mean "the platform failed inside": after a create, the post may exist. */
const INTERNAL_CODES = new Set([1, 2]);

/**
 * Code 100 with subcode 33: "Object with ID … does not exist, cannot be loaded due to missing
 * permissions, or does not support this operation". Asked to delete a post, it means the post
 * is gone (deleted by hand, or by an earlier attempt whose answer was lost).
 */
export const isMissingObject = (error: GraphError | undefined) => error?.code === 100 && error.error_subcode === 33;

const usageEntry = z.object({ estimated_time_to_regain_access: z.coerce.number().optional() }).passthrough();

/** Minutes from one usage header: X-App-Usage is flat; X-Business-Use-Case-Usage maps ids to lists. */
function regainMinutes(raw: string | null): number[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  const entries: unknown[] = [value];
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) if (Array.isArray(inner)) entries.push(...inner);
  }
  return entries.flatMap((entry) => {
    const parsed = usageEntry.safeParse(entry);
    const minutes = parsed.success ? parsed.data.estimated_time_to_regain_access : undefined;
    return minutes !== undefined && Number.isFinite(minutes) && minutes > 0 ? [minutes] : [];
  });
}

/** The platform's hint of when to try again, in ms, from Retry-After and the usage headers. */
export function retryAfterFrom(headers: Headers): number | undefined {
  const hints: number[] = [];
  const retryAfter = Number(headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) hints.push(retryAfter * 1000);
  for (const name of ['x-app-usage', 'x-business-use-case-usage', 'x-page-usage']) {
    hints.push(...regainMinutes(headers.get(name)).map((minutes) => minutes * 60_000));
  }
  return hints.length ? Math.max(...hints) : undefined;
}

export const EDITOR_MESSAGES = {
  token: 'Mã truy cập trang Facebook không hợp lệ hoặc đã hết hạn: quản trị viên cần cấp lại mã.',
  permission:
    'Ứng dụng chưa có quyền đăng bài lên trang Facebook: quản trị viên trang cần cấp lại quyền (pages_manage_posts, pages_read_engagement).',
  duplicate: 'Facebook từ chối vì bài này trùng với một bài vừa đăng trên trang.',
  rejected: (detail: string) => `Facebook từ chối bài đăng${detail ? `: ${detail}` : '.'}`,
  removeRejected: (detail: string) => `Facebook không cho gỡ bài${detail ? `: ${detail}` : '.'}`,
} as const;

export type GraphOperation = 'create' | 'update' | 'read' | 'delete';

export interface FailedAnswer {
  operation: GraphOperation;
  /** "POST /123/feed": where, without the token. */
  where: string;
  status: number;
  headers: Headers;
  body: unknown;
  token: string;
}

/**
 * Turns a non-success Graph answer into the error the runner reacts to. Order matters: token,
 * permission and duplicate errors are certain refusals even on a 5xx; any other 5xx, or an
 * internal code, on a create is an unknown outcome, because Facebook has answered HTTP 500
 * code 2 after publishing and retries made duplicates.
 */
export function classifyAnswer({ operation, where, status, headers, body, token }: FailedAnswer): Error {
  const graph = parseGraphError(body);
  const code = graph?.code;
  const scrubbed = (text: string) => scrub(text, token);
  const detail = graph
    ? scrubbed(`${graph.message} (code ${code ?? '?'}${graph.error_subcode ? `, subcode ${graph.error_subcode}` : ''}${graph.fbtrace_id ? `, fbtrace_id ${graph.fbtrace_id}` : ''})`)
    : 'no Graph error body';
  const message = `Facebook Graph API answered HTTP ${status} to ${where}: ${detail}`;

  if (code !== undefined && TOKEN_CODES.has(code)) return new PermanentChannelError(message, EDITOR_MESSAGES.token);
  if (code !== undefined && isPermissionCode(code)) return new PermanentChannelError(message, EDITOR_MESSAGES.permission);
  if (code === DUPLICATE_CODE) return new PermanentChannelError(message, EDITOR_MESSAGES.duplicate);
  if (operation === 'create' && (status >= 500 || (code !== undefined && INTERNAL_CODES.has(code)))) {
    return new UnknownOutcomeError(`${message}; the post may exist: look for it before any retry`);
  }
  if (status >= 500 || status === 429 || (code !== undefined && TRANSIENT_CODES.has(code))) {
    return new TransientChannelError(message, retryAfterFrom(headers));
  }
  const forEditor = scrubbed(graph?.error_user_msg || graph?.message || '');
  return new PermanentChannelError(message, operation === 'delete' ? EDITOR_MESSAGES.removeRejected(forEditor) : EDITOR_MESSAGES.rejected(forEditor));
}
