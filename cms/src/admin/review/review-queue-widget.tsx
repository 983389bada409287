import { Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useAdminList } from '../use-admin-list';
import { vietnamTime } from '../../scheduling/vietnam-time';
import type { QueuedPiece } from '../../review/review-queue';

/** The homepage's "Bài chờ duyệt": pieces an approver may decide, the longest waiting first (the CMS orders them). */
export function ReviewQueueWidget() {
  const state = useAdminList<QueuedPiece>('/review/queue');

  if (!state) return null;
  if ('error' in state) return <Typography textColor="danger600">{state.error}</Typography>;
  if (state.length === 0) return <Typography textColor="neutral600">Không có bài nào đang chờ duyệt.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="review-queue">
      {state.map((item) => (
        <Flex key={item.documentId} direction="column" alignItems="flex-start" gap={1}>
          <Link to={`/content-manager/collection-types/${item.uid}/${item.documentId}`}>{item.title || '(chưa có tiêu đề)'}</Link>
          <Typography variant="pi" textColor="neutral600">
            {item.kind} · {item.submittedBy ?? 'không rõ người gửi'}
            {item.submittedAt ? ` · gửi ${vietnamTime(item.submittedAt)}` : ''}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
}
