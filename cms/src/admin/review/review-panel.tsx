import * as React from 'react';
import { Badge, Button, Divider, Flex, Textarea, Typography } from '@strapi/design-system';
import { vietnamTime } from '../../scheduling/vietnam-time';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useReview, type ReviewStepView } from './use-review';

const STATE_COLOURS: Record<string, { textColor: string; backgroundColor: string }> = {
  'Chờ duyệt': { textColor: 'warning700', backgroundColor: 'warning100' },
  'Yêu cầu sửa': { textColor: 'danger700', backgroundColor: 'danger100' },
  'Đã duyệt': { textColor: 'success700', backgroundColor: 'success100' },
};

function Step({ step }: { step: ReviewStepView }) {
  return (
    <Flex direction="column" alignItems="flex-start" gap={0}>
      <Typography variant="pi" fontWeight="bold">
        {step.state} · {vietnamTime(step.at)}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {step.by ?? 'Hệ thống'}
        {step.note ? `: ${step.note}` : ''}
      </Typography>
    </Flex>
  );
}

/**
 * The edit page's "Duyệt bài" panel (issue 10): the editorial state beside Strapi's
 * draft/published, the approver's latest comment where the writer sees it first, the history,
 * and the transitions the signed-in person may take.
 */
export const ReviewPanel: PanelComponent = ({ model, documentId }) => {
  const { review, submit, approve, requestChanges } = useReview(model, documentId);
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  if (review.status === 'hidden' || review.status === 'loading') return null;
  const title = 'Duyệt bài';
  if (review.status === 'error') return { title, content: <Typography variant="pi" textColor="danger600">{review.message}</Typography> };

  const run = (action: (text: string) => Promise<boolean>) => async () => {
    setBusy(true);
    if (await action(note)) setNote('');
    setBusy(false);
  };
  const lastRequest = [...review.steps].reverse().find((s) => s.state === 'Yêu cầu sửa');
  const canSubmit = review.may.submit && (review.state === 'Đang viết' || review.state === 'Yêu cầu sửa');
  const canReview = review.may.review && review.state === 'Chờ duyệt';
  const content = (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="review-panel">
      <Flex gap={2}>
        <Typography variant="pi">Trạng thái:</Typography>
        <Badge {...(STATE_COLOURS[review.state] ?? {})}>{review.state}</Badge>
      </Flex>
      {review.state === 'Yêu cầu sửa' && lastRequest?.note ? (
        <Flex direction="column" alignItems="flex-start" gap={1} role="note" data-testid="review-request">
          <Typography variant="pi" fontWeight="bold">Ý kiến của {lastRequest.by ?? 'người duyệt'}:</Typography>
          <Typography variant="pi">{lastRequest.note}</Typography>
        </Flex>
      ) : null}
      {review.state === 'Chờ duyệt' && !review.may.review ? (
        <Typography variant="pi" textColor="neutral600">Đang chờ một lãnh đạo khác duyệt.</Typography>
      ) : null}
      {canSubmit || canReview ? (
        <>
          <Textarea
            aria-label="Ý kiến kèm theo"
            placeholder={canReview ? 'Ý kiến (bắt buộc khi yêu cầu sửa)' : 'Ghi chú cho người duyệt (không bắt buộc)'}
            value={note}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
          />
          <Flex gap={2} wrap="wrap">
            {canSubmit ? (
              <Button size="S" disabled={busy} onClick={run(submit)}>
                Gửi duyệt
              </Button>
            ) : null}
            {canReview ? (
              <>
                <Button size="S" variant="success" disabled={busy} onClick={run(approve)}>
                  Duyệt
                </Button>
                <Button size="S" variant="danger-light" disabled={busy || !note.trim()} onClick={run(requestChanges)}>
                  Yêu cầu sửa
                </Button>
              </>
            ) : null}
          </Flex>
        </>
      ) : null}
      {review.steps.length > 0 ? (
        <>
          <Divider />
          <Typography variant="sigma">Lịch sử duyệt</Typography>
          {[...review.steps].reverse().map((step, index) => (
            <Step key={`${step.at}-${index}`} step={step} />
          ))}
        </>
      ) : null}
    </Flex>
  );
  return { title, content };
};
