import { Button, Card, List, message, Segmented, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import { useApp } from '../app-context';
import type { messages } from '../messages';
import { Tone, type ToneName } from '../tone';
import { useNarrow } from '../use-narrow';
import { fail } from './admin/directory';

type OutboxMessage = Schemas['OutboxMessage'];
type Status = OutboxMessage['status'];
const statuses: Status[] = ['pending', 'sending', 'sent', 'failed', 'skipped'];
const tone: Record<Status, ToneName> = { pending: 'blue', sending: 'blue', sent: 'green', failed: 'red', skipped: 'grey' };
const pageSize = 50;

/** 短信外发: what residents and the city were sent, newest first a page at a time, what failed and why, and a retry. */
export function OutboxPage() {
  const { t, lang } = useApp();
  // On a phone each message is a card with its text wrapped: a table's columns would be cut or off-screen.
  const narrow = useNarrow();
  const [status, setStatus] = useState<Status | 'all'>('all');
  const [items, setItems] = useState<OutboxMessage[]>([]);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async (s: Status | 'all', before?: number | null) => {
    setLoading(true);
    try {
      const res = await client.GET('/outbox', {
        query: { limit: pageSize, status: s === 'all' ? undefined : s, before: before ?? undefined },
      });
      setItems((old) => (before ? [...old, ...res.items] : res.items));
      setCounts(res.counts);
      setNext(res.nextBefore);
    } catch (e) {
      fail(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load(status);
  }, [load, status]);
  const retry = async (m: OutboxMessage) => {
    try {
      await client.POST('/outbox/{id}/retry', { path: { id: m.id } });
      message.success(t('outboxRetried'));
      await load(status);
    } catch (e) {
      fail(e);
    }
  };
  // The worker's reasons for holding a message are words; a provider's error is shown as it came.
  const why = (e: string) => (['opted_out', 'quiet_hours', 'rate_limited'].includes(e) ? t(`outboxWhy.${e}` as keyof typeof messages) : e);
  const label = (s: Status) => t(`outbox.${s}` as keyof typeof messages);
  const state = (m: OutboxMessage) => (
    <>
      <Tone tone={tone[m.status]}>{label(m.status)}</Tone>
      {m.lastError && <Typography.Text type="secondary">{why(m.lastError)}</Typography.Text>}
    </>
  );
  const retryButton = (m: OutboxMessage) =>
    m.canRetry && (
      <Button size="small" onClick={() => void retry(m)}>
        {t('outboxRetry')}
      </Button>
    );
  // antd draws an empty list's words in its disabled grey, too faint to read (axe color-contrast).
  const empty = <span style={{ color: '#595959' }}>{t('outboxEmpty')}</span>;
  const total = status === 'all' ? Object.values(counts).reduce((a, n) => a + n, 0) : (counts[status] ?? 0);
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuOutbox')}
      </Typography.Title>
      <Segmented
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={status}
        onChange={(v) => setStatus(v as Status | 'all')}
        options={[{ value: 'all', label: t('outboxAll') }, ...statuses.map((s) => ({ value: s, label: `${label(s)} ${counts[s] ?? 0}` }))]}
      />
      {narrow ? (
        <List<OutboxMessage>
          loading={loading}
          dataSource={items}
          locale={{ emptyText: empty }}
          split={false}
          renderItem={(m) => (
            <List.Item key={m.id} style={{ padding: '0 0 8px' }}>
              <Card size="small" style={{ width: '100%' }} data-message={m.id}>
                <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
                  <Typography.Text type="secondary">{formatTime(m.createdAt, lang)}</Typography.Text>
                  {state(m)}
                </Space>
                <div>
                  <Typography.Text strong>{m.recipientLabel}</Typography.Text>
                </div>
                <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</div>
                {m.canRetry && <div style={{ marginTop: 8 }}>{retryButton(m)}</div>}
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<OutboxMessage>
          rowKey="id"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={items}
          locale={{ emptyText: empty }}
          columns={[
            { title: t('outboxCreated'), dataIndex: 'createdAt', width: 140, render: (at: string) => formatTime(at, lang) },
            { title: t('outboxTo'), dataIndex: 'recipientLabel', width: 150 },
            {
              title: t('outboxBody'),
              dataIndex: 'body',
              render: (b: string) => <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{b}</span>,
            },
            { title: t('outboxStatus'), width: 170, render: (_, m) => state(m) },
            { title: '', width: 90, render: (_, m) => retryButton(m) },
          ]}
        />
      )}
      <Space wrap style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="outbox-shown">
          {t('outboxShown', { n: `${items.length} / ${total}` })}
        </Typography.Text>
        {next && (
          <Button loading={loading} onClick={() => void load(status, next)} data-action="outbox-more">
            {t('loadMore')}
          </Button>
        )}
      </Space>
    </div>
  );
}
