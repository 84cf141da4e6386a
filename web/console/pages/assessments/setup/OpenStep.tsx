import { Button, message, Space, Typography } from 'antd';
import { client, type Schemas } from '../../../../shared/client';
import { useApp } from '../../../app-context';
import { showError, useSetupText } from './use-setup-text';

type Round = Schemas['Assessment'];

/** 开始评分: the last step; offered only when the server lists it for this caller. */
export function OpenStep({ round, onChange }: { round: Round; onChange: () => void }) {
  const { t: shared } = useApp();
  const t = useSetupText();
  const open = async () => {
    try {
      const r = await client.POST('/assessments/{id}/open', { path: { id: round.id } });
      void message.success(shared('stepDone', { state: shared(`astate.${r.state as Round['state']}`) }));
      onChange();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space orientation="vertical">
      <Typography.Text type="secondary">{t('openHelp')}</Typography.Text>
      {round.allowedSteps.includes('open') && (
        <Button type="primary" onClick={() => void open()}>
          {t('openRound')}
        </Button>
      )}
    </Space>
  );
}
