import { Alert, Button, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { client, type Schemas } from '../../../../shared/client';
import { showError, useSetupText } from './use-setup-text';

type Round = Schemas['Assessment'];

/** 分配: each drawn subject to one assessor, evenly, never their own unit's; the load per person is shown. */
export function AssignStep({ round, onChange }: { round: Round; onChange: () => void }) {
  const t = useSetupText();
  const [load, setLoad] = useState<Record<string, number> | null>(null);
  if (round.assignment === 'panel') return <p>{t('assignNone')}</p>;
  const assign = async () => {
    try {
      const r = await client.POST('/assessments/{id}/assign', { path: { id: round.id } });
      setLoad(r.load);
      onChange();
    } catch (e) {
      showError(e);
    }
  };
  const name = (userId: string) => round.panel.find((m) => String(m.userId) === userId)?.name ?? '';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('assignHelp')}</Typography.Text>
      <Button type="primary" onClick={() => void assign()}>
        {t('assign')}
      </Button>
      {load && (
        <Alert
          type="success"
          title={t('assignDone', { n: Object.values(load).reduce((a, b) => a + b, 0) })}
          description={
            <List
              size="small"
              dataSource={Object.entries(load)}
              renderItem={([u, n]) => <List.Item>{t('load', { name: name(u), n })}</List.Item>}
            />
          }
        />
      )}
    </Space>
  );
}
