import { Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { type Category, client } from '../../../shared/client';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { useNarrow } from '../../use-narrow';
import { type Directory, submitter } from './directory';
import { adminMessages } from './messages';

/** 诉求类别: the three-level matter taxonomy. */
export function CategoriesTab({ dir }: { dir: Directory }) {
  const { t } = useApp();
  const m = usePageMessages(adminMessages);
  const submit = submitter(dir.reload);
  // On a phone the labels sit above the fields: beside them, a category path's picker ran past the card.
  const narrow = useNarrow();
  return (
    <Card>
      <Form
        name="category"
        layout={narrow ? 'vertical' : 'inline'}
        style={{ marginBottom: 16 }}
        onFinish={(v: { parentId?: number; name: string }) =>
          submit(
            () => client.POST('/categories', { body: { parentId: v.parentId ?? null, name: v.name } }),
            m('categoryAdded', { name: v.name }),
          )
        }
      >
        <Form.Item name="parentId" label={t('parentCategory')}>
          <Select
            style={{ width: narrow ? '100%' : 320 }}
            allowClear
            options={dir.categoryOptions.filter((c) => String(c.label).split('/').length < 3)}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('add')}
        </Button>
      </Form>
      <Table<Category>
        rowKey="id"
        size="small"
        dataSource={dir.categories}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: t('category'), dataIndex: 'fullName' },
          // 水电气暖 only when some category is one: an empty column says nothing.
          ...(dir.categories.some((c) => c.utility)
            ? [{ title: t('utility'), dataIndex: 'utility', render: (u: boolean) => (u ? <Tag>24h</Tag> : null) }]
            : []),
        ]}
      />
    </Card>
  );
}
