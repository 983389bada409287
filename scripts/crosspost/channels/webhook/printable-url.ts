/** A URL as it may appear in an error: no query string or credentials, which can hold tokens. */
export function printableUrl(url: string): string {
  const { origin, pathname } = new URL(url);
  return `${origin}${pathname}`;
}
