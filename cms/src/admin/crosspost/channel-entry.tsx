import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import type { PanelEntry } from '../../crosspost/panel-view';
import { OutboxPost } from './outbox-post';
import { PostedByHandButton } from './posted-by-hand-button';
import { RemoveButton } from './remove-button';
import { RepostButton } from './repost-button';
import { StateBadge } from './state-badge';
import type { LedgerActions, PanelRights } from './use-crosspost-ledger';

/** One channel's job: its state in Vietnamese, the remote post or the error, and what to do. */
export function ChannelEntry({ entry, may, actions }: { entry: PanelEntry; may: PanelRights; actions: LedgerActions }) {
  const needsPerson = entry.state === 'failed' || entry.state === 'review';
  const markable = entry.state === 'outbox' || entry.state === 'review';
  const settled = entry.action === 'create' && (entry.state === 'posted' || entry.state === 'outbox' || entry.state === 'removed' || needsPerson);
  return (
    <Box data-channel={entry.channel} data-state={entry.state} paddingTop={2} paddingBottom={2} width="100%">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex justifyContent="space-between" gap={2}>
          <Typography variant="omega" fontWeight="bold">
            {entry.channelLabel}
            {entry.action === 'create' ? '' : ` · ${entry.actionLabel}`}
          </Typography>
          <StateBadge entry={entry} />
        </Flex>
        {entry.state === 'posted' && entry.remoteUrl ? (
          <Link href={entry.remoteUrl} isExternal>
            Xem bài trên {entry.channelLabel}
          </Link>
        ) : null}
        {entry.lastError && entry.state !== 'posted' ? (
          <Typography variant="pi" textColor={needsPerson ? 'danger600' : 'neutral600'}>
            {entry.lastError}
          </Typography>
        ) : null}
        {entry.action === 'create' && entry.state === 'removed' ? (
          <Typography variant="pi" textColor="neutral600">
            Bài trên {entry.channelLabel} đã được gỡ; tin bài trên cổng thông tin vẫn giữ nguyên.
          </Typography>
        ) : null}
        {entry.state === 'outbox' && entry.outbox ? <OutboxPost outbox={entry.outbox} channelLabel={entry.channelLabel} /> : null}
        <Flex gap={2} wrap="wrap">
          {needsPerson && may.retry ? (
            <Button variant="secondary" size="S" onClick={() => void actions.retry(entry)}>
              Thử lại
            </Button>
          ) : null}
          {markable && may.markPosted ? <PostedByHandButton entry={entry} onSubmit={(url) => actions.markPosted(entry, url)} /> : null}
          {settled && may.repost ? <RepostButton entry={entry} onConfirm={() => void actions.repost(entry)} /> : null}
          {entry.removable && may.remove ? <RemoveButton entry={entry} onConfirm={() => void actions.remove(entry)} /> : null}
        </Flex>
      </Flex>
    </Box>
  );
}
