// What the cross-posting tests share: a runner wired to a test CMS, draining until nothing is
// due, and an article published through the admin with the channels it names.
import { expect } from 'vitest';
import { captionFor } from '../../../scripts/crosspost/caption.ts';
import type { Channel, ChannelName } from '../../../scripts/crosspost/channels/channel.ts';
import { LedgerClient } from '../../../scripts/crosspost/ledger-client.ts';
import { drain, type RunnerDeps } from '../../../scripts/crosspost/runner.ts';
import { connect, type AdminApi } from '../../helpers/admin-api.ts';
import { png } from '../../helpers/admin-users.ts';
import type { TestCms } from '../../helpers/cms.ts';
import { articleFields } from '../../fixtures/entries.ts';

export const ARTICLE = 'api::article.article';
export const LEDGER = 'api::crosspost-job.crosspost-job';
export const SITE_URL = 'https://thanhthuy.example.gov.vn';

/** A runner named `name` on the test CMS, posting through `channels`; retries are due at once. */
export function runnerFor(cms: TestCms, name: string, channels: Array<[ChannelName, Channel | undefined]>, overrides: Partial<RunnerDeps> = {}): RunnerDeps {
  return {
    ledger: new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET!, name),
    channels: new Map(channels),
    siteUrl: SITE_URL,
    cmsUrl: cms.url,
    isLive: async () => true,
    caption: captionFor,
    retryBaseMs: 1,
    ...overrides,
  };
}

/** Drains until no job is due. */
export async function settle(deps: RunnerDeps): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    await new Promise((r) => setTimeout(r, 20));
    if ((await drain(deps)) === 0) return;
  }
}

/** Creates and publishes an article naming the given channels (taxonomy keys), with any other fields. */
export async function publishArticle(api: AdminApi, title: string, channels: string[], fields: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
  const created = await api.create(ARTICLE, {
    ...articleFields,
    title,
    themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])),
    unit: connect(await api.ids('unit', ['phong-vhxh'])),
    ...(channels.length ? { channels: connect(await api.ids('channel', channels)) } : {}),
    ...fields,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.data.documentId as string;
  expect((await api.publish(ARTICLE, id)).status).toBe(200);
  return { id, slug: created.body.data.slug as string };
}

/** Uploads a file to the media library as the admin's upload dialog does; returns the file. */
export async function uploadFile(api: AdminApi, bytes: Buffer, name: string, type: string): Promise<{ id: number; url: string; mime: string }> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await api.send('POST', '/upload', form);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body[0];
}

/** Like publishArticle, with a cover image uploaded first (Zalo refuses an article without one). */
export async function publishArticleWithCover(api: AdminApi, title: string, channels: string[]): Promise<{ id: string; slug: string }> {
  const form = new FormData();
  form.append('files', await png('#1060d0'), 'anh-bia.png');
  const uploaded = await api.send('POST', '/upload', form);
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  const created = await api.create(ARTICLE, {
    ...articleFields,
    title,
    cover: uploaded.body[0].id,
    coverAlt: 'Ảnh bìa của tin',
    themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])),
    unit: connect(await api.ids('unit', ['phong-vhxh'])),
    ...(channels.length ? { channels: connect(await api.ids('channel', channels)) } : {}),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.data.documentId as string;
  expect((await api.publish(ARTICLE, id)).status).toBe(200);
  return { id, slug: created.body.data.slug as string };
}
