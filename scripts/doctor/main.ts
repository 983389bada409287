import { z } from 'zod';
import { loadConfig } from '../env/config.ts';
import { parseCli, runMain } from '../lib/cli.ts';
import { formatCheck, type CheckResult } from './check.ts';
import { ALL_CHECKS } from './checks.ts';

const USAGE = `
Cách dùng: npm run doctor

Kiểm tra một bản cài đặt đang chạy: CMS, cơ sở dữ liệu, dung lượng ổ đĩa, webhook, bộ dựng
trang, cổng thông tin, bản dựng và bản sao lưu gần nhất, thông tin kết nối từng kênh mạng xã
hội (không in giá trị). Mỗi mục một dòng, kèm việc cần làm khi có vấn đề; thoát với mã khác 0
khi có mục hỏng (✘).
`;

async function main(): Promise<number> {
  parseCli(process.argv.slice(2), {}, z.object({}), USAGE);
  const { config, env } = loadConfig();
  const ctx = { config, env, now: new Date() };
  const results: CheckResult[] = [];
  for (const check of ALL_CHECKS) {
    const result = await check(ctx);
    for (const r of [result].flat()) {
      results.push(r);
      console.log(formatCheck(r));
    }
  }
  const failures = results.filter((r) => r.status === 'fail').length;
  console.log(failures ? `Có ${failures} mục cần xử lý.` : 'Mọi thứ đều ổn.');
  return failures ? 1 : 0;
}

runMain(main, 'Kiểm tra thất bại');
