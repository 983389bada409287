import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentChannelError } from '../../scripts/crosspost/channels/channel-errors.ts';
import { createFileTokenStore, ZALO_TOKEN_FILE, type TokenStore, type ZaloTokens } from '../../scripts/crosspost/channels/zalo/index.ts';
import { ledgerProgress, publication, startZaloFixture, type ZaloFixture } from './zalo-channel-support.ts';

let fx: ZaloFixture;
beforeEach(async () => {
  fx = await startZaloFixture();
});
afterEach(async () => {
  await fx.close();
});

/** The file store, noting how many requests the OA had seen when each new pair was saved. */
function watchedStore(): TokenStore & { saves: Array<{ tokens: ZaloTokens; requestsSeen: number }> } {
  const inner = createFileTokenStore(fx.tokenDir);
  const saves: Array<{ tokens: ZaloTokens; requestsSeen: number }> = [];
  return {
    load: () => inner.load(),
    exclusive: (work) => inner.exclusive(work),
    async save(tokens) {
      saves.push({ tokens, requestsSeen: fx.oa.requests.length });
      await inner.save(tokens);
    },
    saves,
  };
}

describe('Zalo OA token refresh', () => {
  it('stores the rotated pair before using the new access token, then carries on', async () => {
    fx.oa.expireAccessTokens();
    const store = watchedStore();
    const post = await fx.channel({ tokenStore: store }).create(publication(), ledgerProgress());

    expect(store.saves).toHaveLength(1);
    const [{ tokens, requestsSeen }] = store.saves;
    const before = fx.oa.requests.slice(0, requestsSeen);
    expect(before.some((r) => r.headers.access_token === tokens.accessToken)).toBe(false);
    expect(fx.oa.requests.slice(requestsSeen).some((r) => r.headers.access_token === tokens.accessToken)).toBe(true);
    expect(fx.oa.articles.get(post.remoteId)!.verified).toBe(true);

    const refresh = fx.oa.calls('/v4/oa/access_token')[0];
    expect(refresh.headers.secret_key).toBe(fx.oa.appSecret);
    expect(refresh.body).toEqual({ refresh_token: fx.oa.initial.refreshToken, app_id: fx.oa.appId, grant_type: 'refresh_token' });
  });

  it('keeps the token file readable by its owner only', async () => {
    fx.oa.expireAccessTokens();
    await fx.channel().create(publication(), ledgerProgress());
    const file = join(fx.tokenDir, ZALO_TOKEN_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(file, 'utf8')) as ZaloTokens;
    expect(stored.refreshToken).not.toBe(fx.oa.initial.refreshToken);
    expect(Date.parse(stored.expiresAt!)).toBeGreaterThan(Date.now());
  });

  it('uses the stored refresh token for the next refresh, in a restarted runner too', async () => {
    fx.oa.expireAccessTokens();
    await fx.channel().create(publication(), ledgerProgress());
    const firstPair = JSON.parse(await readFile(join(fx.tokenDir, ZALO_TOKEN_FILE), 'utf8')) as ZaloTokens;

    // A new process: the env still holds the spent pair, the store the live one.
    fx.oa.expireAccessTokens();
    await fx.channel().create(publication({ documentId: 'doc-2', url: 'https://thanhthuy.example.vn/tin-tuc/hai' }), ledgerProgress());

    const refreshes = fx.oa.calls('/v4/oa/access_token').map((r) => (r.body as { refresh_token: string }).refresh_token);
    expect(refreshes).toEqual([fx.oa.initial.refreshToken, firstPair.refreshToken]);
    expect(fx.oa.reusedRefreshTokens).toEqual([]);
    expect(fx.oa.articles.size).toBe(2);
  });

  it('refreshes once for calls that fail together, since a refresh token works only once', async () => {
    fx.oa.expireAccessTokens();
    const channel = fx.channel();
    await Promise.all([
      channel.create(publication(), ledgerProgress()),
      channel.create(publication({ documentId: 'doc-2', url: 'https://thanhthuy.example.vn/tin-tuc/hai' }), ledgerProgress()),
    ]);
    expect(fx.oa.calls('/v4/oa/access_token')).toHaveLength(1);
    expect(fx.oa.reusedRefreshTokens).toEqual([]);
  });

  it('stops with a Vietnamese message when Zalo refuses the refresh', async () => {
    fx.oa.expireAccessTokens();
    fx.oa.rejectRefreshes();
    const error = await fx.channel().create(publication(), ledgerProgress()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentChannelError);
    expect((error as PermanentChannelError).editorMessage).toMatch(/^Mã truy cập Zalo OA đã hết hạn/);
    expect(fx.oa.articles.size).toBe(0);
  });

  it('never puts a token or the app secret in an error', async () => {
    const errors: unknown[] = [];
    const attempt = async (arrange: () => void, pub = publication()) => {
      arrange();
      await fx.channel().create(pub, ledgerProgress()).catch((e: unknown) => errors.push(e));
    };
    await attempt(() => fx.oa.rateLimitNext(1));
    await attempt(() => fx.oa.invalidFieldNext(`cover value is invalid (${fx.oa.initial.accessToken})`));
    await attempt(() => fx.oa.commitThenFail('502'));
    await attempt(() => fx.oa.failVerifyNext(1));
    // Succeeds after a refresh: the rotated pair is among the secrets the last error must not show.
    await attempt(() => fx.oa.expireAccessTokens());
    await attempt(() => {
      fx.oa.expireAccessTokens();
      fx.oa.rejectRefreshes();
    });
    expect(errors).toHaveLength(5);

    const text = errors
      .map((e) => {
        const error = e as Error & { editorMessage?: string; cause?: unknown };
        return [error.message, error.editorMessage, error.stack, String(error.cause ?? ''), JSON.stringify(error)].join('\n');
      })
      .join('\n');
    for (const secret of fx.oa.issuedSecrets()) expect(text).not.toContain(secret);
  });

  it('refreshes when the env holds an invalid access token (-216) or none at all', async () => {
    const invalid = fx.channel({ env: { ZALO_OA_ACCESS_TOKEN: 'not-a-token-zalo-knows' } });
    await invalid.create(publication(), ledgerProgress());
    expect(fx.oa.calls('/v4/oa/access_token')).toHaveLength(1);

    // A commune that pasted only the live refresh token (no access token) and has no store yet.
    const { refreshToken } = JSON.parse(await readFile(join(fx.tokenDir, ZALO_TOKEN_FILE), 'utf8')) as ZaloTokens;
    await rm(join(fx.tokenDir, ZALO_TOKEN_FILE));
    const refreshOnly = fx.channel({ env: { ZALO_OA_ACCESS_TOKEN: '', ZALO_OA_REFRESH_TOKEN: refreshToken } });
    await refreshOnly.create(publication({ documentId: 'doc-2', url: 'https://thanhthuy.example.vn/tin-tuc/hai' }), ledgerProgress());
    expect(fx.oa.calls('/v4/oa/access_token')).toHaveLength(2);
    expect(fx.oa.articles.size).toBe(2);
  });

  it('lets a re-authorised pair in the env win over the stored chain it replaces', async () => {
    fx.oa.expireAccessTokens();
    await fx.channel().create(publication(), ledgerProgress());
    // The operator re-authorises: the OA hands out a new pair, which goes into the env.
    const fresh = await fx.oa.authorise();
    await fx.channel({ env: { ZALO_OA_ACCESS_TOKEN: fresh.accessToken, ZALO_OA_REFRESH_TOKEN: fresh.refreshToken } }).create(
      publication({ documentId: 'doc-2', url: 'https://thanhthuy.example.vn/tin-tuc/hai' }),
      ledgerProgress(),
    );
    expect(fx.oa.calls('/article/create').at(-1)!.headers.access_token).toBe(fresh.accessToken);
  });
});

