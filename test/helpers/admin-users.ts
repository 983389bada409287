import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CMS_DIR } from '../../scripts/lib/cms-process.ts';
import { AdminApi, type ApiResult } from './admin-api.ts';
import type { TestCms } from './cms.ts';

/** Invites an admin user with the named role and registers them, as the admin panel does. */
export async function userWithRole(cms: TestCms, superAdmin: AdminApi, roleName: string, email: string): Promise<AdminApi> {
  const roles = await superAdmin.request('GET', '/admin/roles');
  const role = (roles.body.data as Array<{ id: number; name: string }>).find((r) => r.name === roleName);
  if (!role) throw new Error(`Role ${roleName} not found among ${JSON.stringify(roles.body.data.map((r: { name: string }) => r.name))}`);
  const invited = await superAdmin.request('POST', '/admin/users', { firstname: 'Cán bộ', lastname: roleName, email, roles: [role.id] });
  if (invited.status !== 201) throw new Error(`Invite failed: ${JSON.stringify(invited.body)}`);
  const password = 'Bientap2025x';
  const registered = await fetch(`${cms.url}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationToken: invited.body.data.registrationToken, userInfo: { firstname: 'Cán bộ', lastname: roleName, password } }),
  });
  const body = (await registered.json()) as { data: { token: string } };
  if (!body.data?.token) throw new Error(`Register failed: ${JSON.stringify(body)}`);
  return new AdminApi(cms, async () => body.data.token);
}

/** A small PNG of one colour, drawn by the CMS's own sharp. */
export async function png(colour: string): Promise<Blob> {
  const require = createRequire(join(CMS_DIR, 'package.json'));
  const sharp = require('sharp') as (options: unknown) => { png: () => { toBuffer: () => Promise<Buffer> } };
  const buffer = await sharp({ create: { width: 16, height: 16, channels: 3, background: colour } }).png().toBuffer();
  return new Blob([new Uint8Array(buffer)], { type: 'image/png' });
}

/** A multipart request to the media library, as the admin panel sends it. */
export async function multipart(api: AdminApi, path: string, parts: Record<string, Blob | string>, method = 'POST', filename = 'anh.png'): Promise<ApiResult> {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename);
  }
  return api.send(method, path, form);
}
