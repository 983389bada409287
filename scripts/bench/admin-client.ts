import { BenchError } from './bench-error.ts';

/** The admin panel's own API (content-manager), so publishing fires the real webhooks. */
export class AdminClient {
  private constructor(private readonly url: string, private readonly token: string) {}

  static async login(url: string, email: string, password: string): Promise<AdminClient> {
    const res = await fetch(`${url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const body = (await res.json()) as { data?: { token?: string } };
    if (!body.data?.token) throw new BenchError(`Admin login failed with status ${res.status}: POST ${url}/admin/login`);
    return new AdminClient(url, body.data.token);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new BenchError(`Admin request failed with status ${res.status}: ${method} ${this.url}${path}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async documentIds(singular: string, keys: string[]): Promise<string[]> {
    const { results } = await this.request<{ results: Array<{ key: string; documentId: string }> }>('GET', `/content-manager/collection-types/api::${singular}.${singular}?pageSize=100`);
    return keys.map((key) => {
      const found = results.find((r) => r.key === key);
      if (!found) throw new BenchError(`No ${singular} with key ${key} in the CMS`);
      return found.documentId;
    });
  }

  async createArticle(data: Record<string, unknown>): Promise<{ documentId: string; slug: string }> {
    const { data: created } = await this.request<{ data: { documentId: string; slug: string } }>('POST', '/content-manager/collection-types/api::article.article', data);
    return created;
  }

  async publishArticle(documentId: string): Promise<void> {
    await this.request('POST', `/content-manager/collection-types/api::article.article/${documentId}/actions/publish`, {});
  }

  async unpublishArticle(documentId: string): Promise<void> {
    await this.request('POST', `/content-manager/collection-types/api::article.article/${documentId}/actions/unpublish`, {});
  }
}
