import * as React from 'react';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelEntry } from '../../crosspost/panel-view';
import { messageOf } from '../refusal-message';

export interface PanelRights {
  retry: boolean;
  markPosted: boolean;
  repost: boolean;
  remove: boolean;
}

export type Ledger =
  | { status: 'loading' }
  | { status: 'hidden' }
  | { status: 'error'; message: string }
  | { status: 'ready'; entries: PanelEntry[]; may: PanelRights };

// The panel's admin routes (cms/src/crosspost/panel-routes.ts).
const PREFIX = '/crosspost-panel';


/** The ledger of one piece, and the actions an editor takes on it (each reloads the ledger). */
export function useCrosspostLedger(model: string, documentId: string | undefined) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [ledger, setLedger] = React.useState<Ledger>({ status: 'loading' });

  const load = React.useCallback(async () => {
    if (!documentId) return setLedger({ status: 'hidden' });
    try {
      const { data } = await get<{ data: { entries: PanelEntry[]; may: PanelRights } }>(`${PREFIX}/pieces/${model}/${documentId}/jobs`);
      setLedger({ status: 'ready', ...data.data });
    } catch (error) {
      // 400: this content type is not cross-posted, so the edit page shows no panel.
      if (isFetchError(error) && error.status === 400) return setLedger({ status: 'hidden' });
      setLedger({ status: 'error', message: messageOf(error) });
    }
  }, [get, model, documentId]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const act = React.useCallback(
    async (path: string, body: unknown, done: string): Promise<boolean> => {
      try {
        await post(`${PREFIX}${path}`, body);
        toggleNotification({ type: 'success', message: done });
        return true;
      } catch (error) {
        toggleNotification({ type: 'danger', message: messageOf(error) });
        return false;
      } finally {
        await load();
      }
    },
    [post, toggleNotification, load],
  );

  return {
    ledger,
    retry: (entry: PanelEntry) => act(`/jobs/${entry.id}/retry`, {}, `Đã đưa ${entry.channelLabel} vào hàng chờ gửi lại.`),
    repost: (entry: PanelEntry) => act(`/pieces/${model}/${documentId}/channels/${entry.channel}/repost`, { commune: entry.commune }, `Đã xếp lịch đăng lại lên ${entry.channelLabel}.`),
    remove: (entry: PanelEntry) => act(`/jobs/${entry.id}/remove`, {}, `Đã xếp lịch gỡ bài trên ${entry.channelLabel}.`),
    markPosted: (entry: PanelEntry, url: string) => act(`/jobs/${entry.id}/posted-by-hand`, { url }, `Đã ghi nhận bài đăng tay trên ${entry.channelLabel}.`),
  };
}

export type LedgerActions = Omit<ReturnType<typeof useCrosspostLedger>, 'ledger'>;
