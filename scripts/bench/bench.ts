import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { exitWithUsageOnHelp } from '../lib/help-flag.ts';

exitWithUsageOnHelp(`
Cách dùng: npm run bench [-- site|publish|publish-10k|crosspost|serve|backup|province-queue|province|object-store]

Đo thời gian dựng cổng thông tin, độ trễ từ xuất bản đến trực tuyến, tốc độ chia sẻ, tốc độ phục vụ
trang và thời gian sao lưu/khôi phục; không có tham số thì đo tất cả (trừ publish-10k: đo xuất bản
với 10.000 bài, lần đầu mất thêm khoảng 15 phút để tạo dữ liệu; province-queue: hàng đợi dựng trang
cấp tỉnh với bản dựng giả; province: một tỉnh 100 xã × 200 bài với bản dựng thật, hơn một giờ;
object-store: thời gian kho lưu trữ S3 thêm vào mỗi lần xuất bản cấp tỉnh).
`);

// `npm run bench [-- site|publish|publish-10k|crosspost|serve|backup]`: each benchmark runs in its own process so its peak
// memory is its own. Each prints what it measured.
const benches = {
  site: ['scripts/bench/site-bench.ts', '--count', '1000', '--count', '10000', '--warm', '--bare'],
  publish: ['scripts/bench/publish-bench.ts', '--sizes', '100,1000', '--publishes', '5', '--burst-at', '1000'],
  // Opt-in (not in "all"): seeding 10,000 pieces takes ~15 min the first time (the database is kept for the next run).
  'publish-10k': ['scripts/bench/publish-bench.ts', '--sizes', '1000,10000', '--publishes', '5', '--burst-at', '0', '--budget-minutes', '40'],
  crosspost: ['scripts/bench/crosspost-bench.ts', '--jobs', '200', '--latency', '15'],
  serve: ['scripts/bench/serve-bench.ts', '--pieces', '200', '--rounds', '2'],
  backup: ['scripts/bench/backup-bench.ts', '--sizes', 'demo,1000'],
  // Opt-in: the province's build queue with stand-in builds (README "Running a province").
  'province-queue': ['scripts/bench/province-queue-bench.ts', '--communes', '100', '--workers', '1,2,4', '--seconds', '60'],
  // Opt-in: what an S3-compatible store adds to a province's publish (push, pull, poll).
  'object-store': ['scripts/bench/object-store-bench.ts', '--pieces', '200,1000'],
  // Opt-in: issue 13's simulated province on real content and real builds (over an hour here).
  province: ['scripts/bench/province-bench.ts', '--communes', '100', '--pieces', '200', '--workers', '1,2,4', '--seconds', '120', '--rate', '2'],
} as const;

const which = z.array(z.enum(['site', 'publish', 'publish-10k', 'crosspost', 'serve', 'backup', 'province-queue', 'province', 'object-store'])).safeParse(process.argv.slice(2));
if (!which.success) {
  console.error(`Unknown benchmark "${process.argv.slice(2).join(' ')}": use site, publish, publish-10k, crosspost, serve, backup, province-queue, province, object-store or nothing for all but publish-10k, province-queue, province and object-store.`);
  process.exit(2);
}
const selected = which.data.length > 0 ? which.data : (['site', 'publish', 'crosspost', 'serve', 'backup'] as const);
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
// The CMS benches start Strapi with `strapi start`, which runs the compiled server in cms/dist:
// on a fresh clone nothing has compiled it yet, so compile it as `npm test` does.
if (selected.some((name) => name === 'publish' || name === 'crosspost' || name === 'backup')) {
  const compiled = spawnSync(process.execPath, [tsx, 'scripts/test/prepare.ts'], { stdio: 'inherit' });
  if (compiled.status !== 0) {
    console.error('Could not compile the CMS for the benchmarks (exit ' + compiled.status + ').');
    process.exit(1);
  }
}
for (const name of selected) {
  console.log(`\n=== ${name} benchmark: ${benches[name].join(' ')}`);
  const result = spawnSync(process.execPath, [tsx, ...benches[name]], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`The ${name} benchmark failed (exit ${result.status}).`);
    process.exit(1);
  }
}
