import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadConfig } from '../env/config.ts';
import { CMS_DIR } from '../lib/cms-process.ts';
import { buildCms } from '../start/build-cms.ts';
import { exitWithUsageOnHelp } from '../lib/help-flag.ts';

exitWithUsageOnHelp(`
Cách dùng: npm run demo:remove [-- --no-build]

Xóa nội dung mẫu và ảnh của nó; nội dung mẫu không được nạp lại.
`);

// `npm run demo:remove`: deletes the demo set (entries and their images) from the database
// the CMS is configured for, and records that it must not be loaded again.
async function main(): Promise<void> {
  const { env } = loadConfig();
  Object.assign(process.env, env, { SEED_DEMO: 'false' });
  if (!process.argv.includes('--no-build')) buildCms(env, () => undefined);
  const require = createRequire(join(CMS_DIR, 'package.json'));
  const { createStrapi } = require('@strapi/strapi') as { createStrapi: (o: object) => { load: () => Promise<any> } };
  const strapi = await createStrapi({ appDir: CMS_DIR, distDir: join(CMS_DIR, 'dist') }).load();
  try {
    const { removeDemo } = require(join(CMS_DIR, 'dist', 'src', 'seed', 'demo.js')) as typeof import('../../cms/src/seed/demo.ts');
    const removed = await removeDemo(strapi);
    console.log(`Đã xóa dữ liệu mẫu: ${removed.documents} mục nội dung, ${removed.files} ảnh.`);
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`demo:remove failed: ${error.message}`);
    process.exit(1);
  },
);
