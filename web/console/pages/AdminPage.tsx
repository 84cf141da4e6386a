import { Button, Card, DatePicker, Form, Input, message, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, api, type Category, type Region } from '../../shared/api';
import type { Schemas } from '../../shared/client';
import { useApp } from '../app-context';
import { Open311Keys } from './Open311Keys';

type Day = { day: string; kind: 'holiday' | 'workday'; note: string };
type Unit = { id: number; name: string; kind: string; homeRegionId: number | null; regionIds: number[]; categoryIds: number[] };
type User = Schemas['UserAccount'];

const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));

/** Admin: the district's places, units, categories, people and calendar. The server checks it is an admin. */
export function AdminPage() {
  const { t } = useApp();
  const [regions, setRegions] = useState<Region[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [days, setDays] = useState<Day[]>([]);
  const load = useCallback(async () => {
    const [r, u, c, us, d] = await Promise.all([
      api<{ items: Region[] }>('GET', '/regions'),
      api<{ items: Unit[] }>('GET', '/units'),
      api<{ items: Category[] }>('GET', '/categories'),
      api<{ items: User[] }>('GET', '/users'),
      api<{ items: Day[] }>('GET', '/calendar/days'),
    ]);
    setRegions(r.items);
    setUnits(u.items);
    setCategories(c.items);
    setUsers(us.items);
    setDays(d.items);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const regionName = useMemo(() => new Map(regions.map((r) => [r.id, r.name])), [regions]);
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const categoryName = useMemo(() => new Map(categories.map((c) => [c.id, c.fullName])), [categories]);
  const regionOptions = regions.map((r) => ({ value: r.id, label: `${'　'.repeat(r.path.split('/').length - 3)}${r.name}` }));
  const categoryOptions = categories.map((c) => ({ value: c.id, label: c.fullName }));
  const submit =
    (path: string, method = 'POST') =>
    async (values: Record<string, unknown>) => {
      try {
        await api(method, path, values);
        message.success(t('confirm'));
        await load();
      } catch (e) {
        fail(e);
      }
    };
  const levelNext: Record<string, string> = { district: 'township', township: 'community', community: 'grid' };

  const regionTab = (
    <Card>
      <Form
        name="region"
        layout="inline"
        style={{ marginBottom: 16 }}
        onFinish={(v: { parentId: number; name: string; code: string }) => {
          const parent = regions.find((r) => r.id === v.parentId);
          return submit('/regions')({ ...v, level: parent ? levelNext[parent.level] : 'district', parentId: v.parentId ?? null });
        }}
      >
        <Form.Item name="parentId" label={t('parentRegion')}>
          <Select style={{ width: 220 }} allowClear options={regionOptions} showSearch={{ optionFilterProp: 'label' }} />
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
        dataSource={regions}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: t('name'), render: (_, r) => `${'　'.repeat(r.path.split('/').length - 3)}${r.name}` },
          { title: t('level'), dataIndex: 'level', render: (l: string) => t(`level.${l}` as 'level.district') },
          { title: t('code'), dataIndex: 'code' },
        ]}
      />
    </Card>
  );

  const unitTab = (
    <Card>
      <Form name="unit" layout="vertical" style={{ marginBottom: 16, maxWidth: 720 }} onFinish={submit('/units')}>
        <Space wrap>
          <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]} initialValue="department">
            <Select
              style={{ width: 180 }}
              options={['department', 'township_government', 'community_committee', 'property_company', 'enterprise', 'other'].map((k) => ({
                value: k,
                label: t(`unitKind.${k}` as 'unitKind.department'),
              }))}
            />
          </Form.Item>
          <Form.Item name="homeRegionId" label={t('homeRegion')}>
            <Select style={{ width: 200 }} allowClear options={regionOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Space>
        <Form.Item name="regionIds" label={t('jurisdiction')}>
          <Select mode="multiple" options={regionOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="categoryIds" label={t('ownedCategories')}>
          <Select mode="multiple" options={categoryOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('add')}
        </Button>
      </Form>
      <Table<Unit>
        rowKey="id"
        size="small"
        dataSource={units}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('kind'), dataIndex: 'kind', render: (k: string) => t(`unitKind.${k}` as 'unitKind.department') },
          { title: t('jurisdiction'), render: (_, u) => u.regionIds.map((id) => regionName.get(id)).join('、') },
          { title: t('ownedCategories'), render: (_, u) => u.categoryIds.map((id) => categoryName.get(id)).join('、') },
        ]}
      />
    </Card>
  );

  const categoryTab = (
    <Card>
      <Form
        name="category"
        layout="inline"
        style={{ marginBottom: 16 }}
        onFinish={(v: { parentId?: number; name: string }) => submit('/categories')({ parentId: v.parentId ?? null, name: v.name })}
      >
        <Form.Item name="parentId" label={t('parentCategory')}>
          <Select
            style={{ width: 320 }}
            allowClear
            options={categoryOptions.filter((c) => String(c.label).split('/').length < 3)}
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
        dataSource={categories}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: t('category'), dataIndex: 'fullName' },
          { title: t('utility'), dataIndex: 'utility', render: (u: boolean) => (u ? <Tag>24h</Tag> : null) },
        ]}
      />
    </Card>
  );

  const userTab = (
    <Card>
      <Form
        name="user"
        layout="vertical"
        style={{ marginBottom: 16, maxWidth: 720 }}
        onFinish={(v: { username: string; displayName: string; password: string; role: string; regionId?: number; unitId?: number }) =>
          submit('/users')({
            username: v.username,
            displayName: v.displayName,
            password: v.password,
            roles: [{ role: v.role, regionId: v.regionId ?? null, unitId: v.unitId ?? null }],
          })
        }
      >
        <Space wrap>
          <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label={t('name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="role" label={t('role')} rules={[{ required: true }]} initialValue="operator">
            <Select
              style={{ width: 160 }}
              options={['operator', 'dispatcher', 'handler', 'supervisor', 'admin'].map((r) => ({
                value: r,
                label: t(`role.${r}` as 'role.admin'),
              }))}
            />
          </Form.Item>
          <Form.Item name="regionId" label={t('scopeRegion')}>
            <Select style={{ width: 200 }} allowClear options={regionOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="unitId" label={t('scopeUnit')}>
            <Select
              style={{ width: 220 }}
              allowClear
              options={units.map((u) => ({ value: u.id, label: u.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit">
          {t('add')}
        </Button>
      </Form>
      <Table<User>
        rowKey="id"
        size="small"
        dataSource={users}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: t('username'), dataIndex: 'username' },
          { title: t('name'), dataIndex: 'displayName' },
          {
            title: t('role'),
            render: (_, u) =>
              u.roles.map((r, i) => (
                <Tag key={i}>
                  {t(`role.${r.role}` as 'role.admin')}
                  {r.regionId ? ` · ${regionName.get(r.regionId)}` : ''}
                  {r.unitId ? ` · ${unitName.get(r.unitId)}` : ''}
                </Tag>
              )),
          },
          {
            title: t('lastLogin'),
            render: (_, u) => (u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString('zh-CN', { hour12: false }) : t('never')),
          },
          {
            title: t('accountState'),
            render: (_, u) => (
              <Space wrap>
                {u.disabled ? <Tag>{t('disabled')}</Tag> : null}
                {u.mustChangePassword ? <Tag>{t('mustChangePassword')}</Tag> : null}
                <Button size="small" onClick={() => void submit(`/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`)({})}>
                  {u.disabled ? t('enableUser') : t('disableUser')}
                </Button>
                <Button size="small" onClick={() => void submit(`/users/${u.id}/unlock`)({})}>
                  {t('unlockUser')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    const password = window.prompt(t('newPasswordPrompt'));
                    if (password) void submit(`/users/${u.id}/password`)({ password });
                  }}
                >
                  {t('resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );

  const calendarTab = (
    <Card>
      <Form
        name="calendar"
        layout="inline"
        style={{ marginBottom: 16 }}
        onFinish={async (v: { day: { format: (f: string) => string }; kind: Day['kind']; note?: string }) =>
          submit('/calendar/days', 'PUT')({ days: [{ day: v.day.format('YYYY-MM-DD'), kind: v.kind, note: v.note ?? '' }] })
        }
      >
        <Form.Item name="day" label={t('day')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]} initialValue="holiday">
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'holiday', label: t('holiday') },
              { value: 'workday', label: t('workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('add')}
        </Button>
      </Form>
      <Table<Day>
        rowKey="day"
        size="small"
        dataSource={days}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('day'), dataIndex: 'day' },
          { title: t('kind'), dataIndex: 'kind', render: (k: Day['kind']) => t(k) },
          { title: t('note'), dataIndex: 'note' },
        ]}
      />
    </Card>
  );

  return (
    <main>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuAdmin')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'regions', label: t('tabRegions'), children: regionTab },
          { key: 'units', label: t('tabUnits'), children: unitTab },
          { key: 'categories', label: t('tabCategories'), children: categoryTab },
          { key: 'users', label: t('tabUsers'), children: userTab },
          { key: 'calendar', label: t('calendar'), children: calendarTab },
          { key: 'open311', label: t('tabOpen311'), children: <Open311Keys regions={regions} /> },
        ]}
      />
    </main>
  );
}
