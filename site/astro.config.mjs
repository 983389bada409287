import { defineConfig } from 'astro/config';
import { loadSiteEnv } from './src/env.mjs';
import { renderAdapter } from './src/integrations/render-adapter';

const env = loadSiteEnv();
const cms = new URL(env.CMS_URL);
const media = new URL(env.MEDIA_URL);

// A server build, never served by Astro: scripts/render-site.mjs renders every page from it
// into a release directory, and on each publish only the pages that changed (README.md).
// No `site`: the portal's address is given with each render (src/lib/portal-site.ts), so one
// bundle serves every commune of a province; `Astro.site` is undefined and must not be used.
export default defineConfig({
  output: 'server',
  adapter: renderAdapter(),
  outDir: env.SITE_OUT_DIR ?? './dist',
  cacheDir: env.SITE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  image: {
    // Covers and screenshots come from the CMS, or from the media bucket (MEDIA_URL).
    remotePatterns: [cms, media].map((url) => ({ protocol: url.protocol.replace(':', ''), hostname: url.hostname })),
  },
  // The content model is a CommonJS workspace package: Node loads it, Vite must not transform it.
  vite: { ssr: { external: ['@thanh-thuy/content-types'] } },
});
