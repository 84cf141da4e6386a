import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { client } from '../../shared/client';
import type { Me } from '../app-context';

export function LoginPage({ t, onLogin }: { t: (k: 'login' | 'username' | 'password' | 'appName') => string; onLogin: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <main style={{ display: 'flex', justifyContent: 'center', paddingTop: 80 }}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('appName')}</h1>} style={{ width: 380 }}>
        <Form
          layout="vertical"
          onFinish={async (v: { username: string; password: string }) => {
            setError(null);
            try {
              onLogin(await client.POST('/auth/login', { body: v }));
            } catch (e) {
              setError(e instanceof ApiError ? e.message : String(e));
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
      </Card>
    </main>
  );
}
