import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../env/config.ts';
import { exitWithUsageOnHelp } from '../../lib/help-flag.ts';
import { communeSiteUrl, startCrosspostRole, startIntakeRole, startPortalRole, startWorkerRole } from './province-roles.ts';
import { loadQueueEnv } from './queue-env.ts';

exitWithUsageOnHelp(`
Cách dùng: npm run province -- <intake|worker|portal|crosspost>

Chạy một phần của hệ thống cấp tỉnh (REDIS_URL, PROVINCE_COMMUNES, PROVINCE_DOMAIN):
  intake  nhận webhook của CMS và xếp việc dựng trang cho từng xã vào hàng đợi
  worker  lấy việc trong hàng đợi và dựng cổng thông tin của từng xã (chạy bao nhiêu tiến trình cũng được)
  portal  phục vụ cổng thông tin của mọi xã, tại <xã>.<PROVINCE_DOMAIN> (hoặc <PROVINCE_DOMAIN>/<xã>/ với PROVINCE_ROUTING=path)
  crosspost  đăng tin bài lên Facebook, Zalo, YouTube, TikTok bằng tài khoản của từng xã (CROSSPOST_ACCOUNTS_FILE)
`);

// One process per role, so that each scales on its own: see "Running a province" in the README.
const roleSchema = z.enum(['intake', 'worker', 'portal', 'crosspost']);

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  const parsed = roleSchema.safeParse(positionals[0]);
  if (!parsed.success) throw new Error(`say which part to run: intake, worker, portal or crosspost${positionals[0] ? ` (not "${positionals[0]}")` : ''}`);
  const role = parsed.data;
  const { config, env } = loadConfig();
  const ctx = { config, env, queueEnv: loadQueueEnv(env), log: (line: string) => console.log(line) };
  const { queueEnv, log } = ctx;
  let stop: () => Promise<void>;
  if (role === 'intake') {
    const intake = await startIntakeRole(ctx);
    log(`Build intake: ${intake.url}/webhook, status at ${intake.url}/status`);
    stop = intake.stop;
  } else if (role === 'worker') {
    const worker = await startWorkerRole(ctx);
    log(`Build worker ${process.pid}: taking jobs from ${queueEnv.BUILD_QUEUE} for ${queueEnv.PROVINCE_COMMUNES.length} communes`);
    stop = () => worker.stop();
  } else if (role === 'crosspost') {
    const runner = startCrosspostRole(ctx);
    log(`Cross-post runner ${process.pid}: posting for ${queueEnv.PROVINCE_COMMUNES.length} communes on their own accounts`);
    stop = runner.stop;
  } else {
    const portal = await startPortalRole(ctx);
    log(`Province portal: ${portal.url} (each commune at ${communeSiteUrl(ctx, '<slug>')}/)`);
    stop = portal.stop;
  }
  const onSignal = () => void stop().then(() => process.exit(0), () => process.exit(1));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: Error) => {
  console.error(`Province ${process.argv[2] ?? ''} failed to start: ${error.message}`);
  process.exit(1);
});
