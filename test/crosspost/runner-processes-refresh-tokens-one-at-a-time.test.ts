import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TIKTOK_TOKEN_FILE } from '../../scripts/crosspost/channels/tiktok/index.ts';
import type { StoredTokens } from '../../scripts/crosspost/channels/token-file.ts';
import { ZALO_TOKEN_FILE } from '../../scripts/crosspost/channels/zalo/index.ts';
import { startTiktokStandIn, type TiktokStandIn } from './stand-ins/tiktok.ts';
import { startZaloOaStandIn, type ZaloOaStandIn, zaloEnvOf } from './stand-ins/zalo-oa.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNER_PROCESS = fileURLToPath(new URL('./helpers/refresh-in-a-runner-process.ts', import.meta.url));

interface Exit {
  code: number | null;
  stderr: string;
}

/** Starts `count` runner processes on one state directory and lets them call at the same instant. */
async function raceProcesses(platform: 'zalo' | 'tiktok', stateDir: string, env: Record<string, string>, count = 2): Promise<Exit[]> {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', RUNNER_PROCESS, platform, stateDir], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] }),
  );
  const exits = children.map(
    (child) =>
      new Promise<Exit>((resolve) => {
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
        child.on('exit', (code) => resolve({ code, stderr }));
      }),
  );
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk;
            if (out.includes('ready\n')) resolve();
          });
          child.on('exit', (code) => reject(new Error(`a runner process exited (${code}) before it was ready`)));
        }),
    ),
  );
  for (const child of children) child.stdin.write('go\n');
  return Promise.all(exits);
}

const stored = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as StoredTokens;

let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'crosspost-state-'));
});
afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

// A refresh token works once, on Zalo and on TikTok. Two runner processes whose access token
// expired together must not both spend it: the store's lock lets one refresh while the other
// waits, and the waiter takes the pair the first one stored.
describe('runner processes refresh a token one at a time', () => {
  describe('Zalo OA', () => {
    let oa: ZaloOaStandIn;
    let env: Record<string, string>;
    beforeEach(async () => {
      oa = await startZaloOaStandIn();
      env = zaloEnvOf(oa);
    });
    afterEach(() => oa.close());

    it('two processes refreshing at the same instant make one refresh call and both carry on with the new pair', async () => {
      oa.expireAccessTokens();
      // The refresh answers slowly, so the second process asks while the first is still waiting.
      oa.slowRefresh(400);
      const exits = await raceProcesses('zalo', stateDir, env);
      expect(exits).toEqual([
        { code: 0, stderr: '' },
        { code: 0, stderr: '' },
      ]);
      expect(oa.calls('/v4/oa/access_token')).toHaveLength(1);
      expect(oa.reusedRefreshTokens).toEqual([]);
      const pair = await stored(join(stateDir, ZALO_TOKEN_FILE));
      expect(pair.refreshToken).not.toBe(oa.initial.refreshToken);
      // Every successful read after the refresh carried the one new access token: one per process.
      const reads = oa.calls('/v2.0/article/getslice').filter((r) => r.headers.access_token === pair.accessToken);
      expect(reads).toHaveLength(2);
    });

    it('a lock left behind by a crashed runner is taken over', async () => {
      oa.expireAccessTokens();
      const lock = join(stateDir, `${ZALO_TOKEN_FILE}.lock`);
      await mkdir(lock, { recursive: true });
      const longAgo = new Date(Date.now() - 5 * 60_000);
      await utimes(lock, longAgo, longAgo);
      const [exit] = await raceProcesses('zalo', stateDir, env, 1);
      expect(exit).toEqual({ code: 0, stderr: '' });
      expect(oa.calls('/v4/oa/access_token')).toHaveLength(1);
    });
  });

  describe('TikTok', () => {
    let tiktok: TiktokStandIn;
    beforeEach(async () => {
      tiktok = await startTiktokStandIn(Buffer.alloc(0));
    });
    afterEach(() => tiktok.close());

    it('two processes refreshing at the same instant make one refresh call and both carry on with the new pair', async () => {
      tiktok.expireAccessTokens();
      tiktok.slowRefresh(400);
      const exits = await raceProcesses('tiktok', stateDir, tiktok.env);
      expect(exits).toEqual([
        { code: 0, stderr: '' },
        { code: 0, stderr: '' },
      ]);
      expect(tiktok.refreshes).toHaveLength(1);
      expect(tiktok.reusedRefreshTokens).toEqual([]);
      const pair = await stored(join(stateDir, TIKTOK_TOKEN_FILE));
      expect(pair).toMatchObject(tiktok.current());
      const queries = tiktok.log.filter((r) => r.path === '/v2/post/publish/creator_info/query/' && r.bearer === pair.accessToken);
      expect(queries).toHaveLength(2);
    });
  });
});
