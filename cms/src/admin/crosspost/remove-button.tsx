import { Button, Dialog } from '@strapi/design-system';
import type { PanelEntry } from '../../crosspost/panel-view';

/** Removes the remote Facebook post or Zalo article of a piece: an explicit, confirmed action. */
export function RemoveButton({ entry, onConfirm }: { entry: PanelEntry; onConfirm: () => void }) {
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant="danger-light" size="S">
          Gỡ bài trên {entry.channelLabel}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>Gỡ bài trên {entry.channelLabel}?</Dialog.Header>
        <Dialog.Body>
          Bài đã đăng trên {entry.channelLabel} sẽ bị xóa khỏi {entry.channelLabel} và không khôi phục được; tin bài trên cổng thông tin vẫn
          giữ nguyên. Nếu sau này cần chia sẻ lại, hãy bấm «Đăng lại».
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              Hủy
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger" onClick={onConfirm}>
              Gỡ bài
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}
