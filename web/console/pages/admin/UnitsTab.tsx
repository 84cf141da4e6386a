import { Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { client, type Init } from '../../../shared/client';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { type Directory, submitter, type Unit } from './directory';
import { adminMessages } from './messages';

type Body = Init<'/units', 'post'>['body'];

const unitKinds = ['department', 'township_government', 'community_committee', 'property_company', 'enterprise', 'other'];

/** 承办单位: units, the places they answer for and the matters they own. */
export function UnitsTab({ dir }: { dir: Directory }) {
  const { t } = useApp();
  const m = usePageMessages(adminMessages);
  const submit = submitter(dir.reload);
  return (
    <Card>
      <Form
        name="unit"
        layout="vertical"
        style={{ marginBottom: 16, maxWidth: 720 }}
        onFinish={(v: Body) => submit(() => client.POST('/units', { body: v }), m('unitAdded', { name: v.name }))}
      >
        <Space wrap>
          <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]} initialValue="department">
            <Select
              style={{ width: 180 }}
              options={unitKinds.map((k) => ({ value: k, label: t(`unitKind.${k}` as 'unitKind.department') }))}
            />
          </Form.Item>
          <Form.Item name="homeRegionId" label={t('homeRegion')}>
            <Select style={{ width: 200 }} allowClear options={dir.regionOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Space>
        <Form.Item name="regionIds" label={t('jurisdiction')}>
          <Select mode="multiple" options={dir.regionOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="categoryIds" label={t('ownedCategories')}>
          <Select mode="multiple" options={dir.categoryOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('add')}
        </Button>
      </Form>
      <Table<Unit>
        rowKey="id"
        size="small"
        dataSource={dir.units}
        pagination={{ pageSize: 15 }}
        scroll={{ x: 640 }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('kind'), dataIndex: 'kind', render: (k: string) => t(`unitKind.${k}` as 'unitKind.department') },
          { title: t('jurisdiction'), render: (_, u) => u.regionIds.map((id) => dir.regionName.get(id)).join('、') },
          { title: t('ownedCategories'), render: (_, u) => u.categoryIds.map((id) => dir.categoryName.get(id)).join('、') },
        ]}
      />
    </Card>
  );
}
