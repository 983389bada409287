import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

// Wall-clock marks of the build's phases, written to SITE_BUILD_TIMINGS (scripts/build.mjs
// and the bench read them): content sync ends at build:start, bundling at build:ssr, page
// generation at build:generated.
export function buildTimings(): AstroIntegration {
  const marks: Record<string, number> = {};
  const mark = (name: string) => {
    marks[name] = Date.now();
  };
  return {
    name: 'thanh-thuy:build-timings',
    hooks: {
      'astro:config:done': () => mark('configDone'),
      'astro:build:start': () => mark('buildStart'),
      'astro:build:ssr': () => mark('bundled'),
      'astro:build:generated': () => mark('generated'),
      'astro:build:done': () => {
        mark('done');
        const file = process.env.SITE_BUILD_TIMINGS;
        if (file) writeFileSync(file, JSON.stringify(marks));
      },
    },
  };
}
