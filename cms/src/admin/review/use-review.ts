import * as React from 'react';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { messageOf } from '../refusal-message';

export interface ReviewStepView {
  at: string;
  state: string;
  note: string | null;
  by: string | null;
}

export interface ReviewView {
  state: string;
  submittedBy: string | null;
  submittedAt: string | null;
  steps: ReviewStepView[];
  may: { submit: boolean; review: boolean };
}

export type ReviewLoad = { status: 'loading' } | { status: 'hidden' } | { status: 'error'; message: string } | ({ status: 'ready' } & ReviewView);

// The review workflow's admin routes (cms/src/review/review-routes.ts).
const PREFIX = '/review';


/** One piece's review state and history, and the transitions the signed-in person may take. */
export function useReview(model: string, documentId: string | undefined) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [review, setReview] = React.useState<ReviewLoad>({ status: 'loading' });

  const load = React.useCallback(async () => {
    if (!documentId) return setReview({ status: 'hidden' });
    try {
      const { data } = await get<{ data: ReviewView }>(`${PREFIX}/${model}/${documentId}`);
      setReview({ status: 'ready', ...data.data });
    } catch (error) {
      // 404: not a reviewed kind (taxonomy, sightings…), so no panel.
      if (isFetchError(error) && error.status === 404) return setReview({ status: 'hidden' });
      setReview({ status: 'error', message: messageOf(error) });
    }
  }, [get, model, documentId]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const act = React.useCallback(
    async (action: 'submit' | 'approve' | 'request-changes', note: string, done: string): Promise<boolean> => {
      try {
        await post(`${PREFIX}/${model}/${documentId}/${action}`, { note });
        toggleNotification({ type: 'success', message: done });
        return true;
      } catch (error) {
        toggleNotification({ type: 'danger', message: messageOf(error) });
        return false;
      } finally {
        await load();
      }
    },
    [post, toggleNotification, load, model, documentId],
  );

  return {
    review,
    submit: (note: string) => act('submit', note, 'Đã gửi duyệt.'),
    approve: (note: string) => act('approve', note, 'Đã duyệt. Có thể xuất bản.'),
    requestChanges: (note: string) => act('request-changes', note, 'Đã gửi yêu cầu sửa cho người viết.'),
  };
}
