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

/** A published entry does not match the content model: the build stops (see site/README.md). */
export class InvalidEntryError extends Error {
  override name = 'InvalidEntryError';
  constructor(
    readonly kind: string,
    readonly documentId: string,
    readonly detail: string,
  ) {
    super(`Invalid ${kind} ${documentId}: ${detail}`);
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
