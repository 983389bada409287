import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CMS_DIR } from '../../scripts/lib/cms-process.ts';
import { AdminApi } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';

// Finding 4 of issue 12: Strapi's "Editor" role publishes without review. A fresh install
// never shows it (roles.test.ts); an install where someone already holds it must lose the
// role without losing its people.
const dir = mkdtempSync(join(tmpdir(), 'tt-roles-'));
const database = join(dir, 'data.db');

function renameRoleCodes(codes: Record<number, string>): void {
  const require = createRequire(join(CMS_DIR, 'package.json'));
  const Database = require('better-sqlite3') as new (file: string) => { prepare: (sql: string) => { run: (...args: unknown[]) => unknown }; close: () => void };
  const db = new Database(database);
  // Strapi's own code for the roles it creates on a fresh database; the admin API cannot set it.
  for (const [id, code] of Object.entries(codes)) db.prepare('UPDATE admin_roles SET code = ? WHERE id = ?').run(code, Number(id));
  db.close();
}

describe('Strapi’s own Editor and Author roles on an existing install', () => {
  let cms: TestCms | undefined;

  afterAll(async () => {
    await cms?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are removed at start; their holders keep their other roles or become Biên tập viên', async () => {
    cms = await bootCms({ env: { DATABASE_FILENAME: database } });
    const admin = new AdminApi(cms, cms.adminToken);
    const roleId = async (name: string) => {
      const roles = (await admin.request('GET', '/admin/roles')).body.data as Array<{ id: number; name: string }>;
      return roles.find((r) => r.name === name)?.id ?? (await admin.request('POST', '/admin/roles', { name, description: `Strapi's ${name}` })).body.data.id;
    };
    const editor = await roleId('Editor');
    const author = await roleId('Author');
    const reviewer = await roleId('Lãnh đạo duyệt');
    const invite = (email: string, roles: number[]) => admin.request('POST', '/admin/users', { firstname: 'Cán bộ', lastname: 'cũ', email, roles });
    expect((await invite('chi-editor@thanhthuy.test', [editor])).status).toBe(201);
    expect((await invite('author-va-lanh-dao@thanhthuy.test', [author, reviewer])).status).toBe(201);
    await cms.stop();
    renameRoleCodes({ [editor]: 'strapi-editor', [author]: 'strapi-author' });

    const firstAdmin = cms.admin; // the restart generates new credentials; this admin already exists
    cms = await bootCms({ env: { DATABASE_FILENAME: database } });
    const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(firstAdmin) });
    const { data } = (await login.json()) as { data: { token: string } };
    const restarted = new AdminApi(cms, async () => data.token);
    const names = ((await restarted.request('GET', '/admin/roles')).body.data as Array<{ name: string }>).map((r) => r.name).sort();
    // Beside the office's two roles, the two of issue 9 outside it: Công an xã and the residential-area heads.
    expect(names).toEqual(['Biên tập viên', 'Công an xã', 'Lãnh đạo duyệt', 'Super Admin', 'Trưởng khu dân cư']);
    const users = (await restarted.request('GET', '/admin/users?pageSize=100')).body.data.results as Array<{ email: string; roles: Array<{ name: string }> }>;
    const rolesOf = (email: string) => users.find((u) => u.email === email)?.roles.map((r) => r.name);
    expect(rolesOf('chi-editor@thanhthuy.test')).toEqual(['Biên tập viên']);
    expect(rolesOf('author-va-lanh-dao@thanhthuy.test')).toEqual(['Lãnh đạo duyệt']);
    expect(cms.output()).toContain('chi-editor@thanhthuy.test held Strapi\'s "Editor" role');
  });
});
