import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { ApiError, currentLang } from '../../shared/api';
import { client } from '../../shared/client';
import { unlockMessages } from './unlock-messages';

const m = (key: keyof typeof unlockMessages) => unlockMessages[key][currentLang()];

/** 短信解锁 on the sign-in page: a code to the account's phone lifts a lock someone else's wrong passwords set. */
export function UnlockByPhone({ username, onUnlocked }: { username: string; onUnlocked: () => void }) {
  const [form] = Form.useForm<{ username: string; code: string }>();
  const [note, setNote] = useState<{ type: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const say = (e: unknown) => setNote({ type: 'error', text: e instanceof ApiError ? e.message : String(e) });
  const send = async () => {
    const name = (form.getFieldValue('username') ?? '').trim();
    if (!name) return void form.validateFields(['username']);
    setBusy(true);
    try {
      await client.POST('/auth/unlock-code', { body: { username: name } });
      setNote({ type: 'info', text: m('sent') });
    } catch (e) {
      say(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="unlock-title" style={{ marginTop: 16 }}>
      <h2 id="unlock-title" style={{ fontSize: 16 }}>
        {m('title')}
      </h2>
      <p style={{ color: '#555' }}>{m('help')}</p>
      <Form
        form={form}
        name="unlock"
        layout="vertical"
        initialValues={{ username, code: '' }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            await client.POST('/auth/unlock', { body: { username: v.username.trim(), code: v.code.trim() } });
            setNote({ type: 'success', text: m('unlocked') });
            onUnlocked();
          } catch (e) {
            say(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label={m('username')} name="username" rules={[{ required: true }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label={m('code')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="code" noStyle rules={[{ required: true }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={10} aria-label={m('code')} />
            </Form.Item>
            <Button onClick={send} loading={busy} data-action="send-unlock-code">
              {m('send')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {note && (
          <Alert type={note.type} title={note.text} style={{ marginBottom: 16 }} role={note.type === 'error' ? 'alert' : 'status'} />
        )}
        <Button htmlType="submit" block loading={busy} data-action="unlock">
          {m('unlock')}
        </Button>
      </Form>
    </section>
  );
}
