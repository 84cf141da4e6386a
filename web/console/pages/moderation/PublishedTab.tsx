import { Button, Card, List, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client, type Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { useNarrow } from '../../use-narrow';
import { DecisionDialog, type Target } from './DecisionDialog';
import { moderationMessages } from './messages';

type Published = Schemas['PublishedEntry'];

/** 已发布内容: what is public now in the moderator's region, newest first, each with take-down and redact. */
export function PublishedTab({ onDecided }: { onDecided: () => void }) {
  const { lang } = useApp();
  const m = usePageMessages(moderationMessages);
  const [items, setItems] = useState<Published[]>([]);
  const [target, setTarget] = useState<Target | null>(null);
  const narrow = useNarrow();
  const load = useCallback(async () => setItems((await client.GET('/moderation/published')).items), []);
  useEffect(() => {
    void load();
  }, [load]);
  const actions = (e: Published) => (
    <Space wrap data-item={`${e.kind}-${e.id}`}>
      <Button size="small" data-action="take-down" onClick={() => setTarget({ ...e, verb: 'hide' })}>
        {m('takeDown')}
      </Button>
      <Button size="small" data-action="redact" onClick={() => setTarget({ ...e, verb: 'redact' })}>
        {m('redact')}
      </Button>
    </Space>
  );
  return (
    <>
      <Typography.Paragraph type="secondary">{m('publishedHelp')}</Typography.Paragraph>
      {narrow ? (
        <List<Published>
          dataSource={items}
          locale={{ emptyText: m('none') }}
          split={false}
          pagination={{ pageSize: 20, size: 'small' }}
          renderItem={(e) => (
            <List.Item key={`${e.kind}-${e.id}`} style={{ padding: '0 0 8px' }}>
              <Card size="small" style={{ width: '100%' }}>
                <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
                  <Typography.Text strong>{m(`kind.${e.kind}`)}</Typography.Text>
                  <Typography.Text type="secondary">{formatTime(e.at, lang)}</Typography.Text>
                </Space>
                {e.context && <div>{e.context}</div>}
                <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '4px 0 8px' }}>{e.text}</div>
                {actions(e)}
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<Published>
          rowKey={(e) => `${e.kind}-${e.id}`}
          size="small"
          dataSource={items}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: m('none') }}
          columns={[
            { title: m('kind'), width: 90, render: (_, e) => m(`kind.${e.kind}`) },
            { title: m('where'), dataIndex: 'context', width: 200 },
            {
              title: m('text'),
              dataIndex: 'text',
              render: (text: string) => <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</span>,
            },
            { title: m('at'), dataIndex: 'at', width: 140, render: (at: string) => formatTime(at, lang) },
            { title: m('actions'), width: 150, render: (_, e) => actions(e) },
          ]}
        />
      )}
      {target && (
        <DecisionDialog
          target={target}
          onClose={() => setTarget(null)}
          onDone={async () => {
            await load();
            onDecided();
          }}
        />
      )}
    </>
  );
}
