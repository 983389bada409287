import type { TestCms } from './cms.ts';

export interface ApiResult<T = any> {
  status: number;
  body: T;
}

/** A small client for the admin (content-manager) API, as the admin panel uses it. */
export class AdminApi {
  constructor(readonly cms: TestCms, private readonly token: () => Promise<string>) {}

  async request<T = any>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const res = await fetch(`${this.cms.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token()}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  /** A GET whose answer is not JSON (a downloaded file): the response itself. */
  async download(path: string): Promise<Response> {
    return fetch(`${this.cms.url}${path}`, { headers: { authorization: `Bearer ${await this.token()}` } });
  }

  /** Sends a body as is (e.g. FormData, whose content type fetch sets itself). */
  async send<T = any>(method: string, path: string, body?: BodyInit): Promise<ApiResult<T>> {
    const res = await fetch(`${this.cms.url}${path}`, { method, headers: { authorization: `Bearer ${await this.token()}` }, body });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  create(uid: string, data: Record<string, unknown>) {
    return this.request('POST', `/content-manager/collection-types/${uid}`, data);
  }

  update(uid: string, documentId: string, data: Record<string, unknown>) {
    return this.request('PUT', `/content-manager/collection-types/${uid}/${documentId}`, data);
  }

  publish(uid: string, documentId: string) {
    return this.request('POST', `/content-manager/collection-types/${uid}/${documentId}/actions/publish`, {});
  }

  unpublish(uid: string, documentId: string) {
    return this.request('POST', `/content-manager/collection-types/${uid}/${documentId}/actions/unpublish`, {});
  }

  /** The review workflow (issue 10): send for review, approve, ask for changes. */
  review(uid: string, documentId: string, action: 'submit' | 'approve' | 'request-changes', note?: string) {
    return this.request('POST', `/review/${uid}/${documentId}/${action}`, note === undefined ? {} : { note });
  }

  reviewOf(uid: string, documentId: string) {
    return this.request('GET', `/review/${uid}/${documentId}`);
  }

  remove(uid: string, documentId: string) {
    return this.request('DELETE', `/content-manager/collection-types/${uid}/${documentId}`);
  }

  /** documentIds of taxonomy entries by key, e.g. ids('theme', ['y-nghia-ke-hoach']). */
  async ids(singular: string, keys: string[]): Promise<string[]> {
    const { body } = await this.request('GET', `/content-manager/collection-types/api::${singular}.${singular}?pageSize=100`);
    return keys.map((key) => {
      const found = (body.results as Array<{ key: string; documentId: string }>).find((r) => r.key === key);
      if (!found) throw new Error(`No ${singular} with key ${key}`);
      return found.documentId;
    });
  }
}

export const connect = (documentIds: string[]) => ({ connect: documentIds.map((documentId) => ({ documentId })) });

/** GET on the public REST API, optionally with a bearer token. */
export async function publicGet(cms: TestCms, path: string, token?: string): Promise<ApiResult> {
  const res = await fetch(`${cms.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
