import { Alert, Button, Card, Form, Input, InputNumber, message, Popconfirm, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { client, type Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { accountMessages } from './messages';

type Token = Schemas['ApiToken'];

const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));

/** 我的账号: every staff member's own API tokens (a token acts as its owner, so it lives with the owner, not the admin). */
export function AccountPage() {
  const { lang, me } = useApp();
  const m = usePageMessages(accountMessages);
  const [tokens, setTokens] = useState<Token[]>([]);
  const [fresh, setFresh] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; expiresInDays?: number | null }>();
  const load = useCallback(async () => setTokens((await client.GET('/auth/tokens')).items), []);
  useEffect(() => {
    void load();
  }, [load]);
  const create = async (v: { name: string; expiresInDays?: number | null }) => {
    try {
      const r = await client.POST('/auth/tokens', {
        body: {
          name: v.name,
          ...(v.expiresInDays ? { expiresInDays: v.expiresInDays } : {}),
        },
      });
      setFresh(r.token);
      form.resetFields();
      await load();
    } catch (e) {
      fail(e);
    }
  };
  const revoke = async (tk: Token) => {
    try {
      await client.POST('/auth/tokens/{id}/revoke', { path: { id: tk.id } });
      message.success(m('revokedDone'));
      await load();
    } catch (e) {
      fail(e);
    }
  };
  const state = (tk: Token) =>
    tk.revokedAt ? (
      <Tag>{m('revoked')}</Tag>
    ) : tk.expiresAt && new Date(tk.expiresAt) < new Date() ? (
      <Tag>{m('expired')}</Tag>
    ) : (
      <Tag>{m('active')}</Tag>
    );
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {m('title')} · {me.displayName}
      </Typography.Title>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{m('tokensTitle')}</h2>}>
        <Typography.Paragraph type="secondary">{m('tokensHelp')}</Typography.Paragraph>
        <Form form={form} name="token" layout="inline" onFinish={create} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="name" label={m('tokenName')} rules={[{ required: true }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={m('tokenExpires')}>
            <InputNumber min={1} max={3650} placeholder={m('tokenExpiresHelp')} style={{ width: 140 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-action="create-token">
            {m('create')}
          </Button>
        </Form>
        {fresh && (
          <Alert
            type="success"
            style={{ marginBottom: 16 }}
            message={m('created')}
            description={
              <Typography.Text code copyable data-testid="fresh-token" style={{ wordBreak: 'break-all' }}>
                {fresh}
              </Typography.Text>
            }
            closable
            onClose={() => setFresh(null)}
          />
        )}
        <Table<Token>
          rowKey="id"
          size="small"
          dataSource={tokens}
          pagination={false}
          scroll={{ x: 560 }}
          locale={{ emptyText: m('none') }}
          columns={[
            { title: m('tokenName'), dataIndex: 'name' },
            { title: m('createdAt'), render: (_, tk) => formatTime(tk.createdAt, lang) },
            { title: m('expiresAt'), render: (_, tk) => (tk.expiresAt ? formatTime(tk.expiresAt, lang) : m('never')) },
            { title: m('state'), render: (_, tk) => state(tk) },
            {
              title: m('actions'),
              render: (_, tk) =>
                tk.revokedAt ? null : (
                  <Popconfirm title={m('revokeConfirm')} onConfirm={() => void revoke(tk)} okText={m('revoke')}>
                    <Button size="small" data-token={tk.name}>
                      {m('revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
