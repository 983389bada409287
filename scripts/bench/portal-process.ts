// The portal server alone in its own process, for `npm run bench -- serve`: the bench's own
// work (and wrk) must not share its event loop.
//   tsx scripts/bench/portal-process.ts --data-dir DIR --port N
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startPortal } from '../rebuild/serving/portal.ts';

const flags = z
  .object({ 'data-dir': z.string().min(1), port: z.coerce.number().int().min(1).max(65_535) })
  .strict()
  .parse(parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }, strict: true }).values);

const portal = await startPortal({ dataDir: flags['data-dir'], port: flags.port, host: '127.0.0.1' });
console.log(`ready ${portal.url}`);
process.on('SIGTERM', () => {
  void portal.stop().then(() => process.exit(0));
});
