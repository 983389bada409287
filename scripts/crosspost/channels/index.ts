import type { Channel, ChannelName } from './channel.ts';
import { createFacebookChannel } from './facebook/index.ts';
import { createTiktokChannel } from './tiktok/index.ts';
import { createWebhookChannel } from './webhook/index.ts';
import { createYoutubeChannel } from './youtube/index.ts';
import { createZaloChannel } from './zalo/index.ts';

/**
 * Every channel the runner knows, built from the environment; undefined where credentials are
 * absent (outbox mode). A malformed setting throws at start, naming the variable.
 */
export function channelsFromEnv(env: Record<string, string | undefined>, stateDir: string): Map<ChannelName, Channel | undefined> {
  return new Map<ChannelName, Channel | undefined>([
    ['facebook', createFacebookChannel(env)],
    ['zalo', createZaloChannel(env, { tokenDir: stateDir })],
    ['youtube', createYoutubeChannel(env)],
    ['tiktok', createTiktokChannel(env, { tokenDir: stateDir })],
    ['webhook', createWebhookChannel(env)],
  ]);
}
