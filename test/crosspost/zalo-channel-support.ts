import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Progress, Publication } from '../../scripts/crosspost/channels/channel.ts';
import { createZaloChannel, createFileTokenStore, type TokenStore } from '../../scripts/crosspost/channels/zalo/index.ts';
import { startZaloOaStandIn, type ZaloOaStandIn, zaloEnvOf } from './stand-ins/zalo-oa.ts';

/** What the runner's ledger does with Progress, kept in memory: saved steps survive "crashes". */
export function ledgerProgress(saved: Record<string, unknown> = {}): Progress & { steps: Array<Record<string, unknown>> } {
  const state: Record<string, unknown> = { ...saved };
  const steps: Array<Record<string, unknown>> = [];
  return {
    get saved() {
      return { ...state };
    },
    async save(step) {
      steps.push(step);
      Object.assign(state, step);
    },
    steps,
  };
}

export const publication = (over: Partial<Publication> = {}): Publication => ({
  documentId: 'doc-lua-gao-2026',
  kind: 'article',
  url: 'https://thanhthuy.example.vn/tin-tuc/thu-hoach-lua-vu-mua-2026',
  title: 'Xã Thanh Thủy thu hoạch lúa vụ mùa năm 2026 đạt năng suất cao',
  summary: 'Bà con nông dân phấn khởi khi năng suất lúa vụ mùa tăng so với năm trước.',
  caption: 'Bà con nông dân phấn khởi khi năng suất lúa vụ mùa tăng so với năm trước.',
  imageUrl: 'https://thanhthuy.example.vn/uploads/lua-vu-mua.jpg',
  publishedAt: '2026-11-20T08:00:00.000Z',
  ...over,
});

export interface ZaloFixture {
  oa: ZaloOaStandIn;
  tokenDir: string;
  env: Record<string, string>;
  /** A fresh channel, as a restarted runner process would build it. */
  channel(deps?: { tokenStore?: TokenStore; timeoutMs?: number; env?: Record<string, string> }): NonNullable<ReturnType<typeof createZaloChannel>>;
  close(): Promise<void>;
}

export async function startZaloFixture(): Promise<ZaloFixture> {
  const oa = await startZaloOaStandIn();
  const tokenDir = await mkdtemp(join(tmpdir(), 'zalo-tokens-'));
  const env = zaloEnvOf(oa);
  return {
    oa,
    tokenDir,
    env,
    channel(deps = {}) {
      const channel = createZaloChannel({ ...env, ...deps.env }, { tokenStore: deps.tokenStore ?? createFileTokenStore(tokenDir), timeoutMs: deps.timeoutMs ?? 5_000 });
      if (!channel) throw new Error('the Zalo channel should exist with credentials set');
      return channel;
    },
    async close() {
      await oa.close();
      await rm(tokenDir, { recursive: true, force: true });
    },
  };
}
