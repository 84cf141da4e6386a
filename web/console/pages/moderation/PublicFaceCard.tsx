import { Button, Card, List, message, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { client, type Schemas } from '../../../shared/client';
import { usePageMessages } from '../../page-messages';
import { DecisionDialog, type Target } from './DecisionDialog';
import { moderationMessages } from './messages';

type Status = Schemas['ModerationStatus'];

/**
 * On a demand's page, for the moderator of its region: how its public text and reply stand, with take-down, redact and
 * restore. The server answers 404 to anyone else or while nothing is public, and then nothing shows.
 */
export function PublicFaceCard({ demandId, version }: { demandId: number; version: number }) {
  const m = usePageMessages(moderationMessages);
  const [items, setItems] = useState<Status[]>([]);
  const [target, setTarget] = useState<Target | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new event on the demand (a reply) may publish it
  const load = useCallback(async () => {
    const found = await Promise.all(
      (['demand', 'reply'] as const).map((kind) =>
        client.GET('/moderation/{kind}/{id}', { path: { kind, id: demandId } }).catch(() => null),
      ),
    );
    setItems(found.filter((s): s is Status => s !== null));
  }, [demandId, version]);
  useEffect(() => {
    void load();
  }, [load]);
  if (items.length === 0) return null;
  const restore = async (s: Status) => {
    try {
      await client.POST('/moderation/{kind}/{id}/restore', { path: { kind: s.kind, id: s.id } });
      message.success(m('restored'));
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card title={m('publicFace')} style={{ marginTop: 16 }}>
      <List
        dataSource={items}
        renderItem={(s) => (
          <List.Item data-face={s.kind}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <strong>{m(`kind.${s.kind}`)}</strong>
                <Tag>{m(`state.${s.state}`)}</Tag>
                {s.reason && <Typography.Text type="secondary">{m('because', { reason: s.reason })}</Typography.Text>}
              </Space>
              <span style={{ whiteSpace: 'pre-wrap' }}>{s.state === 'redacted' ? s.shown : s.text}</span>
              <Space wrap>
                {s.state !== 'hidden' && (
                  <Button size="small" data-action="take-down" onClick={() => setTarget({ ...s, verb: 'hide' })}>
                    {m('takeDown')}
                  </Button>
                )}
                {s.state !== 'hidden' && (
                  <Button size="small" data-action="redact" onClick={() => setTarget({ ...s, verb: 'redact' })}>
                    {m('redact')}
                  </Button>
                )}
                {s.state !== 'published' && (
                  <Button size="small" data-action="restore" onClick={() => void restore(s)}>
                    {m('restore')}
                  </Button>
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {target && <DecisionDialog target={target} onClose={() => setTarget(null)} onDone={load} />}
    </Card>
  );
}
