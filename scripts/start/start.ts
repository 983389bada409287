import { loadConfig, type Config } from '../env/config.ts';
import { startCms, type CmsProcess } from '../lib/cms-process.ts';
import { buildCms } from './build-cms.ts';

// `npm start`: one command brings up everything a commune needs, in order.
interface Context {
  config: Config;
  env: Record<string, string>;
  cms?: CmsProcess;
  stops: Array<() => Promise<void>>;
  log: (line: string) => void;
}

type Step = (ctx: Context) => Promise<void>;

const buildCmsStep: Step = async ({ env, log }) => buildCms(env, log);

const startCmsStep: Step = async (ctx) => {
  const { config, env } = ctx;
  ctx.cms = await startCms({
    port: config.CMS_PORT,
    env: { ...env, HOST: env.HOST ?? '0.0.0.0', NODE_ENV: env.NODE_ENV ?? 'production' },
    timeoutMs: 180_000,
  });
  ctx.stops.push(ctx.cms.stop);
};

const printUrls: Step = async ({ config, log }) => {
  log('');
  log('Hệ thống đã sẵn sàng:');
  log(`  Trang quản trị (CMS):   ${config.CMS_URL}/admin`);
  log(`  API nội dung:           ${config.CMS_URL}/api/articles`);
  log('Nhấn Ctrl+C để dừng.');
};

async function main(): Promise<void> {
  const { config, env } = loadConfig();
  const ctx: Context = { config, env, stops: [], log: (line) => console.log(line) };
  const stopAll = async () => {
    for (const stop of ctx.stops.reverse()) await stop();
    process.exit(0);
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  const steps: Step[] = [buildCmsStep, startCmsStep, printUrls];
  for (const step of steps) await step(ctx);
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
