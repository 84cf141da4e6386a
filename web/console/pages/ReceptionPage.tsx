import { Alert, Badge, Button, Card, DatePicker, Form, Input, List, message, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../shared/api';
import { client, type Region, type Schemas } from '../../shared/client';
import { filled } from '../../shared/form-body';
import { formatTime, stateNames } from '../../shared/i18n';
import { useApp } from '../app-context';
import { usePageMessages } from '../page-messages';
import { matches } from '../pickers';
import { useNarrow } from '../use-narrow';
import { newEntryKey, receptionQueue } from './reception-queue';
import { receptionWords } from './reception-words';

type Session = Schemas['StaffReceptionDay'];
type Report = Schemas['ReceptionReport'];
type EntryFields = Parameters<typeof receptionQueue.add>[1]['body'];

/** 接待日: the list of sessions, and for one session the table-side entry and its report. */
export function ReceptionPage({ id }: { id?: number }) {
  return id ? <SessionDesk id={id} /> : <Sessions />;
}

function Sessions() {
  const { t, lang } = useApp();
  const w = usePageMessages(receptionWords);
  const [items, setItems] = useState<Session[]>([]);
  const [regions, setRegions] = useState<Region[]>([]);
  const load = useCallback(() => client.GET('/reception-days').then((r) => setItems(r.items)), []);
  useEffect(() => {
    void load();
    void client.GET('/regions').then((r) => setRegions(r.items));
  }, [load]);
  return (
    <main>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuReception')}
      </Typography.Title>
      <Card title={t('newSession')} style={{ marginBottom: 16 }}>
        <Form
          name="session"
          layout="inline"
          onFinish={async (v: {
            title: string;
            regionId: number;
            hosts: string;
            place: string;
            when: [{ toISOString: () => string }, { toISOString: () => string }];
          }) => {
            try {
              await client.POST('/reception-days', {
                body: {
                  title: v.title,
                  regionId: v.regionId,
                  hosts: v.hosts,
                  place: v.place,
                  startsAt: v.when[0].toISOString(),
                  endsAt: v.when[1].toISOString(),
                },
              });
              await load();
            } catch (e) {
              message.error(e instanceof ApiError ? e.message : String(e));
            }
          }}
        >
          <Form.Item name="title" label={t('title')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="regionId" label={t('region')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              options={regions.filter((r) => r.level !== 'grid').map((r) => ({ value: r.id, label: r.name }))}
              showSearch={{ filterOption: (i, o) => matches(String(o?.label ?? ''), i) }}
            />
          </Form.Item>
          <Form.Item name="hosts" label={t('hosts')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="place" label={t('place')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="when" label={t('when')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('add')}
          </Button>
        </Form>
      </Card>
      <Table<Session>
        rowKey="id"
        dataSource={items}
        columns={[
          { title: t('title'), render: (_, s) => <a href={`#/reception/${s.id}`}>{s.title}</a> },
          { title: t('region'), dataIndex: 'region' },
          { title: t('hosts'), dataIndex: 'hosts' },
          { title: t('place'), dataIndex: 'place' },
          { title: t('when'), render: (_, s) => `${formatTime(s.startsAt, lang)} – ${formatTime(s.endsAt, lang)}` },
          {
            title: w('followUp'),
            render: (_, s) =>
              s.followUp.raised === 0 ? (
                w('nothingRaised')
              ) : s.followUp.open > 0 ? (
                <Tag>{w('followingUp', s.followUp)}</Tag>
              ) : (
                <Tag>{w('allClosed')}</Tag>
              ),
          },
          { title: t('state'), render: (_, s) => (s.reportPublished ? <Tag>{t('published')}</Tag> : null) },
        ]}
      />
    </main>
  );
}

function SessionDesk({ id }: { id: number }) {
  const { t, lang } = useApp();
  const narrow = useNarrow();
  const w = usePageMessages(receptionWords);
  const [form] = Form.useForm<EntryFields>();
  const [report, setReport] = useState<Report | null>(null);
  const [regions, setRegions] = useState<Region[]>([]);
  const [queue, setQueue] = useState(receptionQueue.read().filter((e) => e.item.receptionDayId === id));
  const [online, setOnline] = useState(navigator.onLine);
  const contentRef = useRef<HTMLTextAreaElement | null>(null);
  const refresh = useCallback(() => setQueue(receptionQueue.read().filter((e) => e.item.receptionDayId === id)), [id]);
  const loadReport = useCallback(() => client.GET('/reception-days/{id}/report', { path: { id } }).then(setReport, () => undefined), [id]);
  const flush = useCallback(() => receptionQueue.flush(refresh).then(() => loadReport()), [refresh, loadReport]);

  useEffect(() => {
    void loadReport();
    void client.GET('/regions').then((r) => setRegions(r.items));
    void flush();
    const on = () => {
      setOnline(navigator.onLine);
      void flush();
    };
    addEventListener('online', on);
    addEventListener('offline', on);
    const timer = setInterval(() => void flush(), 5000);
    return () => {
      removeEventListener('online', on);
      removeEventListener('offline', on);
      clearInterval(timer);
    };
  }, [flush, loadReport]);

  const session = report?.session;
  const regionOptions = useMemo(() => {
    if (!session) return [];
    const root = regions.find((r) => r.id === session.regionId);
    return regions.filter((r) => root && r.path.startsWith(root.path)).map((r) => ({ value: r.id, label: r.name }));
  }, [regions, session]);

  const save = async () => {
    const v = await form.validateFields();
    // An empty field is left out; a missing place falls back to the session's, which the server checks.
    const body = filled<EntryFields>({ ...v, regionId: v.regionId ?? session?.regionId });
    receptionQueue.add(newEntryKey(id), { receptionDayId: id, body });
    refresh();
    form.resetFields();
    contentRef.current?.focus();
    void flush();
  };
  const pending = queue.filter((e) => e.status === 'pending').length;
  const failed = queue.filter((e) => e.status === 'failed');

  return (
    <main
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <a href="#/reception">← {t('back')}</a>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {session?.title ?? t('menuReception')}
      </Typography.Title>
      {session && (
        <Typography.Paragraph>
          {session.hosts} · {session.place} · {formatTime(session.startsAt, lang)}
        </Typography.Paragraph>
      )}
      <Space align="start" wrap size="large">
        <Card title={t('entryTitle')} style={{ width: 520 }}>
          {!online && <Alert type="warning" title={t('offlineNote')} style={{ marginBottom: 12 }} role="status" />}
          <Form form={form} name="entry" layout="vertical">
            <Form.Item name="content" label={t('content')} rules={[{ required: true, whitespace: true }, { max: 5000 }]}>
              <Input.TextArea
                rows={3}
                autoFocus
                ref={(el) => {
                  contentRef.current = el?.resizableTextArea?.textArea ?? null;
                }}
              />
            </Form.Item>
            <Form.Item name="regionId" label={t('region')}>
              <Select allowClear options={regionOptions} showSearch={{ filterOption: (i, o) => matches(String(o?.label ?? ''), i) }} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="reporterName" label={w('visitorName')}>
                <Input />
              </Form.Item>
              <Form.Item name="reporterPhone" label={t('reporterPhone')} rules={[{ pattern: /^\+?[\d\s-]{5,20}$/ }]}>
                <Input inputMode="tel" />
              </Form.Item>
              <Form.Item name="reporterContact" label={t('reporterContact')}>
                <Input />
              </Form.Item>
            </Space>
            <Button type="primary" onClick={save}>
              {t('saveNext')}
              {!narrow && t('ctrlEnter')}
            </Button>
          </Form>
          <Space style={{ marginTop: 16 }}>
            <Badge status={pending ? 'warning' : 'success'} />
            <span data-testid="outbox-status">{pending ? t('pendingCount', { n: pending }) : t('allSent')}</span>
          </Space>
          {failed.length > 0 && (
            <List
              size="small"
              header={t('failedEntries')}
              dataSource={failed}
              renderItem={(e) => (
                <List.Item>
                  {String(e.item.body.content).slice(0, 30)} — {e.error}
                </List.Item>
              )}
            />
          )}
        </Card>
        <Card
          title={t('sessionReport')}
          style={{ minWidth: 480 }}
          extra={
            <Space>
              <Button onClick={() => window.print()}>{t('printSlip')}</Button>
              <Button
                onClick={async () => {
                  await client.POST('/reception-days/{id}/publish', { path: { id } });
                  await loadReport();
                }}
                disabled={session?.published}
              >
                {session?.published ? t('published') : t('publish')}
              </Button>
            </Space>
          }
        >
          {report && (
            <>
              <Typography.Paragraph data-testid="report-counts">{t('reportCounts', report.counts)}</Typography.Paragraph>
              {report.counts.raised > 0 && (
                <Alert
                  type={report.allClosed ? 'success' : 'info'}
                  title={report.allClosed ? w('reportAllClosed') : w('reportFollowingUp', report.counts)}
                  style={{ marginBottom: 12 }}
                  data-testid="report-follow-up"
                />
              )}
              <Table
                rowKey="number"
                size="small"
                pagination={false}
                dataSource={report.items}
                columns={[
                  {
                    title: t('number'),
                    render: (_, r) => (r.demandId ? <a href={`#/demand/${r.demandId}`}>{r.number}</a> : r.number),
                  },
                  { title: t('title'), dataIndex: 'title' },
                  { title: t('unit'), render: (_, r) => r.unit ?? '—' },
                  {
                    title: t('state'),
                    render: (_, r) => <Tag>{stateNames[r.state]?.[lang] ?? r.state}</Tag>,
                  },
                ]}
              />
            </>
          )}
        </Card>
      </Space>
    </main>
  );
}
