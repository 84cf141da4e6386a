import { Button, Card, Form, Input, message, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { type Body, client, type Region, type Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { proposalMessages } from './messages';
import { MergeDialog, SecondDialog } from './ProposalDialogs';

type Proposal = Schemas['Proposal'];
type NewProposal = Omit<Body<'/proposals'>, 'regionId'>;

const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));

/** 群众提议: what residents of a community propose; an operator records one, or a second, for those at the desk, and merges duplicates. */
export function ProposalsPage() {
  const { lang } = useApp();
  const m = usePageMessages(proposalMessages);
  const [communities, setCommunities] = useState<Region[]>([]);
  const [regionId, setRegionId] = useState<number | null>(null);
  const [items, setItems] = useState<Proposal[]>([]);
  const [seconding, setSeconding] = useState<Proposal | null>(null);
  const [merging, setMerging] = useState<Proposal | null>(null);
  const [form] = Form.useForm<NewProposal>();
  useEffect(() => {
    void client.GET('/regions').then((r) => {
      const list = r.items.filter((x) => x.level === 'community');
      setCommunities(list);
      setRegionId((id) => id ?? list[0]?.id ?? null);
    });
  }, []);
  const load = useCallback(async () => {
    if (regionId) setItems((await client.GET('/public/proposals', { query: { regionId } })).items);
  }, [regionId]);
  useEffect(() => {
    void load();
  }, [load]);
  const record = async (v: NewProposal) => {
    try {
      if (!regionId) return;
      await client.POST('/proposals', {
        body: { regionId, title: v.title, body: v.body, phone: v.phone, ...(v.name ? { name: v.name } : {}) },
      });
      message.success(m('recorded'));
      form.resetFields();
      await load();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {m('title')}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <label htmlFor="proposal-community">{m('community')}</label>
        <Select
          id="proposal-community"
          style={{ width: 220 }}
          value={regionId ?? undefined}
          onChange={setRegionId}
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Space>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{m('record')}</h2>} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{m('recordHelp')}</Typography.Paragraph>
        <Form form={form} name="proposal" layout="vertical" style={{ maxWidth: 640 }} onFinish={record}>
          <Form.Item name="title" label={m('proposalTitle')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="body" label={m('proposalBody')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="name" label={m('name')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="phone" label={m('phone')} rules={[{ required: true }]}>
              <Input inputMode="tel" />
            </Form.Item>
          </Space>
          <div>
            <Button type="primary" htmlType="submit" disabled={!regionId}>
              {m('submit')}
            </Button>
          </div>
        </Form>
      </Card>
      <Table<Proposal>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: m('none') }}
        columns={[
          {
            title: m('proposalTitle'),
            render: (_, p) =>
              p.hidden ? (
                <Typography.Text type="secondary">{m('hidden', { reason: p.hiddenReason ?? '' })}</Typography.Text>
              ) : (
                <span>
                  <strong>{p.title}</strong>
                  <br />
                  <Typography.Text type="secondary">{p.body}</Typography.Text>
                </span>
              ),
          },
          { title: m('seconds'), render: (_, p) => <span data-testid={`seconds-${p.id}`}>{m('secondsCount', { n: p.seconds })}</span> },
          { title: m('status'), render: (_, p) => <Tag>{m(`status.${p.status}` as 'status.open')}</Tag> },
          { title: m('createdAt'), render: (_, p) => formatTime(p.createdAt, lang) },
          {
            title: m('actions'),
            render: (_, p) => (
              <Space wrap data-proposal={p.title}>
                <Button size="small" data-action="second" onClick={() => setSeconding(p)}>
                  {m('second')}
                </Button>
                <Button size="small" data-action="merge" onClick={() => setMerging(p)} disabled={items.length < 2}>
                  {m('merge')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {seconding && <SecondDialog proposal={seconding} onClose={() => setSeconding(null)} onDone={load} />}
      {merging && (
        <MergeDialog proposal={merging} others={items.filter((p) => p.id !== merging?.id)} onClose={() => setMerging(null)} onDone={load} />
      )}
    </div>
  );
}
