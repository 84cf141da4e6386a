import { Button, Card, Checkbox, Form, Input, Modal, message, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api';
import { type Answer, client, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import { useApp } from '../app-context';
import { usePageMessages } from '../page-messages';
import { topicsWords } from './topics-words';

// The server's own shapes, generated from its OpenAPI document.
type TopicList = Answer<'/topics', 'get'>;
type Topic = TopicList['items'][number];
type Initiative = Schemas['Initiative'];
type Member = Initiative['members'][number];

/** 一类事 for supervisors: hot and rising topics, promoted to initiatives answered once. */
export function TopicsPage() {
  const { t, lang } = useApp();
  const w = usePageMessages(topicsWords);
  const [rising, setRising] = useState(false);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [computedAt, setComputedAt] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [mayRefresh, setMayRefresh] = useState(false);
  const [initiatives, setInitiatives] = useState<Initiative[]>([]);
  const [units, setUnits] = useState<Schemas['Unit'][]>([]);
  const [promote, setPromote] = useState<Topic | null>(null);
  const [answering, setAnswering] = useState<Initiative | null>(null);
  const [removing, setRemoving] = useState<{ initiative: Initiative; member: Member } | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const load = useCallback(async () => {
    const [tp, ini] = await Promise.all([
      client.GET('/topics', { query: { rising: rising ? 'true' : undefined } }),
      client.GET('/initiatives'),
    ]);
    setTopics(tp.items);
    setComputedAt(tp.computedAt);
    setMayRefresh(tp.mayRefresh);
    setInitiatives(ini.items);
  }, [rising]);
  useEffect(() => {
    void load();
    void client.GET('/units').then((r) => setUnits(r.items));
  }, [load]);
  const unitName = (id: number) => units.find((u) => u.id === id)?.name ?? id;
  // Each action says what it did, not just that it went through.
  const act = async <R,>(fn: () => Promise<R>, done: (r: R) => string) => {
    try {
      message.success(done(await fn()));
      setPromote(null);
      setAnswering(null);
      setRemoving(null);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuTopics')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Switch checked={rising} onChange={setRising} aria-label={t('risingOnly')} />
        <span>{t('risingOnly')}</span>
        <Typography.Text type="secondary" data-testid="topics-computed">
          {computedAt ? t('topicsComputed', { at: formatTime(computedAt, lang) }) : t('topicsNotYet')}
        </Typography.Text>
        {mayRefresh && (
          <Button
            size="small"
            loading={refreshing}
            onClick={async () => {
              setRefreshing(true);
              await act(
                () => client.POST('/topics/refresh'),
                (r) => w('refreshed', { n: r.topics }),
              );
              setRefreshing(false);
            }}
          >
            {t('refreshTopics')}
          </Button>
        )}
      </Space>
      <Table<Topic>
        rowKey={(r) => r.demandIds.join(',')}
        dataSource={topics}
        pagination={{ pageSize: 10 }}
        columns={[
          {
            title: t('topic'),
            render: (_, r) => (
              <Space>
                {r.label}
                {r.rising && <Tag style={{ color: '#a8071a', borderColor: '#a8071a' }}>{t('rising')}</Tag>}
              </Space>
            ),
          },
          // On a phone: the topic, its size and what to do with it.
          { title: t('keywords'), responsive: ['md'], render: (_, r) => r.keywords.join(' ') },
          { title: t('heat'), responsive: ['md'], render: (_, r) => r.heat.toFixed(1) },
          { title: t('size'), render: (_, r) => `${r.size} / ${r.reporters}` },
          { title: t('span'), responsive: ['md'], render: (_, r) => `${formatTime(r.first, lang)} – ${formatTime(r.last, lang)}` },
          {
            title: t('actions'),
            render: (_, r) =>
              r.initiative ? (
                <Typography.Text type="secondary" data-testid="topic-initiative">
                  {w('promoted', { title: r.initiative.title })}
                </Typography.Text>
              ) : (
                <Button
                  size="small"
                  onClick={() => {
                    setPicked(r.demandIds);
                    setPromote(r);
                  }}
                >
                  {t('promote')}
                </Button>
              ),
          },
        ]}
      />
      <Card title={t('initiatives')} style={{ marginTop: 16 }}>
        <Table<Initiative>
          rowKey="id"
          dataSource={initiatives}
          pagination={false}
          expandable={{
            expandedRowRender: (r) => <InitiativeDetail initiative={r} onRemove={(member) => setRemoving({ initiative: r, member })} />,
          }}
          columns={[
            { title: t('title'), dataIndex: 'title' },
            { title: t('unit'), responsive: ['md'], render: (_, r) => unitName(r.unitId) },
            { title: t('size'), render: (_, r) => r.demandIds.length },
            { title: t('state'), render: (_, r) => (r.status === 'answered' ? t('answered') : t('open')) },
            {
              title: t('actions'),
              render: (_, r) =>
                r.members.some((m) => m.nextAnswer === 'reply') && (
                  <Button size="small" type="primary" onClick={() => setAnswering(r)}>
                    {t('collectiveAnswer')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <FormDialog
        open={!!promote}
        title={t('promote')}
        name="promote"
        onCancel={() => setPromote(null)}
        initialValues={{ title: `${promote?.label} 专项治理` }}
        onFinish={(v: { title: string; unitId: number }) =>
          act(
            () =>
              client.POST('/initiatives', { body: { title: v.title, unitId: v.unitId, topicLabel: promote?.label, demandIds: picked } }),
            () => w('promotedDone', { title: v.title, n: picked.length }),
          )
        }
      >
        {() => (
          <>
            <Typography.Paragraph>{t('promoteHint')}</Typography.Paragraph>
            <Checkbox.Group
              value={picked}
              onChange={(v) => setPicked(v as number[])}
              style={{ display: 'flex', flexDirection: 'column', gap: 4, marginBottom: 12, maxHeight: 240, overflowY: 'auto' }}
              options={(promote?.members ?? []).map((m) => ({ value: m.id, label: m.title }))}
            />
            <Form.Item name="title" label={t('title')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="unitId" label={t('unit')} rules={[{ required: true }]}>
              <Select options={units.map((u) => ({ value: u.id, label: u.name }))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </>
        )}
      </FormDialog>
      <FormDialog
        open={!!answering}
        title={t('collectiveAnswer')}
        name="answer"
        onCancel={() => setAnswering(null)}
        onFinish={(v: { answer: string }) =>
          answering &&
          act(
            () =>
              client.POST('/initiatives/{id}/answer', {
                path: { id: answering.id },
                body: {
                  answer: v.answer,
                  recipients: answering.members.filter((m) => m.nextAnswer === 'reply').map((m) => m.demandId),
                },
              }),
            (r) => w('answered', { n: r.results.filter((x) => x.outcome === 'replied').length }),
          )
        }
      >
        {() => (
          <>
            {answering && <Recipients initiative={answering} />}
            <Form.Item name="answer" label={t('replyText')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          </>
        )}
      </FormDialog>
      <FormDialog
        open={!!removing}
        title={t('removeMember')}
        name="remove-member"
        onCancel={() => setRemoving(null)}
        onFinish={(v: { reason: string }) =>
          removing &&
          act(
            () =>
              client.POST('/initiatives/{id}/members/{demandId}/remove', {
                path: { id: removing.initiative.id, demandId: removing.member.demandId },
                body: v,
              }),
            () => w('removed', { number: removing?.member.number ?? '' }),
          )
        }
      >
        {() => (
          <>
            <Typography.Paragraph>
              {removing?.member.number} {removing?.member.title}
            </Typography.Paragraph>
            <Form.Item name="reason" label={t('removeReason')} rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
          </>
        )}
      </FormDialog>
    </div>
  );
}

/** Exactly who the answer reaches, as the server plans it, and who not and why. */
function Recipients({ initiative }: { initiative: Initiative }) {
  const { t } = useApp();
  const reach = initiative.members.filter((m) => m.nextAnswer === 'reply');
  const skip = initiative.members.filter((m) => m.nextAnswer === 'skip');
  return (
    <div data-testid="recipients">
      <Typography.Paragraph>{t('collectiveHint', { n: reach.length })}</Typography.Paragraph>
      <ul>
        {reach.map((m) => (
          <li key={m.demandId}>
            {m.number} {m.title}
          </li>
        ))}
      </ul>
      {skip.length > 0 && (
        <>
          <Typography.Paragraph type="secondary">{t('answerNotReached')}</Typography.Paragraph>
          <ul>
            {skip.map((m) => (
              <li key={m.demandId}>
                {m.number} {m.title}（{t(`why.${m.why}` as 'why.removed')}）
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** An initiative's members (each may be taken out) and every answer given, with how many it reached. */
function InitiativeDetail({ initiative, onRemove }: { initiative: Initiative; onRemove: (m: Member) => void }) {
  const { t, lang } = useApp();
  return (
    <div>
      <Typography.Text strong>{t('members')}</Typography.Text>
      <ul>
        {initiative.members.map((m) => (
          <li key={m.demandId}>
            <a href={`#/demand/${m.demandId}`}>{m.number}</a> {m.title}
            {m.removed ? (
              <Tag style={{ marginLeft: 8 }}>
                {t('why.removed')}：{m.removeReason}
              </Tag>
            ) : (
              <Button size="small" type="link" onClick={() => onRemove(m)}>
                {t('removeMember')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {initiative.answers.length > 0 && (
        <>
          <Typography.Text strong>{t('answerVersions')}</Typography.Text>
          <ul>
            {initiative.answers.map((x) => (
              <li key={x.version}>
                {t('versionLine', {
                  v: x.version,
                  at: formatTime(x.answeredAt, lang),
                  n: x.recipients.filter((r) => r.outcome === 'replied').length,
                })}
                ：{x.answer}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A dialog holding one form and its confirm button; its fields are made only while it is open. */
function FormDialog<V>(props: {
  open: boolean;
  title: string;
  name: string;
  onCancel: () => void;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  children: () => ReactNode;
}) {
  const { t } = useApp();
  return (
    <Modal open={props.open} title={props.title} footer={null} onCancel={props.onCancel} destroyOnHidden>
      {props.open && (
        <Form layout="vertical" name={props.name} initialValues={props.initialValues} onFinish={props.onFinish}>
          {props.children()}
          <Button type="primary" htmlType="submit">
            {t('confirm')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
