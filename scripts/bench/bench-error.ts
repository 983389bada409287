/** A benchmark step that could not be carried out; the message says which and where. */
export class BenchError extends Error {
  override name = 'BenchError';
}
