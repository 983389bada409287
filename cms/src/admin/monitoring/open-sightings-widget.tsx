import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { OpenSighting } from '../../monitoring/open-sightings';

const SIGHTING = 'api::sighting.sighting';
const day = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const HARM_COLOURS: Record<string, { textColor: string; backgroundColor: string }> = {
  'Nghiêm trọng': { textColor: 'danger700', backgroundColor: 'danger100' },
  Cao: { textColor: 'warning700', backgroundColor: 'warning100' },
};

const daysWaiting = (seenAt: string) => Math.max(0, Math.floor((Date.now() - Date.parse(seenAt)) / 86_400_000));

/** The homepage's "Thông tin cần xử lý": open sightings, most harmful first, then longest waiting (the CMS orders them). */
export function OpenSightingsWidget() {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ items: OpenSighting[]; total: number } | { error: string } | null>(null);

  React.useEffect(() => {
    get<{ data: OpenSighting[]; meta: { total: number } }>('/monitoring/open-sightings')
      .then(({ data }) => setState({ items: data.data, total: data.meta.total }))
      .catch((error) =>
        setState({ error: isFetchError(error) && error.response?.data?.error?.message ? String(error.response.data.error.message) : 'Không tải được danh sách.' }),
      );
  }, [get]);

  if (!state) return null;
  if ('error' in state) return <Typography textColor="danger600">{state.error}</Typography>;
  if (state.items.length === 0) return <Typography textColor="neutral600">Không có thông tin nào đang chờ xử lý.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="open-sightings">
      {state.items.map((item) => (
        <Flex key={item.documentId} direction="column" alignItems="flex-start" gap={1} data-harm={item.harm}>
          <Flex gap={2}>
            <Badge {...(HARM_COLOURS[item.harm] ?? {})}>{item.harm}</Badge>
            <Typography variant="pi" textColor="neutral600">
              {item.platform}
              {item.outlet ? ` · ${item.outlet}` : ''} · {item.state} · phát hiện {day.format(new Date(item.seenAt))} ({daysWaiting(item.seenAt)} ngày)
            </Typography>
          </Flex>
          <Link to={`/content-manager/collection-types/${SIGHTING}/${item.documentId}`}>
            {item.content.length > 140 ? `${item.content.slice(0, 140)}…` : item.content}
          </Link>
        </Flex>
      ))}
      {state.total > state.items.length ? (
        <Typography variant="pi" textColor="neutral600">
          Và {state.total - state.items.length} mục khác.
        </Typography>
      ) : null}
    </Flex>
  );
}
