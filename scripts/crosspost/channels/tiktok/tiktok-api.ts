// TikTok's Content Posting API answers {data, error: {code, message, log_id}}; code "ok" is
// success. https://developers.tiktok.com/doc/content-posting-api-reference-direct-post
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from '../channel-errors.ts';
import { isExpired, type StoredTokens, type TokenStore } from '../token-file.ts';
import { retryAfterMs } from '../webhook/retry-after.ts';
import type { TiktokConfig } from './tiktok-config.ts';

const envelopeSchema = z.object({
  data: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string().optional(), log_id: z.string().optional() }),
});
// https://developers.tiktok.com/doc/oauth-user-access-token-management (refresh_token grant)
const tokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().int().positive().optional(),
});
// https://developers.tiktok.com/doc/oauth-error-handling
const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional(), log_id: z.string().optional() });

/** Limits are per minute per user token (init 6/min, status 30/min). */
const RATE_LIMIT_WAIT_MS = 60_000;

export type TiktokTokens = StoredTokens;

export interface TiktokClient {
  call(path: string, body: unknown, options?: { unknownOn5xx?: boolean }): Promise<unknown>;
}

const fingerprint = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Calls one endpoint with the current access token; on access_token_invalid it refreshes once
 * (`POST /v2/oauth/token/`) and tries again. TikTok rotates the refresh token on every refresh
 * and the old one stops working, so the new pair is stored (`store`, mode 0600) before the new
 * access token is used, under the store's lock so two runner processes never spend one token.
 */
export function tiktokClient(config: TiktokConfig, doFetch: typeof fetch, store: TokenStore): TiktokClient {
  const env: TiktokTokens = { accessToken: config.TIKTOK_ACCESS_TOKEN, refreshToken: config.TIKTOK_REFRESH_TOKEN ?? '' };
  const refreshable = Boolean(config.TIKTOK_REFRESH_TOKEN && config.TIKTOK_CLIENT_KEY && config.TIKTOK_CLIENT_SECRET);
  const origin = config.TIKTOK_REFRESH_TOKEN ? fingerprint(config.TIKTOK_REFRESH_TOKEN) : undefined;
  let tokens: TiktokTokens | undefined;
  let refreshing: Promise<boolean> | undefined;

  /** The stored chain wins over the env's pair once a refresh happened, unless the env was re-authorised. */
  const pick = (stored: TiktokTokens | undefined): TiktokTokens => (stored && (!stored.origin || stored.origin === origin) ? stored : env);

  async function current(): Promise<TiktokTokens> {
    tokens ??= refreshable ? pick(await store.load()) : env;
    return tokens;
  }

  function refresh(used: string): Promise<boolean> {
    if (!refreshable) return Promise.resolve(false);
    refreshing ??= store.exclusive(() => rotate(used)).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  /** False when TikTok refuses the refresh token: the call then fails as access_token_invalid. */
  async function rotate(used: string): Promise<boolean> {
    // Read under the lock: another runner process may have rotated the pair already.
    const latest = pick(await store.load());
    if (latest.accessToken !== used && !isExpired(latest)) {
      tokens = latest;
      return true;
    }
    const url = new URL('/v2/oauth/token/', config.TIKTOK_API_URL).href;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_key: config.TIKTOK_CLIENT_KEY!,
          client_secret: config.TIKTOK_CLIENT_SECRET!,
          grant_type: 'refresh_token',
          refresh_token: latest.refreshToken,
        }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new TransientChannelError(`TikTok token refresh at ${url} failed: ${(error as Error).message}`, undefined, { cause: error });
    }
    if (response.status >= 500 || response.status === 429) throw new TransientChannelError(`TikTok token refresh at ${url} answered HTTP ${response.status}`, retryAfterMs(response.headers.get('retry-after')));
    const json: unknown = await response.json().catch(() => undefined);
    const parsed = tokenSchema.safeParse(json);
    if (!response.ok || !parsed.success) {
      const refusal = oauthErrorSchema.safeParse(json);
      // TikTok's error names the category, never a token (https://developers.tiktok.com/doc/oauth-error-handling).
      if (!refusal.success) throw new TransientChannelError(`TikTok token refresh at ${url} answered HTTP ${response.status} without a token or an OAuth error`);
      return false;
    }
    const next: TiktokTokens = {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token ?? latest.refreshToken,
      ...(parsed.data.expires_in ? { expiresAt: new Date(Date.now() + parsed.data.expires_in * 1000).toISOString() } : {}),
      origin,
    };
    // The old refresh token is spent: the new pair must be on disk before anything uses it.
    try {
      await store.save(next);
    } catch (error) {
      throw new PermanentChannelError(
        `Could not store the rotated TikTok tokens: ${(error as Error).message}`,
        'Không lưu được mã truy cập TikTok mới vào máy chủ. Quản trị viên cần kiểm tra quyền ghi thư mục var/crosspost.',
        { cause: error },
      );
    }
    tokens = next;
    return true;
  }

  async function attempt(path: string, body: unknown, unknownOn5xx: boolean, accessToken: string) {
    const url = new URL(path, config.TIKTOK_API_URL).href;
    const what = `TikTok ${path}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json; charset=UTF-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      const message = `${what} failed: ${(error as Error).message}`;
      if (unknownOn5xx) throw new UnknownOutcomeError(message, { cause: error });
      throw new TransientChannelError(message, undefined, { cause: error });
    }
    const envelope = envelopeSchema.safeParse(await response.json().catch(() => undefined));
    if (response.status >= 500) {
      const message = `${what} answered HTTP ${response.status}`;
      if (unknownOn5xx) throw new UnknownOutcomeError(message);
      throw new TransientChannelError(message, retryAfterMs(response.headers.get('retry-after')));
    }
    if (!envelope.success) throw new TransientChannelError(`${what} answered HTTP ${response.status} without TikTok's error envelope`);
    return { what, status: response.status, retryAfter: response.headers.get('retry-after'), ...envelope.data };
  }

  return {
    async call(path, body, options = {}) {
      const used = (await current()).accessToken;
      let result = await attempt(path, body, options.unknownOn5xx ?? false, used);
      if (result.error.code === 'access_token_invalid' && (await refresh(used))) result = await attempt(path, body, options.unknownOn5xx ?? false, (await current()).accessToken);
      const { what, status, error } = result;
      if (error.code === 'ok') return result.data;
      const text = `${what} answered HTTP ${status} ${error.code}: ${error.message ?? ''} (log_id ${error.log_id ?? '-'})`;
      if (error.code === 'rate_limit_exceeded' || status === 429) throw new TransientChannelError(text, retryAfterMs(result.retryAfter) ?? RATE_LIMIT_WAIT_MS);
      throw new PermanentChannelError(text, tiktokEditorMessage(error.code, error.message));
    },
  };
}

function tiktokEditorMessage(code: string, message = ''): string {
  switch (code) {
    case 'access_token_invalid':
      return 'Quyền đăng lên TikTok đã hết hạn hoặc bị thu hồi. Người quản trị cần cấp lại (TIKTOK_ACCESS_TOKEN, TIKTOK_REFRESH_TOKEN) rồi bấm thử lại.';
    case 'scope_not_authorized':
      return 'Tài khoản TikTok chưa cấp quyền đăng video (video.publish) cho ứng dụng. Hãy cấp quyền rồi bấm thử lại.';
    case 'unaudited_client_can_only_post_to_private_accounts':
      return 'Ứng dụng TikTok chưa được TikTok duyệt nên chỉ đăng được lên tài khoản để riêng tư. Hãy đặt tài khoản ở chế độ riêng tư hoặc xin TikTok duyệt ứng dụng.';
    case 'spam_risk_too_many_posts':
    case 'reached_active_user_cap':
      return 'TikTok tạm chặn vì đã đăng quá nhiều trong ngày. Hãy bấm thử lại vào ngày mai.';
    case 'spam_risk_user_banned_from_posting':
      return 'Tài khoản TikTok đang bị cấm đăng bài. Hãy kiểm tra tài khoản trên ứng dụng TikTok.';
    case 'privacy_level_option_mismatch':
      return 'Chế độ hiển thị đã chọn không được tài khoản TikTok cho phép. Hãy sửa TIKTOK_PRIVACY.';
    default:
      return `TikTok từ chối video (${code})${message ? `: ${message}` : ''}. Hãy kiểm tra rồi bấm thử lại.`;
  }
}
