import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelEntry } from '../../crosspost/panel-view';
import { messageOf } from '../refusal-message';
import { useAdminPage } from '../use-admin-list';
import { OutboxPost } from './outbox-post';
import { PostedByHandButton } from './posted-by-hand-button';

/**
 * The homepage's «Bài chờ đăng tay»: each post a channel without API access is waiting for, on
 * the accounts this officer works with, ready to paste, and «Đã đăng tay» once it is up. In a
 * province this is where a commune's officer finds the province's pieces for their own page.
 */
export function OutboxWidget() {
  const [reload, setReload] = React.useState(0);
  const page = useAdminPage<PanelEntry, { listed: number; waiting: number }>(`/crosspost-panel/outbox?v=${reload}`);
  const state = page && 'data' in page ? page.data : page;
  const meta = page && 'data' in page ? page.meta : undefined;
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const markPosted = async (entry: PanelEntry, url: string) => {
    try {
      await post(`/crosspost-panel/jobs/${entry.id}/posted-by-hand`, { url });
      toggleNotification({ type: 'success', message: `Đã ghi nhận bài đăng tay trên ${entry.channelLabel}.` });
      setReload((n) => n + 1);
      return true;
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
      return false;
    }
  };

  if (!state) return null;
  if ('error' in state) return <Typography textColor="danger600">{state.error}</Typography>;
  if (state.length === 0) return <Typography textColor="neutral600">Không có bài nào chờ đăng tay.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="outbox-queue">
      {state.map((entry) => (
        <Flex key={entry.id} direction="column" alignItems="stretch" gap={2} data-job={entry.id}>
          <Typography variant="omega" fontWeight="bold">
            {entry.outbox?.title ?? '(không rõ tiêu đề)'} · {entry.channelLabel}
          </Typography>
          {entry.outbox ? <OutboxPost outbox={entry.outbox} channelLabel={entry.channelLabel} /> : null}
          <PostedByHandButton entry={entry} onSubmit={(url) => markPosted(entry, url)} />
        </Flex>
      ))}
      {meta && meta.waiting > meta.listed ? (
        <Typography textColor="neutral600" data-testid="outbox-more">
          Đang hiện {state.length} bài mới nhất trong {meta.waiting} bài chờ đăng tay; các bài cũ hơn hiện ra khi những bài này được ghi nhận.
        </Typography>
      ) : null}
    </Flex>
  );
}
