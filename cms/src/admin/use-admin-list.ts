import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { messageOf } from './refusal-message';

/** A list one of the app's admin routes answers (`{ data: [...] }`), for a homepage widget: null while loading. */
export function useAdminList<T>(path: string): T[] | { error: string } | null {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<T[] | { error: string } | null>(null);
  React.useEffect(() => {
    get<{ data: T[] }>(path)
      .then(({ data }) => setState(data.data))
      .catch((error) => setState({ error: messageOf(error, 'Không tải được danh sách.') }));
  }, [get, path]);
  return state;
}
