import { Button, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client, type Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { DecisionDialog, type Target } from './DecisionDialog';
import { moderationMessages } from './messages';

type Published = Schemas['PublishedEntry'];

/** 已发布内容: what is public now in the moderator's region, newest first, each with take-down and redact. */
export function PublishedTab({ onDecided }: { onDecided: () => void }) {
  const { lang } = useApp();
  const m = usePageMessages(moderationMessages);
  const [items, setItems] = useState<Published[]>([]);
  const [target, setTarget] = useState<Target | null>(null);
  const load = useCallback(async () => setItems((await client.GET('/moderation/published')).items), []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <Typography.Paragraph type="secondary">{m('publishedHelp')}</Typography.Paragraph>
      <Table<Published>
        rowKey={(e) => `${e.kind}-${e.id}`}
        size="small"
        dataSource={items}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 760 }}
        locale={{ emptyText: m('none') }}
        columns={[
          { title: m('kind'), render: (_, e) => m(`kind.${e.kind}`) },
          { title: m('where'), dataIndex: 'context' },
          { title: m('text'), dataIndex: 'text', render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> },
          { title: m('at'), dataIndex: 'at', render: (at: string) => formatTime(at, lang) },
          {
            title: m('actions'),
            render: (_, e) => (
              <Space wrap data-item={`${e.kind}-${e.id}`}>
                <Button size="small" data-action="take-down" onClick={() => setTarget({ ...e, verb: 'hide' })}>
                  {m('takeDown')}
                </Button>
                <Button size="small" data-action="redact" onClick={() => setTarget({ ...e, verb: 'redact' })}>
                  {m('redact')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
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
