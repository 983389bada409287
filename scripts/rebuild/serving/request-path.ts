export type RequestPath =
  | {
      ok: true;
      /** Decoded path segments, without empty or "." segments. */
      segments: string[];
      /** The request asked for a directory (its path ended with "/"). */
      directory: boolean;
      /** The query string as sent, with its "?" (or ""). */
      search: string;
      /** The one address of this resource: "/a/b/" or "/a/b", percent-encoded again. */
      canonical: string;
      /** The path as sent was not the canonical one ("//a", "/./a", "/a//b"). */
      irregular: boolean;
    }
  | { ok: false; status: 400 | 404 };

/** The path of a request target, before any "?" or "#". */
export function pathOf(target: string): string {
  const query = target.search(/[?#]/);
  return query === -1 ? target : target.slice(0, query);
}

/** The query string of a request target as sent, with its "?" (or ""). */
export function searchOf(target: string): string {
  const query = target.search(/[?#]/);
  return query === -1 || target[query] === '#' ? '' : target.slice(query).replace(/#.*$/, '');
}

const encodeSegment = (segment: string) => encodeURIComponent(segment);

/**
 * The request target as a list of safe path segments, read by hand rather than with
 * `new URL()`: WHATWG parsing resolves "/.//a" to the path "//a" and reads "//host/a" as
 * a host, and a redirect built from either becomes a protocol-relative `Location` (an open
 * redirect). Segments that would leave the build (".."), dotfiles (the precompressor's
 * temp files, .git), NUL and backslashes (browsers read "/\host" as "//host") are refused.
 */
export function parseRequestPath(target: string | undefined): RequestPath {
  const raw = target ?? '/';
  if (!raw.startsWith('/')) return { ok: false, status: 400 };
  const pathPart = pathOf(raw);
  const search = searchOf(raw);
  const segments: string[] = [];
  const decoded: string[] = [];
  for (const encoded of pathPart.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment.includes('\0') || segment.includes('\\') || segment.includes('/')) return { ok: false, status: 400 };
    decoded.push(segment);
    if (segment === '' || segment === '.') continue;
    if (segment.startsWith('.')) return { ok: false, status: 404 };
    segments.push(segment);
  }
  const directory = pathPart.endsWith('/') || segments.length === 0;
  const canonical = `/${segments.map(encodeSegment).join('/')}${directory && segments.length > 0 ? '/' : ''}`;
  const irregular = segments.length > 0 && decoded.join('/') !== `/${segments.join('/')}${directory ? '/' : ''}`;
  return { ok: true, segments, directory, search, canonical, irregular };
}

/** A `Location` for a redirect to `path` on this site: always a path, never another host. */
export function sameSiteLocation(path: string, search: string): string {
  // parseRequestPath's canonical paths start with a single "/" and hold no "\": this check
  // keeps it so whatever builds the path in the future.
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) throw new Error(`Refusing to redirect to ${JSON.stringify(path)}: not a path on this site`);
  return `${path}${search}`;
}
