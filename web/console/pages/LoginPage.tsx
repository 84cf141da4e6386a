import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError, currentLang } from '../../shared/api';
import { client } from '../../shared/client';
import type { Me } from '../app-context';
import { UnlockByPhone } from './UnlockByPhone';
import { unlockMessages } from './unlock-messages';

export function LoginPage({ t, onLogin }: { t: (k: 'login' | 'username' | 'password' | 'appName') => string; onLogin: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ username: string; password: string }>();
  // Opened by the link, or by itself when sign-in says the account is locked.
  const [unlocking, setUnlocking] = useState(false);
  return (
    <main style={{ display: 'flex', justifyContent: 'center', paddingTop: 80 }}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('appName')}</h1>} style={{ width: 380, maxWidth: 'calc(100vw - 16px)' }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v: { username: string; password: string }) => {
            setError(null);
            try {
              onLogin(await client.POST('/auth/login', { body: v }));
            } catch (e) {
              setError(e instanceof ApiError ? e.message : String(e));
              if (e instanceof ApiError && (e.details as { locked?: boolean } | undefined)?.locked) setUnlocking(true);
            }
          }}
        >
          <Form.Item label={t('username')} name="username" rules={[{ required: true }]}>
            <Input autoFocus autoComplete="username" id="username" />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" id="password" />
          </Form.Item>
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block>
            {t('login')}
          </Button>
        </Form>
        {unlocking ? (
          <UnlockByPhone
            username={form.getFieldValue('username') ?? ''}
            onUnlocked={() => {
              setError(null);
              form.setFieldValue('password', '');
            }}
          />
        ) : (
          <Button type="link" style={{ marginTop: 8, padding: 0 }} onClick={() => setUnlocking(true)} data-action="open-unlock">
            {unlockMessages.open[currentLang()]}
          </Button>
        )}
      </Card>
    </main>
  );
}
