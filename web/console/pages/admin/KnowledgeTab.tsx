import { Button, Card, DatePicker, Form, Input, Modal, message, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { type Body, client, type Schemas } from '../../../shared/client';
import { usePageMessages } from '../../page-messages';
import { type Directory, fail } from './directory';
import { adminMessages } from './messages';

type Article = Schemas['KnowledgeArticle'];
type Values = Omit<Body<'/knowledge'>, 'keywords' | 'reviewedOn' | 'validUntil'> & {
  keywords?: string;
  reviewedOn?: Dayjs | null;
  validUntil?: Dayjs | null;
};

const statuses = ['draft', 'approved', 'retired'] as const;
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** 知识库: the approved answers operators read out on the phone; an admin writes, dates and retires them. */
export function KnowledgeTab({ dir }: { dir: Directory }) {
  const m = usePageMessages(adminMessages);
  const [items, setItems] = useState<Article[]>([]);
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const load = useCallback(async () => setItems((await client.GET('/knowledge', { query: { status: 'all', limit: 50 } })).items), []);
  useEffect(() => {
    void load();
  }, [load]);
  const open = (a: Article | 'new') => {
    setEditing(a);
    form.setFieldsValue(
      a === 'new'
        ? { title: '', body: '', keywords: '', categoryId: null, status: 'approved', reviewedOn: null, validUntil: null }
        : {
            ...a,
            reviewedOn: a.reviewedOn ? dayjs(a.reviewedOn) : null,
            validUntil: a.validUntil ? dayjs(a.validUntil) : null,
          },
    );
  };
  const save = async (v: Values) => {
    const body = {
      ...v,
      keywords: v.keywords ?? '',
      categoryId: v.categoryId ?? null,
      reviewedOn: day(v.reviewedOn),
      validUntil: day(v.validUntil),
    };
    try {
      if (editing === 'new') await client.POST('/knowledge', { body });
      else if (editing) await client.PATCH('/knowledge/{id}', { path: { id: editing.id }, body });
      message.success(m('saved'));
      setEditing(null);
      await load();
    } catch (e) {
      fail(e);
    }
  };
  const retire = async (a: Article) => {
    try {
      await client.PATCH('/knowledge/{id}', { path: { id: a.id }, body: { status: 'retired' } });
      message.success(m('articleRetired'));
      await load();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => open('new')}>
        {m('articleNew')}
      </Button>
      <Table<Article>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={{ pageSize: 15 }}
        scroll={{ x: 720 }}
        columns={[
          { title: m('articleTitle'), dataIndex: 'title' },
          { title: m('category'), render: (_, a) => (a.categoryId ? dir.categoryName.get(a.categoryId) : m('anyCategory')) },
          {
            title: m('articleStatus'),
            render: (_, a) => <Tag>{m(`status.${a.status}`)}</Tag>,
          },
          { title: m('articleValidUntil'), dataIndex: 'validUntil' },
          {
            title: m('actions'),
            render: (_, a) => (
              <Space wrap data-article={a.title}>
                <Button size="small" data-action="edit" onClick={() => open(a)}>
                  {m('edit')}
                </Button>
                {a.status !== 'retired' && (
                  <Button size="small" data-action="retire" onClick={() => void retire(a)}>
                    {m('articleRetire')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? m('articleNew') : m('articleEdit')}
        okText={m('save')}
        cancelText={m('cancel')}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form form={form} layout="vertical" name="article" onFinish={save}>
          <Form.Item name="title" label={m('articleTitle')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label={m('articleBody')} rules={[{ required: true }]}>
            <Input.TextArea rows={6} />
          </Form.Item>
          <Form.Item name="keywords" label={m('articleKeywords')}>
            <Input />
          </Form.Item>
          <Form.Item name="categoryId" label={m('category')}>
            <Select allowClear options={dir.categoryOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="status" label={m('articleStatus')}>
              <Select style={{ width: 140 }} options={statuses.map((s) => ({ value: s, label: m(`status.${s}`) }))} />
            </Form.Item>
            <Form.Item name="reviewedOn" label={m('articleReviewedOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="validUntil" label={m('articleValidUntil')}>
              <DatePicker />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
