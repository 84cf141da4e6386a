import { Button, Card, Input, List, message, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { client, type Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { useNarrow } from '../../use-narrow';
import { moderationMessages } from './messages';

type Entry = Schemas['ModerationEntry'];

/** 待处理: items held for a sensitive word, and those already hidden or redacted, to publish again or take down. */
export function QueueTab({ version }: { version: number }) {
  const { t, lang } = useApp();
  const m = usePageMessages(moderationMessages);
  const [items, setItems] = useState<Entry[]>([]);
  const [reason, setReason] = useState('');
  const narrow = useNarrow();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a decision on the other tab asks for a fresh queue
  const load = useCallback(async () => setItems((await client.GET('/moderation/queue')).items), [version]);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (e: Entry, verb: 'restore' | 'hide') => {
    try {
      if (verb === 'hide')
        await client.POST('/moderation/{kind}/{id}/hide', {
          path: { kind: e.kind, id: e.id },
          body: { reason: reason.trim() || t('moderationDefaultReason') },
        });
      else await client.POST('/moderation/{kind}/{id}/restore', { path: { kind: e.kind, id: e.id } });
      message.success(verb === 'restore' ? t('moderationRestored') : t('moderationHidden'));
      await load();
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
    }
  };
  const stateTag = (e: Entry) => <Tag>{t(`moderationState.${e.state}` as 'moderationState.held')}</Tag>;
  const actions = (e: Entry) => (
    <Space wrap>
      <Button size="small" onClick={() => void act(e, 'restore')}>
        {t('moderationPublish')}
      </Button>
      {e.state !== 'hidden' && (
        <Button size="small" onClick={() => void act(e, 'hide')}>
          {t('moderationHide')}
        </Button>
      )}
    </Space>
  );
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <label htmlFor="moderation-reason">{t('moderationReason')}</label>
        <Input id="moderation-reason" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 240, maxWidth: '100%' }} />
      </Space>
      {narrow ? (
        <List<Entry>
          dataSource={items}
          split={false}
          renderItem={(e) => (
            <List.Item key={`${e.kind}-${e.id}`} style={{ padding: '0 0 8px' }}>
              <Card size="small" style={{ width: '100%' }}>
                <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
                  <Typography.Text strong>{m(`kind.${e.kind}`)}</Typography.Text>
                  {stateTag(e)}
                  <Typography.Text type="secondary">{formatTime(e.updatedAt, lang)}</Typography.Text>
                </Space>
                <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.original}</div>
                {e.reason && <Typography.Paragraph type="secondary">{e.reason}</Typography.Paragraph>}
                {actions(e)}
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<Entry>
          rowKey={(e) => `${e.kind}-${e.id}`}
          size="small"
          dataSource={items}
          pagination={false}
          columns={[
            { title: t('moderationKind'), width: 90, render: (_, e) => m(`kind.${e.kind}`) },
            { title: t('moderationState'), width: 90, render: (_, e) => stateTag(e) },
            {
              title: t('moderationText'),
              dataIndex: 'original',
              render: (text: string) => <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</span>,
            },
            { title: t('auditReason'), dataIndex: 'reason', width: 160 },
            { title: t('auditAt'), dataIndex: 'updatedAt', width: 140, render: (at: string) => formatTime(at, lang) },
            { title: t('auditAction'), width: 150, render: (_, e) => actions(e) },
          ]}
        />
      )}
    </>
  );
}
