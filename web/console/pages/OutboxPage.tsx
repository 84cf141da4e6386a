import { Button, message, Segmented, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import { useApp } from '../app-context';
import type { messages } from '../messages';
import { Tone, type ToneName } from '../tone';

type OutboxMessage = Schemas['OutboxMessage'];
type Status = OutboxMessage['status'];
const statuses: Status[] = ['pending', 'sending', 'sent', 'failed', 'skipped'];
const tone: Record<Status, ToneName> = { pending: 'blue', sending: 'blue', sent: 'green', failed: 'red', skipped: 'grey' };

/** 短信外发: what residents and the city were sent, what failed and why, and a retry for failures. */
export function OutboxPage() {
  const { t, lang } = useApp();
  const [status, setStatus] = useState<Status | 'all'>('all');
  const [items, setItems] = useState<OutboxMessage[]>([]);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [loading, setLoading] = useState(false);
  const load = useCallback(async (s: Status | 'all') => {
    setLoading(true);
    try {
      const res = await client.GET('/outbox', { query: { limit: 100, status: s === 'all' ? undefined : s } });
      setItems(res.items);
      setCounts(res.counts);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load(status);
  }, [load, status]);
  const retry = async (m: OutboxMessage) => {
    await client.POST('/outbox/{id}/retry', { path: { id: m.id } });
    message.success(t('outboxRetried'));
    await load(status);
  };
  // The worker's reasons for holding a message are words; a provider's error is shown as it came.
  const why = (e: string) => (['opted_out', 'quiet_hours', 'rate_limited'].includes(e) ? t(`outboxWhy.${e}` as keyof typeof messages) : e);
  const label = (s: Status) => t(`outbox.${s}` as keyof typeof messages);
  return (
    <main>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuOutbox')}
      </Typography.Title>
      <Segmented
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={status}
        onChange={(v) => setStatus(v as Status | 'all')}
        options={[{ value: 'all', label: t('outboxAll') }, ...statuses.map((s) => ({ value: s, label: `${label(s)} ${counts[s] ?? 0}` }))]}
      />
      <Table<OutboxMessage>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={items}
        scroll={{ x: 760 }}
        columns={[
          { title: t('outboxCreated'), dataIndex: 'createdAt', width: 140, render: (at: string) => formatTime(at, lang) },
          { title: t('outboxTo'), dataIndex: 'recipientLabel', width: 150 },
          { title: t('outboxBody'), dataIndex: 'body' },
          {
            title: t('outboxStatus'),
            width: 170,
            render: (_, m) => (
              <>
                <Tone tone={tone[m.status]}>{label(m.status)}</Tone>
                {m.lastError && <Typography.Text type="secondary">{why(m.lastError)}</Typography.Text>}
              </>
            ),
          },
          {
            title: '',
            width: 90,
            render: (_, m) =>
              m.status === 'failed' && (
                <Button size="small" onClick={() => void retry(m)}>
                  {t('outboxRetry')}
                </Button>
              ),
          },
        ]}
      />
    </main>
  );
}
