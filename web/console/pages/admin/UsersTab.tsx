import { Button, Card, Form, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client, type Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { useNarrow } from '../../use-narrow';
import { type Directory, submitter } from './directory';
import { adminMessages } from './messages';

type User = Schemas['UserAccount'];
type NewUser = {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  role: User['roles'][number]['role'];
  regionId?: number;
  unitId?: number;
};

/** 人员: staff accounts, their roles, and the switches an admin needs when someone leaves or is locked out. */
export function UsersTab({ dir }: { dir: Directory }) {
  const { t, lang } = useApp();
  const m = usePageMessages(adminMessages);
  const [form] = Form.useForm<NewUser>();
  const [users, setUsers] = useState<User[]>([]);
  // On a phone each account is a card with its buttons on their own line: a table's last column would sit off-screen.
  const narrow = useNarrow();
  const load = useCallback(async () => setUsers((await client.GET('/users')).items), []);
  useEffect(() => {
    void load();
  }, [load]);
  const submit = submitter(load);
  const add = async (v: NewUser) => {
    const added = await submit(
      () =>
        client.POST('/users', {
          body: {
            username: v.username,
            displayName: v.displayName,
            password: v.password,
            // The server checks the number and says what is wrong with it.
            phone: v.phone?.trim() || undefined,
            roles: [{ role: v.role, regionId: v.regionId ?? null, unitId: v.unitId ?? null }],
          },
        }),
      m('userAdded', { name: v.displayName }),
    );
    if (added) form.resetFields();
  };
  const roles = (u: User) =>
    u.roles.map((r, i) => (
      <Tag key={i}>
        {t(`role.${r.role}` as 'role.admin')}
        {r.regionId ? ` · ${dir.regionName.get(r.regionId)}` : ''}
        {r.unitId ? ` · ${dir.unitName.get(r.unitId)}` : ''}
      </Tag>
    ));
  const lastLogin = (u: User) => (u.lastLoginAt ? formatTime(u.lastLoginAt, lang) : t('never'));
  const actions = (u: User) => (
    <Space wrap data-user={u.username}>
      {u.disabled ? <Tag>{t('disabled')}</Tag> : null}
      {u.mustChangePassword ? <Tag>{t('mustChangePassword')}</Tag> : null}
      {u.disabled ? (
        <Button
          size="small"
          data-action="enable"
          onClick={() =>
            void submit(() => client.POST('/users/{id}/enable', { path: { id: u.id } }), m('userEnabled', { name: u.displayName }))
          }
        >
          {t('enableUser')}
        </Button>
      ) : (
        <Button
          size="small"
          data-action="disable"
          onClick={() =>
            void submit(() => client.POST('/users/{id}/disable', { path: { id: u.id } }), m('userDisabled', { name: u.displayName }))
          }
        >
          {t('disableUser')}
        </Button>
      )}
      <Button
        size="small"
        data-action="unlock"
        onClick={() =>
          void submit(() => client.POST('/users/{id}/unlock', { path: { id: u.id } }), m('userUnlocked', { name: u.displayName }))
        }
      >
        {t('unlockUser')}
      </Button>
      <Button
        size="small"
        data-action="reset-password"
        onClick={() => {
          const password = window.prompt(t('newPasswordPrompt'));
          if (password)
            void submit(
              () => client.POST('/users/{id}/password', { path: { id: u.id }, body: { password } }),
              m('passwordReset', { name: u.displayName }),
            );
        }}
      >
        {t('resetPassword')}
      </Button>
    </Space>
  );
  return (
    <Card>
      <Form form={form} name="user" layout="vertical" style={{ marginBottom: 16, maxWidth: 720 }} onFinish={(v: NewUser) => add(v)}>
        <Space wrap>
          <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label={m('personName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="phone" label={m('phone')} extra={m('phoneHelp')} style={{ maxWidth: 320 }}>
            <Input type="tel" inputMode="tel" autoComplete="off" maxLength={20} />
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
              style={{ width: 220, maxWidth: '100%' }}
              allowClear
              options={dir.units.map((u) => ({ value: u.id, label: u.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" data-action="add-user">
          {t('add')}
        </Button>
      </Form>
      {narrow ? (
        <List<User>
          dataSource={users}
          pagination={{ pageSize: 15, size: 'small' }}
          renderItem={(u) => (
            <List.Item key={u.id} style={{ display: 'block' }}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {u.displayName} <Typography.Text type="secondary">{u.username}</Typography.Text>
                </Typography.Text>
                <div>{roles(u)}</div>
                <Typography.Text type="secondary">
                  {t('lastLogin')}：{lastLogin(u)}
                </Typography.Text>
                {actions(u)}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<User>
          rowKey="id"
          size="small"
          dataSource={users}
          pagination={{ pageSize: 15 }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('username'), dataIndex: 'username' },
            { title: m('personName'), dataIndex: 'displayName' },
            { title: t('role'), render: (_, u) => roles(u) },
            { title: t('lastLogin'), render: (_, u) => lastLogin(u) },
            { title: t('accountState'), render: (_, u) => actions(u) },
          ]}
        />
      )}
    </Card>
  );
}
