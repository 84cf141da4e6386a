import { Alert, Button, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api';
import { type Answer, client } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import { useApp } from '../app-context';
import { usePageMessages } from '../page-messages';
import { demoSmsMessages } from './demo-sms-messages';

type Inbox = Answer<'/demo/sms', 'get'>;

/** 演示短信箱: what residents' phones would show, so a tester can read a code off the screen. */
export function DemoSmsPage() {
  const { lang } = useApp();
  const p = usePageMessages(demoSmsMessages);
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    client.GET('/demo/sms', { query: { limit: 100 } }).then(
      (r) => {
        setInbox(r);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiError && e.status === 404 ? p('unavailable') : String(e instanceof Error ? e.message : e)),
    );
  }, [p]);
  useEffect(load, [load]);
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {p('title')}
      </Typography.Title>
      {error ? (
        <Alert type="info" title={error} />
      ) : (
        <>
          <Typography.Paragraph>{p('intro')}</Typography.Paragraph>
          <Button onClick={load} style={{ marginBottom: 12 }}>
            {p('refresh')}
          </Button>
          <List
            bordered
            data-testid="demo-sms"
            locale={{ emptyText: p('empty') }}
            dataSource={inbox?.items ?? []}
            renderItem={(m) => (
              <List.Item key={m.id}>
                <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <Typography.Text strong>{m.phone}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{formatTime(m.createdAt, lang)}</Typography.Text>
                  <div>{m.body}</div>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
