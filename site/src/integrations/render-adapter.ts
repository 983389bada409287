import type { AstroIntegration } from 'astro';

/**
 * The portal's own adapter: `astro build` makes a server bundle whose entry exports the
 * functions scripts/render-site.mjs calls in-process (load the CMS's data, list the pages,
 * render one page). Nothing is served by Astro: every page is written to a release as a
 * file, for a full build and for an incremental one alike (site/README.md, "Rendering").
 */
export function renderAdapter(): AstroIntegration {
  return {
    name: 'thanh-thuy:render-adapter',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'thanh-thuy:render-adapter',
          serverEntrypoint: new URL('../render/server-entry.ts', import.meta.url).pathname,
          exports: ['renderer'],
          supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'unsupported', hybridOutput: 'unsupported', sharpImageService: 'stable' },
        });
      },
    },
  };
}
