import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from '../channel-errors.ts';
import { isTokenError, tokenRejectedMessage, zaloFailure } from './zalo-error-codes.ts';
import type { ZaloEnv } from './zalo-env.ts';
import { isExpired } from '../token-file.ts';
import type { TokenStore, ZaloTokens } from './token-store.ts';

/**
 * `create` marks a call whose effect may exist even when its answer was lost (article create):
 * a network error or 5xx then means "unknown", not "failed". Every other call is safe to repeat.
 */
export type CallKind = 'create' | 'repeatable';

export interface ZaloClientDeps {
  tokenStore: TokenStore;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ZaloClient {
  call(kind: CallKind, method: 'GET' | 'POST', path: string, options?: { query?: Record<string, string>; json?: unknown }): Promise<unknown>;
}

const envelopeSchema = z.object({
  error: z.coerce.number().int(),
  message: z.string().optional().default(''),
  data: z.unknown().optional(),
});

const refreshAnswerSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  // Zalo documents expires_in as a string of seconds ("90000").
  expires_in: z.union([z.string(), z.number()]).pipe(z.coerce.number().int().positive()),
});

const refreshErrorSchema = z.object({
  error: z.coerce.number().int(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

const fingerprint = (secret: string) => createHash('sha256').update(secret).digest('hex');

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function createZaloClient(env: ZaloEnv, deps: ZaloClientDeps): ZaloClient {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const origin = env.refresh ? fingerprint(env.refresh.refreshToken) : undefined;
  let tokens: Partial<ZaloTokens> | undefined;
  let refreshing: Promise<string> | undefined;

  // Every token this client ever held, so no platform echo can carry one into an error.
  const secrets = new Set<string>([env.accessToken, env.refresh?.refreshToken, env.refresh?.appSecret].filter((s): s is string => !!s));
  const redact = (text: string) => [...secrets].reduce((out, secret) => out.split(secret).join('[redacted]'), text);

  /** Stored tokens win over the env's once a refresh happened, unless the env was re-authorised. */
  function pick(stored: ZaloTokens | undefined): Partial<ZaloTokens> {
    if (stored && (!stored.origin || !origin || stored.origin === origin)) {
      secrets.add(stored.accessToken).add(stored.refreshToken);
      return stored;
    }
    return { accessToken: env.accessToken, refreshToken: env.refresh?.refreshToken };
  }

  async function current(): Promise<Partial<ZaloTokens>> {
    tokens ??= pick(await deps.tokenStore.load());
    return tokens;
  }

  async function refresh(used: string | undefined): Promise<string> {
    // One refresh at a time: in this process (calls that failed together share it) and across
    // runner processes (the store's lock), since a refresh token works only once.
    refreshing ??= deps.tokenStore.exclusive(() => rotate(used)).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function rotate(used: string | undefined): Promise<string> {
    // Read under the lock: another runner process may already have rotated the pair, and its
    // refresh token is the only one still valid, so take its pair rather than spend ours.
    const latest = pick(await deps.tokenStore.load());
    if (latest.accessToken && latest.accessToken !== used && !isExpired(latest)) {
      tokens = latest;
      return latest.accessToken;
    }
    const refreshToken = latest.refreshToken ?? tokens?.refreshToken;
    if (!env.refresh || !refreshToken) {
      throw new PermanentChannelError('Zalo OA access token rejected and no refresh token, app id or app secret is configured', tokenRejectedMessage);
    }
    const url = `${env.oauthUrl}/v4/oa/access_token`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { secret_key: env.refresh.appSecret, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ refresh_token: refreshToken, app_id: env.refresh.appId, grant_type: 'refresh_token' }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new TransientChannelError(`Zalo OA token refresh failed: POST ${url}: ${redact(String((error as Error).message))}`);
    }
    if (response.status >= 500 || response.status === 429) {
      throw new TransientChannelError(`Zalo OA token refresh failed with HTTP ${response.status}: POST ${url}`, retryAfterMs(response.headers.get('retry-after')));
    }
    const json: unknown = await response.json().catch(() => undefined);
    const answer = refreshAnswerSchema.safeParse(json);
    if (!answer.success) {
      const failure = refreshErrorSchema.safeParse(json);
      const said = failure.success ? `${failure.data.error} ${failure.data.error_name ?? ''} ${failure.data.error_description ?? failure.data.message ?? ''}`.trim() : `HTTP ${response.status}, unexpected answer`;
      throw new PermanentChannelError(`Zalo OA token refresh rejected: ${redact(said)}`, tokenRejectedMessage);
    }
    const next: ZaloTokens = {
      accessToken: answer.data.access_token,
      refreshToken: answer.data.refresh_token,
      expiresAt: new Date(Date.now() + answer.data.expires_in * 1000).toISOString(),
      origin,
    };
    secrets.add(next.accessToken).add(next.refreshToken);
    // The old refresh token is spent: the new pair must be on disk before anything uses it.
    tokens = next;
    try {
      await deps.tokenStore.save(next);
    } catch (error) {
      throw new PermanentChannelError(
        `Could not store the rotated Zalo OA tokens: ${redact(String((error as Error).message))}`,
        'Không lưu được mã truy cập Zalo OA mới vào máy chủ. Quản trị viên cần kiểm tra quyền ghi thư mục var/crosspost.',
      );
    }
    return next.accessToken;
  }

  async function send(kind: CallKind, method: string, path: string, options: { query?: Record<string, string>; json?: unknown }, accessToken: string) {
    const url = new URL(`${env.openApiUrl}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const where = `${method} ${url.origin}${url.pathname}`;
    const lost = (reason: string) =>
      kind === 'create' ? new UnknownOutcomeError(`${reason}: ${where}; the article may exist`) : new TransientChannelError(`${reason}: ${where}`);
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: { access_token: accessToken, ...(options.json === undefined ? {} : { 'content-type': 'application/json' }) },
        body: options.json === undefined ? undefined : JSON.stringify(options.json),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw lost(`Zalo OA request failed (${redact((error as Error).message)})`);
    }
    if (response.status === 429) {
      throw new TransientChannelError(`Zalo OA answered HTTP 429: ${where}`, retryAfterMs(response.headers.get('retry-after')));
    }
    if (response.status >= 500) throw lost(`Zalo OA answered HTTP ${response.status}`);
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw lost(`Zalo OA answered HTTP ${response.status} without JSON`);
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) {
      const issue = envelope.error.issues[0];
      throw lost(`Zalo OA answered HTTP ${response.status} with an unexpected body (${issue.path.join('.')} ${issue.message})`);
    }
    return { ...envelope.data, message: redact(envelope.data.message), where };
  }

  return {
    async call(kind, method, path, options = {}) {
      let accessToken = (await current()).accessToken ?? (await refresh(undefined));
      let answer = await send(kind, method, path, options, accessToken);
      if (isTokenError(answer.error)) {
        accessToken = await refresh(accessToken);
        answer = await send(kind, method, path, options, accessToken);
        if (isTokenError(answer.error)) {
          throw new PermanentChannelError(`Zalo OA rejected a freshly refreshed token (${answer.error}) on ${answer.where}`, tokenRejectedMessage);
        }
      }
      if (answer.error !== 0) throw zaloFailure(answer.error, answer.message, answer.where);
      return answer.data;
    },
  };
}
