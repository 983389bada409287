import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
// The Graph API stand-in is test code (test/crosspost/stand-ins): the bench measures the
// runner and the ledger against the same local Facebook the tests use.
import { startFacebookGraph } from '../../test/crosspost/stand-ins/facebook-graph.ts';
import { captionFor } from '../crosspost/caption.ts';
import type { Channel, ChannelName } from '../crosspost/channels/channel.ts';
import { createFacebookChannel } from '../crosspost/channels/facebook/index.ts';
import { LedgerClient } from '../crosspost/ledger-client.ts';
import { drain, startRunner, type RunnerDeps } from '../crosspost/runner.ts';
import { GENERATED_SECRETS } from '../env/ensure-env.ts';
import { startCms, type CmsProcess } from '../lib/cms-process.ts';
import { freePort } from '../lib/free-port.ts';
import { AdminClient } from './admin-client.ts';

// `npm run bench -- crosspost`: how fast the runner empties the ledger through a local Facebook
// (jobs per second, one runner and two), and how long a published piece waits before it is
// posted with the runner polling as `npm start` runs it. Prints what it measured.
const flags = z
  .object({ jobs: z.coerce.number().int().min(1).default(200), latency: z.coerce.number().int().min(1).default(15) })
  .parse(parseArgs({ options: { jobs: { type: 'string' }, latency: { type: 'string' } } }).values);

const SITE_URL = 'https://thanhthuy.example.gov.vn';
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tt-crosspost-bench-'));
  const secrets = Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));
  const admin = { email: 'bench@thanhthuy.test', password: `Bench${randomBytes(6).toString('hex')}9` };
  const graph = await startFacebookGraph();
  let cms: CmsProcess | undefined;
  try {
    cms = await startCms({
      port: await freePort(),
      quiet: true,
      env: { ...secrets, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: join(dir, 'data.db'), SEED_DEMO: 'false', SERVE_ADMIN: 'false', WEBHOOK_URL: 'off', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
    });
    const cmsUrl = cms.url;
    const client = await AdminClient.login(cmsUrl, admin.email, admin.password);
    const relations = {
      themes: { connect: (await client.documentIds('theme', ['y-nghia-ke-hoach'])).map((documentId) => ({ documentId })) },
      unit: { connect: (await client.documentIds('unit', ['phong-vhxh'])).map((documentId) => ({ documentId })) },
      channels: { connect: (await client.documentIds('channel', ['facebook'])).map((documentId) => ({ documentId })) },
    };
    const publish = async (i: number) => {
      const piece = await client.createArticle({ title: `Tin đo chia sẻ số ${i} ${randomBytes(3).toString('hex')}`, summary: 'Bài dùng để đo thời gian chia sẻ lên trang Facebook của xã.', body: 'Nội dung.', ...relations });
      await client.publishArticle(piece.documentId);
      return piece;
    };
    const facebook = createFacebookChannel({ FACEBOOK_PAGE_ID: graph.pageId, FACEBOOK_PAGE_ACCESS_TOKEN: graph.token, FACEBOOK_GRAPH_URL: graph.url });
    // Only the Facebook job is measured; the webhook jobs run in outbox/skip mode alongside.
    const deps = (runner: string): RunnerDeps => ({
      ledger: new LedgerClient(cmsUrl, secrets.CROSSPOST_RUNNER_SECRET!, runner),
      channels: new Map<ChannelName, Channel | undefined>([['facebook', facebook]]),
      siteUrl: SITE_URL,
      cmsUrl,
      isLive: async () => true,
      caption: captionFor,
    });

    console.log(`Throughput: ${flags.jobs} published pieces, each queueing a Facebook job and a webhook job`);
    for (const runners of [1, 2]) {
      const before = graph.posts.length;
      for (let i = 0; i < flags.jobs; i += 1) await publish(i);
      const started = performance.now();
      const handled = (await Promise.all(Array.from({ length: runners }, (_, r) => drain(deps(`bench-${runners}-${r}`))))).reduce((a, b) => a + b, 0);
      const elapsed = performance.now() - started;
      const posted = graph.posts.length - before;
      console.log(`  ${runners} runner(s): ${handled} jobs in ${ms(elapsed)} = ${(handled / (elapsed / 1000)).toFixed(1)} jobs/s; ${posted} Facebook posts for ${flags.jobs} pieces${posted === flags.jobs ? '' : ' (MISMATCH)'}`);
    }

    console.log(`Live → posted: ${flags.latency} pieces published one at a time, runner polling every 1 s as in npm start`);
    const runner = startRunner(deps('bench-latency'), 1_000);
    const latencies: number[] = [];
    for (let i = 0; i < flags.latency; i += 1) {
      const piece = await publish(10_000 + i);
      const live = performance.now();
      const link = `${SITE_URL}/tin-tuc/${piece.slug}/`;
      while (!graph.posts.some((p) => p.link === link)) await new Promise((r) => setTimeout(r, 10));
      latencies.push(performance.now() - live);
    }
    await runner.stop();
    console.log(`  median ${ms(median(latencies))}, worst ${ms(Math.max(...latencies))}, best ${ms(Math.min(...latencies))} (the 1 s poll bounds it)`);
  } finally {
    await cms?.stop();
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`Cross-post benchmark failed: ${error.message}`);
  process.exit(1);
});
