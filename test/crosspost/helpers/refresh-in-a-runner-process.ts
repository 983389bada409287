// Run in a child process by runner-processes-refresh-tokens-one-at-a-time.test.ts: one runner
// process's Zalo or TikTok client on a shared state directory. It prints "ready", waits for a
// line on stdin so that two processes start together, makes one API call (which refreshes the
// expired access token) and exits 0, or prints the error and exits 1.
import { once } from 'node:events';
import { tiktokClient } from '../../../scripts/crosspost/channels/tiktok/tiktok-api.ts';
import { loadTiktokConfig } from '../../../scripts/crosspost/channels/tiktok/tiktok-config.ts';
import { createTiktokTokenStore } from '../../../scripts/crosspost/channels/tiktok/tiktok-token-store.ts';
import { createZaloClient } from '../../../scripts/crosspost/channels/zalo/zalo-client.ts';
import { loadZaloEnv } from '../../../scripts/crosspost/channels/zalo/zalo-env.ts';
import { createFileTokenStore } from '../../../scripts/crosspost/channels/zalo/token-store.ts';

const [platform, stateDir] = process.argv.slice(2);

function oneCall(): () => Promise<unknown> {
  if (platform === 'zalo') {
    const client = createZaloClient(loadZaloEnv(process.env)!, { tokenStore: createFileTokenStore(stateDir), timeoutMs: 10_000 });
    return () => client.call('repeatable', 'GET', '/v2.0/article/getslice', { query: { offset: '0', limit: '10', type: 'normal' } });
  }
  if (platform === 'tiktok') {
    const client = tiktokClient(loadTiktokConfig(process.env)!, fetch, createTiktokTokenStore(stateDir));
    return () => client.call('/v2/post/publish/creator_info/query/', {});
  }
  throw new Error(`Unknown platform ${platform}: expected zalo or tiktok`);
}

const call = oneCall();
process.stdout.write('ready\n');
await once(process.stdin, 'data');
try {
  await call();
  process.stdout.write('done\n');
  process.exit(0);
} catch (error) {
  process.stderr.write(`${(error as Error).name}: ${(error as Error).message}\n`);
  process.exit(1);
}
