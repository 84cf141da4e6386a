import { Button, Input, message, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../shared/api';
import type { Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import { useApp } from '../app-context';

type Entry = Schemas['ModerationEntry'];

/** 内容审核: what residents published that is held, hidden or redacted in the moderator's region. */
export function ModerationPage() {
  const { t, lang } = useApp();
  const [items, setItems] = useState<Entry[]>([]);
  const [reason, setReason] = useState('');
  const load = useCallback(async () => setItems((await api<{ items: Entry[] }>('GET', '/moderation/queue')).items), []);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (e: Entry, verb: 'restore' | 'hide') => {
    try {
      await api(
        'POST',
        `/moderation/${e.kind}/${e.id}/${verb}`,
        verb === 'hide' ? { reason: reason.trim() || t('moderationDefaultReason') } : undefined,
      );
      message.success(verb === 'restore' ? t('moderationRestored') : t('moderationHidden'));
      await load();
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <main>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuModeration')}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
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
          { title: t('moderationKind'), render: (_, e) => t(`moderationKind.${e.kind}` as 'moderationKind.proposal') },
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
                  <Button size="small" danger onClick={() => void act(e, 'hide')}>
                    {t('moderationHide')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </main>
  );
}
