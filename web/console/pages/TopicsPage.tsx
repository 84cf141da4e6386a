import { Button, Card, Form, Input, Modal, message, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../shared/api';
import { formatTime } from '../../shared/i18n';
import { useApp } from '../app-context';

type Topic = {
  label: string;
  keywords: string[];
  heat: number;
  size: number;
  reporters: number;
  rising: boolean;
  first: string;
  last: string;
  demandIds: number[];
};
type Initiative = {
  id: number;
  title: string;
  topicLabel: string | null;
  unitId: number;
  status: string;
  answer: string | null;
  demandIds: number[];
};

/** 一类事 for supervisors: hot and rising topics, promoted to initiatives answered once. */
export function TopicsPage() {
  const { t, lang } = useApp();
  const [rising, setRising] = useState(false);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [initiatives, setInitiatives] = useState<Initiative[]>([]);
  const [units, setUnits] = useState<{ id: number; name: string }[]>([]);
  const [promote, setPromote] = useState<Topic | null>(null);
  const [answering, setAnswering] = useState<Initiative | null>(null);
  const load = useCallback(async () => {
    const [tp, ini] = await Promise.all([
      api<{ items: Topic[] }>('GET', `/topics${rising ? '?rising=true' : ''}`),
      api<{ items: Initiative[] }>('GET', '/initiatives'),
    ]);
    setTopics(tp.items);
    setInitiatives(ini.items);
  }, [rising]);
  useEffect(() => {
    void load();
    void api<{ items: { id: number; name: string }[] }>('GET', '/units').then((r) => setUnits(r.items));
  }, [load]);
  const unitName = (id: number) => units.find((u) => u.id === id)?.name ?? id;
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('confirm'));
      setPromote(null);
      setAnswering(null);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <main>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuTopics')}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={rising} onChange={setRising} aria-label={t('risingOnly')} />
        <span>{t('risingOnly')}</span>
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
          { title: t('keywords'), render: (_, r) => r.keywords.join(' ') },
          { title: t('heat'), render: (_, r) => r.heat.toFixed(1) },
          { title: t('size'), render: (_, r) => `${r.size} / ${r.reporters}` },
          { title: t('span'), render: (_, r) => `${formatTime(r.first, lang)} – ${formatTime(r.last, lang)}` },
          {
            title: t('actions'),
            render: (_, r) => (
              <Button size="small" onClick={() => setPromote(r)}>
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
          columns={[
            { title: t('title'), dataIndex: 'title' },
            { title: t('unit'), render: (_, r) => unitName(r.unitId) },
            { title: t('size'), render: (_, r) => r.demandIds.length },
            { title: t('state'), render: (_, r) => (r.status === 'answered' ? t('answered') : t('open')) },
            {
              title: t('actions'),
              render: (_, r) =>
                r.status === 'open' && (
                  <Button size="small" type="primary" onClick={() => setAnswering(r)}>
                    {t('collectiveAnswer')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Modal open={!!promote} title={t('promote')} footer={null} onCancel={() => setPromote(null)} destroyOnHidden>
        {promote && (
          <Form
            layout="vertical"
            name="promote"
            initialValues={{ title: `${promote.label} 专项治理` }}
            onFinish={(v: { title: string; unitId: number }) =>
              act(() =>
                api('POST', '/initiatives', { title: v.title, unitId: v.unitId, topicLabel: promote.label, demandIds: promote.demandIds }),
              )
            }
          >
            <Form.Item name="title" label={t('title')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="unitId" label={t('unit')} rules={[{ required: true }]}>
              <Select options={units.map((u) => ({ value: u.id, label: u.name }))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('confirm')}
            </Button>
          </Form>
        )}
      </Modal>
      <Modal open={!!answering} title={t('collectiveAnswer')} footer={null} onCancel={() => setAnswering(null)} destroyOnHidden>
        {answering && (
          <Form
            layout="vertical"
            name="answer"
            onFinish={(v: { answer: string }) => act(() => api('POST', `/initiatives/${answering.id}/answer`, v))}
          >
            <Typography.Paragraph>{t('collectiveHint', { n: answering.demandIds.length })}</Typography.Paragraph>
            <Form.Item name="answer" label={t('replyText')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('confirm')}
            </Button>
          </Form>
        )}
      </Modal>
    </main>
  );
}
