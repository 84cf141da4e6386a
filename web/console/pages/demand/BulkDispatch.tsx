import { Alert, Button, List, Modal, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { client, type Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { bulkDispatchWords } from './bulk-dispatch-words';

type Preview = Schemas['DispatchPreview'];
type Result = Schemas['BatchDispatchResult'];

/**
 * 批量派单 asked before it is done: how many demands go to which unit and the deadlines the dispatch would set
 * (the server's preview for the first selected), then each demand's outcome.
 */
export function BulkDispatch({
  open,
  demands,
  unit,
  onClose,
}: {
  open: boolean;
  demands: { id: number; number: string; title: string }[];
  unit: { id: number; name: string } | undefined;
  onClose: (dispatched: boolean) => void;
}) {
  const { lang } = useApp();
  const t = usePageMessages(bulkDispatchWords);
  const [preview, setPreview] = useState<Preview | string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const first = demands[0];
  useEffect(() => {
    if (!open || !first) return;
    setResult(null);
    setPreview(null);
    const query = { unitId: unit?.id };
    client
      .GET('/demands/{id}/dispatch-preview', { path: { id: first.id }, query })
      .then(setPreview, (e: unknown) => setPreview(e instanceof ApiError ? e.message : String(e)));
  }, [open, first, unit]);

  async function dispatch() {
    setBusy(true);
    try {
      setResult(
        await client.POST('/demands/dispatch-batch', {
          body: {
            items: demands.map((d) => ({ demandId: d.id, ...(unit ? { unitId: unit.id } : {}) })),
          },
        }),
      );
    } catch (e) {
      setPreview(e instanceof ApiError ? e.message : String(e));
    }
    setBusy(false);
  }

  const numbers = new Map(demands.map((d) => [d.id, d]));
  if (result)
    return (
      <Modal
        open={open}
        title={t('resultTitle', { ok: result.dispatched, failed: result.failed })}
        onCancel={() => onClose(true)}
        footer={<Button onClick={() => onClose(true)}>{t('close')}</Button>}
      >
        <List
          data-testid="bulk-results"
          dataSource={result.results}
          renderItem={(r) => (
            <List.Item>
              <span>
                {numbers.get(r.demandId)?.number ?? r.number} {numbers.get(r.demandId)?.title}
              </span>
              {r.ok ? (
                <Tag color="green">{t('resultOk')}</Tag>
              ) : (
                <Typography.Text type="danger">{t('resultFailed', { message: r.error?.message ?? '' })}</Typography.Text>
              )}
            </List.Item>
          )}
        />
      </Modal>
    );
  return (
    <Modal
      open={open}
      title={t('confirmTitle')}
      onCancel={() => onClose(false)}
      footer={[
        <Button key="cancel" onClick={() => onClose(false)}>
          {t('cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={dispatch} data-testid="bulk-confirm">
          {t('confirm')}
        </Button>,
      ]}
    >
      <Typography.Paragraph strong data-testid="bulk-summary">
        {unit ? t('toUnit', { n: demands.length, unit: unit.name }) : t('toOwnUnits', { n: demands.length })}
      </Typography.Paragraph>
      <ul style={{ maxHeight: 200, overflowY: 'auto' }}>
        {demands.map((d) => (
          <li key={d.id}>
            {d.number} {d.title}
          </li>
        ))}
      </ul>
      {typeof preview === 'string' ? (
        <Alert type="warning" title={t('previewFailed', { message: preview })} />
      ) : (
        preview &&
        first && (
          <Typography.Paragraph data-testid="bulk-preview">
            {t('previewOf', { number: first.number })}
            <br />
            {t('deadlines', { ack: formatTime(preview.acknowledgeDueAt, lang), reply: formatTime(preview.replyDueAt, lang) })}
          </Typography.Paragraph>
        )
      )}
    </Modal>
  );
}
