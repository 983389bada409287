import { Box, Button, Flex, Link, Textarea, Typography } from '@strapi/design-system';
import { useClipboard, useNotification } from '@strapi/strapi/admin';
import type { PanelEntry } from '../../crosspost/panel-view';

type Outbox = NonNullable<PanelEntry['outbox']>;

/**
 * What a channel without API credentials would have posted: a ready-to-paste caption (with the
 * portal link in it), the link and the image, so the officer posts by hand without retyping.
 */
export function OutboxPost({ outbox, channelLabel }: { outbox: Outbox; channelLabel: string }) {
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const copyCaption = async () => {
    const copied = await copy(outbox.caption);
    toggleNotification(
      copied
        ? { type: 'success', message: `Đã sao chép nội dung để dán lên ${channelLabel}.` }
        : { type: 'warning', message: 'Trình duyệt không cho sao chép: hãy chọn nội dung trong ô và sao chép bằng tay.' },
    );
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" textColor="neutral600">
        Chưa có khóa kết nối {channelLabel}: hãy tự đăng nội dung dưới đây rồi bấm «Đã đăng tay».
      </Typography>
      <Textarea aria-label={`Nội dung đăng lên ${channelLabel}`} readOnly value={outbox.caption} rows={6} />
      <Box>
        <Button variant="secondary" size="S" onClick={copyCaption}>
          Sao chép
        </Button>
      </Box>
      <Typography variant="pi">
        Liên kết:{' '}
        <Link href={outbox.link} isExternal>
          {outbox.link}
        </Link>
      </Typography>
      {outbox.imageUrl ? (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="pi">Ảnh kèm theo:</Typography>
          <img src={outbox.imageUrl} alt={outbox.title ?? ''} style={{ maxWidth: '100%', borderRadius: 4 }} />
          <Link href={outbox.imageUrl} isExternal>
            Mở ảnh gốc
          </Link>
        </Flex>
      ) : null}
    </Flex>
  );
}
