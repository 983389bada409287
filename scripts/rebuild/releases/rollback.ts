import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../env/config.ts';
import { SLUG_PATTERN } from '@thanh-thuy/content-types';
import { rollback, siteLayout } from './release-store.ts';
import { exitWithUsageOnHelp } from '../../lib/help-flag.ts';
import { CommuneReleases } from '../object-store/commune-releases.ts';
import { objectStoreFrom } from '../object-store/object-store-env.ts';
import { communeDataDir } from '../queue/commune-data-dir.ts';

exitWithUsageOnHelp(`
Cách dùng: npm run rollback [-- --dry-run] [--data-dir THƯ_MỤC] [--commune MÃ_XÃ]

Phục vụ lại bản dựng trước của cổng thông tin (chạy lại để hoàn tác).
  --dry-run  chỉ in sẽ chuyển từ bản nào sang bản nào
  --commune  cổng thông tin của một xã, phường khi hệ thống phục vụ cả tỉnh (trong kho lưu
             trữ đối tượng khi có RELEASE_BUCKET, nếu không thì trong DATA_DIR/communes/MÃ_XÃ)
`);

// `npm run rollback [-- --dry-run]`: the build before the live one goes live again at once,
// while the portal keeps serving (the server resolves the `current` link on every request).
// The next publish builds afresh from the CMS, as always.
const flagsSchema = z
  .object({ 'dry-run': z.boolean().default(false), 'data-dir': z.string().min(1).optional(), commune: z.string().regex(SLUG_PATTERN, 'is not a commune code (e.g. thanh-thuy)').optional() })
  .strict();

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, 'data-dir': { type: 'string' }, commune: { type: 'string' } }, strict: true });
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`--${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  const flags = parsed.data;
  const { config, env } = loadConfig();
  const dataDir = flags['data-dir'] ?? config.DATA_DIR;
  const dryRun = flags['dry-run'];
  // A province's commune: its pointer in the bucket when releases go there (portals follow it).
  const store = flags.commune ? objectStoreFrom(env) : null;
  const layout = siteLayout(flags.commune ? communeDataDir(dataDir, flags.commune) : dataDir);
  const { from, to } = store ? await new CommuneReleases(store, flags.commune!, layout).rollback({ dryRun }) : await rollback(layout, { dryRun });
  console.log(dryRun ? `Dry run: would switch the portal from build ${from} back to ${to}` : `Rolled back: the portal now serves build ${to} (was ${from}); run again to undo`);
}

main().catch((error: Error) => {
  console.error(`Rollback failed: ${error.message}`);
  process.exit(1);
});
