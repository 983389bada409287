import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { UpcomingAction } from '../../scheduling/upcoming';
import { vietnamTime } from '../../scheduling/vietnam-time';

/** The homepage's "Lịch đăng sắp tới": scheduled publishes and unpublishes, soonest first. */
export function UpcomingWidget() {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<UpcomingAction[] | { error: string } | null>(null);

  React.useEffect(() => {
    get<{ data: UpcomingAction[] }>('/schedule/upcoming')
      .then(({ data }) => setState(data.data))
      .catch((error) =>
        setState({ error: isFetchError(error) && error.response?.data?.error?.message ? String(error.response.data.error.message) : 'Không tải được danh sách.' }),
      );
  }, [get]);

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
