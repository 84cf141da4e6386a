import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client, type Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { type Directory, submitter } from './directory';

type User = Schemas['UserAccount'];
type NewUser = {
  username: string;
  displayName: string;
  password: string;
  role: User['roles'][number]['role'];
  regionId?: number;
  unitId?: number;
};

/** 人员: staff accounts, their roles, and the switches an admin needs when someone leaves or is locked out. */
export function UsersTab({ dir }: { dir: Directory }) {
  const { t, lang } = useApp();
  const [users, setUsers] = useState<User[]>([]);
  const load = useCallback(async () => setUsers((await client.GET('/users')).items), []);
  useEffect(() => {
    void load();
  }, [load]);
  const submit = submitter(t('confirm'), load);
  return (
    <Card>
      <Form
        name="user"
        layout="vertical"
        style={{ marginBottom: 16, maxWidth: 720 }}
        onFinish={(v: NewUser) =>
          submit(() =>
            client.POST('/users', {
              body: {
                username: v.username,
                displayName: v.displayName,
                password: v.password,
                roles: [{ role: v.role, regionId: v.regionId ?? null, unitId: v.unitId ?? null }],
              },
            }),
          )
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
            <Select style={{ width: 200 }} allowClear options={dir.regionOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="unitId" label={t('scopeUnit')}>
            <Select
              style={{ width: 220 }}
              allowClear
              options={dir.units.map((u) => ({ value: u.id, label: u.name }))}
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
        scroll={{ x: 900 }}
        columns={[
          { title: t('username'), dataIndex: 'username' },
          { title: t('name'), dataIndex: 'displayName' },
          {
            title: t('role'),
            render: (_, u) =>
              u.roles.map((r, i) => (
                <Tag key={i}>
                  {t(`role.${r.role}` as 'role.admin')}
                  {r.regionId ? ` · ${dir.regionName.get(r.regionId)}` : ''}
                  {r.unitId ? ` · ${dir.unitName.get(r.unitId)}` : ''}
                </Tag>
              )),
          },
          {
            title: t('lastLogin'),
            render: (_, u) => (u.lastLoginAt ? formatTime(u.lastLoginAt, lang) : t('never')),
          },
          {
            title: t('accountState'),
            render: (_, u) => (
              <Space wrap data-user={u.username}>
                {u.disabled ? <Tag>{t('disabled')}</Tag> : null}
                {u.mustChangePassword ? <Tag>{t('mustChangePassword')}</Tag> : null}
                {u.disabled ? (
                  <Button
                    size="small"
                    data-action="enable"
                    onClick={() => void submit(() => client.POST('/users/{id}/enable', { path: { id: u.id } }))}
                  >
                    {t('enableUser')}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    data-action="disable"
                    onClick={() => void submit(() => client.POST('/users/{id}/disable', { path: { id: u.id } }))}
                  >
                    {t('disableUser')}
                  </Button>
                )}
                <Button size="small" onClick={() => void submit(() => client.POST('/users/{id}/unlock', { path: { id: u.id } }))}>
                  {t('unlockUser')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    const password = window.prompt(t('newPasswordPrompt'));
                    if (password) void submit(() => client.POST('/users/{id}/password', { path: { id: u.id }, body: { password } }));
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
}
