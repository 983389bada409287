export { createYoutubeChannel, type YoutubeDeps } from './youtube-channel.ts';
export { loadYoutubeConfig, type YoutubeConfig } from './youtube-config.ts';
