import * as React from 'react';
import { Button, Field, Modal } from '@strapi/design-system';
import type { PanelEntry } from '../../crosspost/panel-view';

/** Asks for the address of the post an officer made by hand, and records it. */
export function PostedByHandButton({ entry, onSubmit }: { entry: PanelEntry; onSubmit: (url: string) => Promise<boolean> }) {
  const [open, setOpen] = React.useState(false);
  const [url, setUrl] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const recorded = await onSubmit(url.trim());
    setSaving(false);
    if (recorded) setOpen(false);
  };
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" size="S">
          Đã đăng tay
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <form onSubmit={submit}>
          <Modal.Header>
            <Modal.Title>Đã đăng tay lên {entry.channelLabel}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Field.Root name="url" hint="Dán liên kết của bài vừa đăng, bắt đầu bằng https://">
              <Field.Label>Liên kết bài đã đăng</Field.Label>
              <Field.Input type="url" value={url} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setUrl(e.target.value)} />
              <Field.Hint />
            </Field.Root>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">Hủy</Button>
            </Modal.Close>
            <Button type="submit" loading={saving} disabled={!url.trim()}>
              Ghi nhận
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
}
