import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, ROOT } from '../env/config.ts';
import { startPortal } from './serving/portal.ts';
import { loadWorkerEnv, portalPreview, workerOptionsFrom } from './worker-config.ts';
import { startWorker } from './worker.ts';
import { exitWithUsageOnHelp } from '../lib/help-flag.ts';

exitWithUsageOnHelp(`
Cách dùng: npx tsx scripts/rebuild/main.ts [--dry-run] [--no-portal]

Chạy riêng bộ dựng trang và máy chủ cổng thông tin, với một CMS chạy ở nơi khác (CMS_URL).
`);

// `tsx scripts/rebuild/main.ts [--dry-run] [--no-portal]`: the worker (and the portal server)
// on their own, for a CMS that runs elsewhere. `npm start` runs the same pieces in one process.
const flagsSchema = z.object({ 'dry-run': z.boolean().default(false), 'no-portal': z.boolean().default(false) }).strict();

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, 'no-portal': { type: 'boolean' } }, strict: true });
  const flags = flagsSchema.parse(values);
  const { config, env } = loadConfig();
  const workerEnv = loadWorkerEnv(env);
  const worker = await startWorker({
    ...workerOptionsFrom(config, workerEnv, ROOT),
    dryRun: flags['dry-run'],
  });
  const portal = flags['no-portal'] ? null : await startPortal({ dataDir: config.DATA_DIR, port: config.SITE_PORT, host: workerEnv.SITE_HOST, https: config.SITE_URL.startsWith('https:'), preview: portalPreview(config, env) });
  console.log(`Rebuild worker: ${worker.url}/status${portal ? `; portal: ${config.SITE_URL}` : ''}`);
  const stop = async () => {
    await portal?.stop();
    await worker.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`Rebuild worker failed to start: ${error.message}`);
  process.exit(1);
});
