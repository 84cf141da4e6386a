import { Button, Input, message, Space } from 'antd';
import { useState } from 'react';
import { client, type Schemas } from '../../../../shared/client';
import { Field } from './Field';
import { showError, useSetupText } from './use-setup-text';

type Round = Schemas['Assessment'];

/** 从已办结诉求生成: a reply-quality check samples the demands closed in a period, each answerable by its unit. */
export function PopulationDemands({ round, onChange }: { round: Round; onChange: () => void }) {
  const t = useSetupText();
  const [from, setFrom] = useState(round.startsOn);
  const [to, setTo] = useState(round.endsOn);
  const run = async () => {
    try {
      const r = await client.POST('/assessments/{id}/population/demands', { path: { id: round.id }, body: { from, to } });
      void message.success(t('imported', { n: r.imported }));
      onChange();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space wrap align="end">
      <Field label={t('demandsFrom')}>
        {(id) => <Input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} style={{ display: 'block' }} />}
      </Field>
      <Field label={t('demandsTo')}>
        {(id) => <Input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ display: 'block' }} />}
      </Field>
      <Button type="primary" onClick={() => void run()}>
        {t('demandsImport')}
      </Button>
    </Space>
  );
}
