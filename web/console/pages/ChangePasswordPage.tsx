import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { client } from '../../shared/client';
import type { useApp } from '../app-context';

/** After an admin's reset the user chooses a new password before anything else. */
export function ChangePasswordPage({ t, onChanged }: { t: ReturnType<typeof useApp>['t']; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const change = async (v: { currentPassword: string; newPassword: string }) => {
    setError(null);
    try {
      await client.POST('/auth/password', { body: v });
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <main style={{ maxWidth: 420, margin: '48px auto', padding: 16 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('changePasswordTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('changePasswordWhy')}</Typography.Paragraph>
        {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={change}>
          <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('newPassword')} rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('confirm')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
