import { Button, Dialog } from '@strapi/design-system';
import type { PanelEntry } from '../../crosspost/panel-view';

/** A deliberate second post of the piece on one channel: it always asks first. */
export function RepostButton({ entry, onConfirm }: { entry: PanelEntry; onConfirm: () => void }) {
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant="tertiary" size="S">
          Đăng lại
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>Đăng lại lên {entry.channelLabel}?</Dialog.Header>
        <Dialog.Body>
          Tin bài sẽ được đăng thêm một lần nữa lên {entry.channelLabel}; bài đã đăng trước đó vẫn giữ nguyên. Chỉ đăng lại khi thật sự
          cần (ví dụ bài cũ đã bị xóa trên nền tảng).
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              Hủy
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger-light" onClick={onConfirm}>
              Đăng lại
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}
