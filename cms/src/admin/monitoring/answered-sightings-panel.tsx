import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';

const SIGHTING = 'api::sighting.sighting';
const FACT_CHECK = 'api::fact-check.fact-check';
type Answered = { documentId: string; platform: string; outlet: string | null; content: string; state: string };

function AnsweredList({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const [items, setItems] = React.useState<Answered[] | null>(null);
  React.useEffect(() => {
    // 403 for someone who may not read sightings: the panel stays empty for them.
    get<{ data: Answered[] }>(`/monitoring/fact-checks/${documentId}/sightings`)
      .then(({ data }) => setItems(data.data))
      .catch(() => setItems([]));
  }, [get, documentId]);
  if (!items || items.length === 0) return <Typography variant="pi" textColor="neutral600">Chưa gắn với mục rà quét nào.</Typography>;
  return (
    <Flex direction="column" alignItems="flex-start" gap={2} data-testid="answered-sightings">
      {items.map((item) => (
        <Flex key={item.documentId} direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="pi" textColor="neutral600">
            {item.platform}
            {item.outlet ? ` · ${item.outlet}` : ''} · {item.state}
          </Typography>
          <Link to={`/content-manager/collection-types/${SIGHTING}/${item.documentId}`}>{item.content.length > 100 ? `${item.content.slice(0, 100)}…` : item.content}</Link>
        </Flex>
      ))}
    </Flex>
  );
}

/** On a fact-check's edit page: the sightings it answers (the link back from the rebuttal). */
export const AnsweredSightingsPanel: PanelComponent = ({ model, documentId }) => {
  if (model !== FACT_CHECK || !documentId) return null;
  return { title: 'Thông tin được phản bác', content: <AnsweredList documentId={documentId} /> };
};
