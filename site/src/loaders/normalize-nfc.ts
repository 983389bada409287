/** Every string of a JSON value in Unicode NFC (editors paste NFD text from some sources). */
export function normalizeNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalizeNfc) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeNfc(v)])) as T;
  }
  return value;
}
