import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../env/config.ts';
import { rollback, siteLayout } from './release-store.ts';
import { exitWithUsageOnHelp } from '../../lib/help-flag.ts';

exitWithUsageOnHelp(`
Cách dùng: npm run rollback [-- --dry-run] [--data-dir THƯ_MỤC]

Phục vụ lại bản dựng trước của cổng thông tin (chạy lại để hoàn tác).
  --dry-run  chỉ in sẽ chuyển từ bản nào sang bản nào
`);

// `npm run rollback [-- --dry-run]`: the build before the live one goes live again at once,
// while the portal keeps serving (the server resolves the `current` link on every request).
// The next publish builds afresh from the CMS, as always.
const flagsSchema = z.object({ 'dry-run': z.boolean().default(false), 'data-dir': z.string().min(1).optional() }).strict();

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, 'data-dir': { type: 'string' } }, strict: true });
  const flags = flagsSchema.parse(values);
  const dataDir = flags['data-dir'] ?? loadConfig().config.DATA_DIR;
  const dryRun = flags['dry-run'];
  const { from, to } = await rollback(siteLayout(dataDir), { dryRun });
  console.log(dryRun ? `Dry run: would switch the portal from build ${from} back to ${to}` : `Rolled back: the portal now serves build ${to} (was ${from}); run again to undo`);
}

main().catch((error: Error) => {
  console.error(`Rollback failed: ${error.message}`);
  process.exit(1);
});
