import { Divider, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { ChannelEntry } from './channel-entry';
import { useCrosspostLedger } from './use-crosspost-ledger';

/**
 * The edit page's "Chia sẻ lên mạng xã hội" panel. Strapi renders a side panel description as a
 * component, so it may use hooks; it returns null (no panel) while an entry is being created
 * and for content types that are not cross-posted (the CMS answers 400 for those).
 */
export const CrosspostPanel: PanelComponent = ({ model, documentId }) => {
  const { ledger, ...actions } = useCrosspostLedger(model, documentId);
  // Nothing until the CMS answers: a content type that is not cross-posted never shows the panel.
  if (ledger.status === 'hidden' || ledger.status === 'loading') return null;
  const title = 'Chia sẻ lên mạng xã hội';
  if (ledger.status === 'error') return { title, content: <Typography variant="pi" textColor="danger600">{ledger.message}</Typography> };
  const content =
    ledger.entries.length === 0 ? (
      <Typography variant="pi" textColor="neutral600">
        Chưa chia sẻ lên kênh nào: tin bài được gửi đi sau khi xuất bản, tới các kênh đã chọn.
      </Typography>
    ) : (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="crosspost-panel">
        {ledger.entries.map((entry, index) => (
          <Flex key={entry.id} direction="column" alignItems="stretch" gap={2}>
            {index > 0 ? <Divider /> : null}
            <ChannelEntry entry={entry} may={ledger.may} actions={actions} />
          </Flex>
        ))}
      </Flex>
    );
  return { title, content };
};
