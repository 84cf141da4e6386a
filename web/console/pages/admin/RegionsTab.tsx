import { Button, Card, Form, Input, Select, Table } from 'antd';
import { client, type Region } from '../../../shared/client';
import { asItStands } from '../../../shared/form-body';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { useNarrow } from '../../use-narrow';
import { type Directory, submitter } from './directory';
import { adminMessages } from './messages';

const levelNext: Record<Region['level'], Region['level'] | null> = {
  district: 'township',
  township: 'community',
  community: 'grid',
  grid: null,
};

/** 区域: the district's tree of townships, communities and grids. */
export function RegionsTab({ dir }: { dir: Directory }) {
  const { t } = useApp();
  const m = usePageMessages(adminMessages);
  const submit = submitter(dir.reload);
  // On a phone the labels sit above the fields, so a long region name's picker stays inside the card.
  const narrow = useNarrow();
  return (
    <Card>
      <Form
        name="region"
        layout={narrow ? 'vertical' : 'inline'}
        style={{ marginBottom: 16 }}
        onFinish={(v: { parentId: number; name: string; code: string }) => {
          const parent = dir.regions.find((r) => r.id === v.parentId);
          return submit(
            () =>
              client.POST('/regions', {
                body: asItStands({ ...v, level: parent ? levelNext[parent.level] : 'district', parentId: v.parentId ?? null }),
              }),
            m('regionAdded', { name: v.name }),
          );
        }}
      >
        <Form.Item name="parentId" label={t('parentRegion')}>
          <Select
            style={{ width: narrow ? '100%' : 220 }}
            allowClear
            options={dir.regionOptions}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('code')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('add')}
        </Button>
      </Form>
      <Table<Region>
        rowKey="id"
        size="small"
        dataSource={dir.regions}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: t('name'), render: (_, r) => `${'　'.repeat(r.path.split('/').length - 3)}${r.name}` },
          { title: t('level'), dataIndex: 'level', render: (l: string) => t(`level.${l}` as 'level.district') },
          { title: t('code'), dataIndex: 'code' },
        ]}
      />
    </Card>
  );
}
