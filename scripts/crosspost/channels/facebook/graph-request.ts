// One HTTP call to the Graph API, reduced to what the channel needs to classify it: an answer,
// a request that surely never left (nothing can have been posted), or one whose fate is lost.

export type GraphOutcome =
  | { kind: 'answer'; status: number; headers: Headers; body: unknown }
  | { kind: 'not-sent'; error: unknown }
  | { kind: 'lost'; error: unknown; timedOut: boolean };

/** Connection-stage failures: the request was never written to a socket. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCodes(error: unknown, depth = 0): string[] {
  if (depth > 4 || typeof error !== 'object' || error === null) return [];
  const own = 'code' in error && typeof error.code === 'string' ? [error.code] : [];
  const nested = 'errors' in error && Array.isArray(error.errors) ? error.errors.flatMap((e) => errorCodes(e, depth + 1)) : [];
  const cause = 'cause' in error ? errorCodes(error.cause, depth + 1) : [];
  return [...own, ...nested, ...cause];
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

export interface GraphRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  /** Form fields of a POST (application/x-www-form-urlencoded, as the Graph API documents). */
  form?: Record<string, string>;
  timeoutMs: number;
}

export async function graphRequest({ method, url, form, timeoutMs }: GraphRequest): Promise<GraphOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      headers: { accept: 'application/json' },
      body: form ? new URLSearchParams(form) : undefined,
    });
  } catch (error) {
    const codes = errorCodes(error);
    if (!isTimeout(error) && codes.some((code) => NOT_SENT_CODES.has(code))) return { kind: 'not-sent', error };
    return { kind: 'lost', error, timedOut: isTimeout(error) };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The status line arrived but the body did not: for a create we cannot tell what happened.
    return { kind: 'lost', error, timedOut: isTimeout(error) };
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined; // A proxy's HTML error page: classified by status alone.
  }
  return { kind: 'answer', status: response.status, headers: response.headers, body };
}

/** A URL fit for an error message: the access token is replaced, whatever its place. */
export function redactUrl(url: URL | string): string {
  const copy = new URL(String(url));
  for (const key of [...copy.searchParams.keys()]) {
    if (/token|secret|key/i.test(key)) copy.searchParams.set(key, 'REDACTED');
  }
  return copy.toString().replace(/%5B|%5D|%7B|%7D|%2C/gi, decodeURIComponent);
}

/** Removes every occurrence of a secret from a text (defence in depth for echoed messages). */
export function scrub(text: string, secret: string): string {
  return secret.length >= 4 ? text.split(secret).join('REDACTED') : text;
}
