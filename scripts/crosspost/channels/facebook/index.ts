export { createFacebookChannel, facebookChannel, type FacebookChannelOptions } from './facebook-channel.ts';
