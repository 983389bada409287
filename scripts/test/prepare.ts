import { execFileSync } from 'node:child_process';
import { CMS_DIR } from '../lib/cms-process.ts';

// Tests start the CMS with `strapi start`, which runs the compiled server in cms/dist.
// Only the server is compiled here (seconds); the admin panel is not needed by tests.
const started = Date.now();
execFileSync(process.execPath, ['-e', "require('@strapi/strapi').compileStrapi({ appDir: process.cwd() }).then(() => process.exit(0))"], {
  cwd: CMS_DIR,
  stdio: 'inherit',
});
console.log(`CMS server compiled for tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
