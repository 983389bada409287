import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_SECRETS } from '../../scripts/env/ensure-env.ts';
import { factCheckFields } from '../fixtures/entries.ts';

// Code inside the CMS (seeds, future plugins) can publish in one call with
// create({ status: 'published' }), which Strapi performs inside its repository, past the
// document middlewares. The completeness check must still run.
const cmsDir = resolve(import.meta.dirname, '..', '..', 'cms');
const dir = mkdtempSync(join(tmpdir(), 'tt-inproc-'));
let strapi: any;
const savedListeners = new Map<string | symbol, Function[]>();

describe('publishing from code inside the CMS', () => {
  beforeAll(async () => {
    Object.assign(process.env, Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()])), {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: join(dir, 'data.db'),
      SEED_DEMO: 'false',
      SERVE_ADMIN: 'false',
    });
    // strapi.destroy() removes every process listener (FACTS.md): vitest's own, and Node's own
    // 'newListener'/'removeListener' hooks that keep the IPC channel to vitest referenced while
    // a 'message' listener exists. Without those, the worker exited (code 0) as soon as its
    // event loop ran dry, before telling vitest the file was finished ("Worker exited
    // unexpectedly" in CI). So every event's listeners are saved and put back, in order.
    for (const event of process.eventNames()) savedListeners.set(event, process.listeners(event as NodeJS.Signals) as Function[]);
    const require = createRequire(join(cmsDir, 'package.json'));
    const { createStrapi } = require('@strapi/strapi');
    strapi = await createStrapi({ appDir: cmsDir, distDir: join(cmsDir, 'dist') }).load();
  });

  afterAll(async () => {
    await strapi?.destroy();
    for (const [event, listeners] of savedListeners) {
      for (const listener of listeners) if (!process.listeners(event as NodeJS.Signals).includes(listener as never)) process.on(event, listener as never);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('create with status "published" is refused when the entry is incomplete, and nothing goes public', async () => {
    const documents = strapi.documents('api::fact-check.fact-check');
    const theme = await strapi.documents('api::theme.theme').findFirst({ filters: { key: 'phan-bac-thong-tin-xau-doc' } });
    const unit = await strapi.documents('api::unit.unit').findFirst({ filters: { key: 'cong-an-xa' } });
    const data = { ...factCheckFields, title: 'Kiểm chứng tạo thẳng', sources: [], themes: [theme.documentId], unit: unit.documentId };
    await expect(documents.create({ data, status: 'published' })).rejects.toThrow('«Nguồn chính thức» cần ít nhất 1 mục.');
    expect(await documents.count({ status: 'published' })).toBe(0);
  });

  it('create with status "published" publishes a complete entry', async () => {
    const documents = strapi.documents('api::fact-check.fact-check');
    const theme = await strapi.documents('api::theme.theme').findFirst({ filters: { key: 'phan-bac-thong-tin-xau-doc' } });
    const unit = await strapi.documents('api::unit.unit').findFirst({ filters: { key: 'cong-an-xa' } });
    const created = await documents.create({ data: { ...factCheckFields, title: 'Kiểm chứng đủ nguồn', themes: [theme.documentId], unit: unit.documentId }, status: 'published' });
    expect(created.publishedAt).toBeTruthy();
    expect(await documents.count({ status: 'published' })).toBe(1);
  });
});
