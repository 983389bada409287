import * as React from 'react';
import { Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { messageOf } from '../refusal-message';
import { fromVietnamInput, toVietnamInput } from './vietnam-input';

interface ScheduleView {
  publishAt: string | null;
  unpublishAt: string | null;
  publishDone: boolean;
  unpublishDone: boolean;
  setBy: string | null;
  lastOutcome: string | null;
  may: { set: boolean };
}

/** The edit page's "Hẹn giờ" panel (issue 10): publish and unpublish times in Vietnam's time, and what the scheduler did. */
export const SchedulePanel: PanelComponent = ({ model, documentId }) => {
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [view, setView] = React.useState<ScheduleView | 'hidden' | null>(null);
  const [publishAt, setPublishAt] = React.useState('');
  const [unpublishAt, setUnpublishAt] = React.useState('');

  // The inputs take the stored times when the panel opens and after a save, never on a later
  // reload: useFetchClient's `get` may change between renders, and reloading must not wipe
  // what the approver is typing (it did, and "Lưu lịch" then cleared the schedule).
  const load = React.useCallback(
    async (resetInputs: boolean) => {
      if (!documentId) return setView('hidden');
      try {
        const { data } = await get<{ data: ScheduleView }>(`/schedule/${model}/${documentId}`);
        setView(data.data);
        if (resetInputs) {
          setPublishAt(toVietnamInput(data.data.publishAt));
          setUnpublishAt(toVietnamInput(data.data.unpublishAt));
        }
      } catch {
        setView('hidden');
      }
    },
    [get, model, documentId],
  );
  const opened = React.useRef<string | null>(null);
  React.useEffect(() => {
    const first = opened.current !== `${model}/${documentId}`;
    opened.current = `${model}/${documentId}`;
    void load(first);
  }, [load, model, documentId]);

  if (!view || view === 'hidden') return null;
  const save = async (times: { publishAt: string; unpublishAt: string }) => {
    try {
      await put(`/schedule/${model}/${documentId}`, { publishAt: fromVietnamInput(times.publishAt), unpublishAt: fromVietnamInput(times.unpublishAt) });
      toggleNotification({ type: 'success', message: times.publishAt || times.unpublishAt ? 'Đã lưu lịch.' : 'Đã bỏ lịch.' });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
    await load(true);
  };
  const content = (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="schedule-panel">
      <Field.Root name="publishAt" hint={view.publishDone ? 'Đã xử lý.' : undefined}>
        <Field.Label>Hẹn giờ đăng (giờ Việt Nam)</Field.Label>
        <TextInput type="datetime-local" value={publishAt} disabled={!view.may.set} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPublishAt(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Field.Root name="unpublishAt" hint={view.unpublishDone ? 'Đã xử lý.' : undefined}>
        <Field.Label>Hẹn giờ gỡ (giờ Việt Nam)</Field.Label>
        <TextInput type="datetime-local" value={unpublishAt} disabled={!view.may.set} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setUnpublishAt(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      {view.may.set ? (
        <Flex gap={2}>
          <Button size="S" onClick={() => save({ publishAt, unpublishAt })}>
            Lưu lịch
          </Button>
          <Button size="S" variant="tertiary" onClick={() => save({ publishAt: '', unpublishAt: '' })}>
            Bỏ lịch
          </Button>
        </Flex>
      ) : (
        <Typography variant="pi" textColor="neutral600">Chỉ Lãnh đạo duyệt mới hẹn giờ. Tin bài chỉ được đăng theo lịch khi đã được duyệt.</Typography>
      )}
      {view.setBy ? <Typography variant="pi" textColor="neutral600">Người đặt lịch: {view.setBy}</Typography> : null}
      {view.lastOutcome ? (
        <Typography variant="pi" data-testid="schedule-outcome">
          {view.lastOutcome}
        </Typography>
      ) : null}
    </Flex>
  );
  return { title: 'Hẹn giờ', content };
};
