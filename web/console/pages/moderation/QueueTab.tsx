import { Button, Input, message, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { client, type Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { moderationMessages } from './messages';

type Entry = Schemas['ModerationEntry'];

/** 待处理: items held for a sensitive word, and those already hidden or redacted, to publish again or take down. */
export function QueueTab({ version }: { version: number }) {
  const { t, lang } = useApp();
  const m = usePageMessages(moderationMessages);
  const [items, setItems] = useState<Entry[]>([]);
  const [reason, setReason] = useState('');
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
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <label htmlFor="moderation-reason">{t('moderationReason')}</label>
        <Input id="moderation-reason" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 240 }} />
      </Space>
      <Table<Entry>
        rowKey={(e) => `${e.kind}-${e.id}`}
        size="small"
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('moderationKind'), render: (_, e) => m(`kind.${e.kind}`) },
          { title: t('moderationState'), render: (_, e) => <Tag>{t(`moderationState.${e.state}` as 'moderationState.held')}</Tag> },
          {
            title: t('moderationText'),
            dataIndex: 'original',
            render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>,
          },
          { title: t('auditReason'), dataIndex: 'reason' },
          { title: t('auditAt'), dataIndex: 'updatedAt', render: (at: string) => formatTime(at, lang) },
          {
            title: t('auditAction'),
            render: (_, e) => (
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
            ),
          },
        ]}
      />
    </>
  );
}
