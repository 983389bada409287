import { writeFileSync } from 'node:fs';

/** A request to the CMS failed: unreachable, refused or an unexpected response. */
export class CmsRequestError extends Error {
  override name = 'CmsRequestError';
  constructor(
    message: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Astro prints a loader's error with colours and a stack; scripts/build.mjs prints one plain
 * line instead, read from the file named by SITE_BUILD_REPORT.
 */
export function reportFailure(error: Error): Error {
  const file = process.env.SITE_BUILD_REPORT;
  if (file) writeFileSync(file, `${error.message}\n`);
  return error;
}
