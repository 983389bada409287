import * as React from 'react';
import { Button, Dialog, Divider, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { messageOf } from '../refusal-message';
import { vietnamTime } from '../../scheduling/vietnam-time';

interface TakedownView {
  published: boolean;
  withdrawnAt: string | null;
  history: Array<{ action: string; reason: string; at: string; by: string | null; active: boolean }>;
  may: { takeDown: boolean };
}

const ACTIONS = {
  withdraw: {
    label: 'Thu hồi',
    confirm: 'Trang bài vẫn giữ địa chỉ, kèm thông báo đã thu hồi và lý do; bài rời khỏi danh sách, RSS và tìm kiếm. Tiếp tục?',
    done: 'Đã thu hồi. Cổng thông tin cập nhật trong giây lát.',
  },
  remove: {
    label: 'Gỡ bỏ',
    confirm: 'Bài bị gỡ khỏi cổng thông tin; địa chỉ của bài trả lời «Nội dung đã bị gỡ bỏ» (410). Chỉ dùng vì lý do pháp lý hoặc dữ liệu cá nhân. Tiếp tục?',
    done: 'Đã gỡ bỏ. Cổng thông tin cập nhật trong giây lát.',
  },
} as const;

/** The edit page's "Thu hồi, gỡ bỏ" panel (issue 10): the two ways down, each with a required reason and a confirmation, and the history. */
export const TakedownPanel: PanelComponent = ({ model, documentId }) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [view, setView] = React.useState<TakedownView | 'hidden' | null>(null);
  const [reason, setReason] = React.useState('');

  const load = React.useCallback(async () => {
    if (!documentId) return setView('hidden');
    try {
      setView((await get<{ data: TakedownView }>(`/takedown/${model}/${documentId}`)).data.data);
    } catch {
      setView('hidden');
    }
  }, [get, model, documentId]);
  React.useEffect(() => void load(), [load]);

  if (!view || view === 'hidden') return null;
  const act = async (action: keyof typeof ACTIONS) => {
    try {
      await post(`/takedown/${model}/${documentId}/${action}`, { reason });
      toggleNotification({ type: 'success', message: ACTIONS[action].done });
      setReason('');
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
    await load();
  };
  const button = (action: keyof typeof ACTIONS) => (
    <Dialog.Root key={action}>
      <Dialog.Trigger>
        <Button size="S" variant={action === 'remove' ? 'danger' : 'danger-light'} disabled={!reason.trim()}>
          {ACTIONS[action].label}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{ACTIONS[action].label} tin bài</Dialog.Header>
        <Dialog.Body>{ACTIONS[action].confirm}</Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">Hủy</Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button variant="danger" onClick={() => act(action)}>
              {ACTIONS[action].label}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
  const content = (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="takedown-panel">
      {view.withdrawnAt ? <Typography variant="pi" fontWeight="bold">Đã thu hồi lúc {vietnamTime(view.withdrawnAt)}.</Typography> : null}
      {view.may.takeDown && view.published ? (
        <>
          <Textarea aria-label="Lý do thu hồi hoặc gỡ bỏ" placeholder="Lý do (bắt buộc; với «Thu hồi» lý do hiện công khai)" value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
          <Flex gap={2}>{view.withdrawnAt ? button('remove') : [button('withdraw'), button('remove')]}</Flex>
        </>
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {view.published ? 'Chỉ Lãnh đạo duyệt mới thu hồi hoặc gỡ bỏ tin bài.' : 'Tin bài không đang đăng trên cổng.'}
        </Typography>
      )}
      {view.history.length > 0 ? (
        <>
          <Divider />
          {view.history.map((row) => (
            <Typography key={row.at} variant="pi" textColor="neutral600">
              {row.action} · {vietnamTime(row.at)} · {row.by ?? 'Hệ thống'}
              {row.active ? '' : ' (đã đăng lại)'}: {row.reason}
            </Typography>
          ))}
        </>
      ) : null}
    </Flex>
  );
  return { title: 'Thu hồi, gỡ bỏ', content };
};
