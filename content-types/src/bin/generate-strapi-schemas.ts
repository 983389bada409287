import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { strapiFiles } from '../strapi-schema';

// Writes (or with --check, compares) the Strapi schema, route, controller and service
// files that content-types/ defines. Exits 1 on --check when any file differs.
const cmsDir = resolve(__dirname, '..', '..', '..', 'cms');
if (process.argv.includes('--help')) {
  console.log('Cách dùng: npm run generate [-- --check]\n\nViết lại cms/src/api/** và cms/src/components/** từ content-types/; --check chỉ so sánh và thoát 1 khi khác.');
  process.exit(0);
}
const check = process.argv.includes('--check');
const drifted: string[] = [];

for (const [relative, contents] of strapiFiles()) {
  const path = join(cmsDir, relative);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === contents) continue;
  if (check) {
    drifted.push(relative);
    continue;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
  console.log(`generated cms/${relative}`);
}

if (check && drifted.length > 0) {
  console.error(`cms/ differs from content-types/ in: ${drifted.join(', ')}. Run \`npm run generate\`.`);
  process.exit(1);
}
