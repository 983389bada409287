import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link, useNavigate } from 'react-router-dom';

const SIGHTING = 'api::sighting.sighting';
type Rebuttal = { factCheck: { uid: string; documentId: string; title: string | null } | null; may: boolean };

function messageOf(error: unknown): string {
  if (isFetchError(error) && typeof error.response?.data?.error?.message === 'string') return error.response.data.error.message;
  return 'Không kết nối được với máy chủ CMS. Hãy thử lại sau ít phút.';
}

const editPath = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;

function RebuttalContent({ documentId }: { documentId: string }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const [rebuttal, setRebuttal] = React.useState<Rebuttal | null>(null);
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    get<{ data: Rebuttal }>(`/monitoring/sightings/${documentId}/rebuttal`)
      .then(({ data }) => setRebuttal(data.data))
      .catch((error) => toggleNotification({ type: 'danger', message: messageOf(error) }));
  }, [get, documentId, toggleNotification]);

  const create = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { factCheck: { uid: string; documentId: string } } }>(`/monitoring/sightings/${documentId}/rebuttal`, {});
      toggleNotification({ type: 'success', message: 'Đã tạo bản nháp bài phản bác; mục rà quét chuyển sang «Đang xác minh».' });
      navigate(editPath(data.data.factCheck.uid, data.data.factCheck.documentId));
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
      setBusy(false);
    }
  };

  if (!rebuttal) return null;
  if (rebuttal.factCheck) {
    return (
      <Flex direction="column" alignItems="flex-start" gap={2} data-testid="rebuttal-panel">
        <Typography variant="pi">Bài phản bác của thông tin này:</Typography>
        <Link to={editPath(rebuttal.factCheck.uid, rebuttal.factCheck.documentId)}>{rebuttal.factCheck.title || 'Bài phản bác chưa có tiêu đề'}</Link>
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="rebuttal-panel">
      <Typography variant="pi" textColor="neutral600">
        Tạo bản nháp bài «Phản bác thông tin sai» mang sẵn nội dung, liên kết, nền tảng và ngày phát hiện; mục này chuyển sang «Đang xác minh» và tự chuyển «Đã phản bác» khi bài được xuất bản.
      </Typography>
      {rebuttal.may ? (
        <Button onClick={create} loading={busy} fullWidth>
          Tạo bài phản bác
        </Button>
      ) : (
        <Typography variant="pi" textColor="neutral600">Chỉ Biên tập viên và Lãnh đạo duyệt được tạo bài phản bác.</Typography>
      )}
    </Flex>
  );
}

/** The sighting edit page's "Phản bác" panel (issue 9): one action from a sighting to a draft fact-check. */
export const RebuttalPanel: PanelComponent = ({ model, documentId }) => {
  if (model !== SIGHTING || !documentId) return null;
  return { title: 'Phản bác', content: <RebuttalContent documentId={documentId} /> };
};
