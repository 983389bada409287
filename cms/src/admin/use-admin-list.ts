import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { messageOf } from './refusal-message';

/** A list one of the app's admin routes answers (`{ data: [...], meta? }`), with its meta: null while loading. */
export function useAdminPage<T, M = Record<string, unknown>>(path: string): { data: T[]; meta?: M } | { error: string } | null {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ data: T[]; meta?: M } | { error: string } | null>(null);
  React.useEffect(() => {
    get<{ data: T[]; meta?: M }>(path)
      .then(({ data }) => setState({ data: data.data, meta: data.meta }))
      .catch((error) => setState({ error: messageOf(error, 'Không tải được danh sách.') }));
  }, [get, path]);
  return state;
}

/** A list one of the app's admin routes answers (`{ data: [...] }`), for a homepage widget: null while loading. */
export function useAdminList<T>(path: string): T[] | { error: string } | null {
  const state = useAdminPage<T>(path);
  return state && 'data' in state ? state.data : state;
}
