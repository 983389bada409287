import { z } from 'zod';
import { PermanentChannelError, TransientChannelError } from '../channel-errors.ts';
import { retryAfterMs } from '../webhook/retry-after.ts';

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

export interface GoogleCredentials {
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/**
 * Access tokens from a refresh token (`POST /token`, grant_type=refresh_token), kept until a
 * minute before they expire. Google's refresh tokens are not single-use, so nothing needs
 * storing. Errors never carry the tokens, only Google's error code.
 */
export function googleAccessTokens(credentials: GoogleCredentials, doFetch: typeof fetch, now: () => number) {
  let cached: { token: string; expiresAt: number } | undefined;
  return async function accessToken(): Promise<string> {
    if (cached && cached.expiresAt > now()) return cached.token;
    const url = new URL('/token', credentials.oauthUrl).href;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          refresh_token: credentials.refreshToken,
          grant_type: 'refresh_token',
        }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new TransientChannelError(`Google token refresh at ${url} failed: ${(error as Error).message}`, undefined, { cause: error });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 429 || response.status >= 500) {
      throw new TransientChannelError(`Google token refresh at ${url} answered HTTP ${response.status}`, retryAfterMs(response.headers.get('retry-after')));
    }
    if (!response.ok) {
      // invalid_grant: the refresh token expired (7 days for apps in "testing") or was revoked.
      const code = typeof (body as { error?: unknown })?.error === 'string' ? (body as { error: string }).error : 'unknown';
      throw new PermanentChannelError(
        `Google token refresh at ${url} answered HTTP ${response.status} ${code}`,
        'Quyền đăng video lên YouTube đã hết hạn hoặc bị thu hồi. Người quản trị cần cấp lại quyền (tạo YOUTUBE_REFRESH_TOKEN mới) rồi bấm thử lại.',
      );
    }
    const parsed = tokenSchema.safeParse(body);
    if (!parsed.success) throw new TransientChannelError(`Google token refresh at ${url} returned an unexpected body: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
    cached = { token: parsed.data.access_token, expiresAt: now() + (parsed.data.expires_in - 60) * 1000 };
    return cached.token;
  };
}
