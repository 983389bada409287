import { Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useAdminList } from '../use-admin-list';
import type { UpcomingAction } from '../../scheduling/upcoming';
import { vietnamTime } from '../../scheduling/vietnam-time';

/** The homepage's "Lịch đăng sắp tới": scheduled publishes and unpublishes, soonest first. */
export function UpcomingWidget() {
  const state = useAdminList<UpcomingAction>('/schedule/upcoming');

  if (!state) return null;
  if ('error' in state) return <Typography textColor="danger600">{state.error}</Typography>;
  if (state.length === 0) return <Typography textColor="neutral600">Chưa có lịch đăng hay gỡ nào.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="upcoming-schedule">
      {state.map((item) => (
        <Flex key={`${item.documentId}-${item.action}`} direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="pi" fontWeight="bold">
            {item.action} lúc {vietnamTime(item.at)}
          </Typography>
          <Link to={`/content-manager/collection-types/${item.uid}/${item.documentId}`}>{item.title || '(chưa có tiêu đề)'}</Link>
        </Flex>
      ))}
    </Flex>
  );
}
