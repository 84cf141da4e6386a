import { Button, Input, message, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { client, type Schemas } from '../../../../shared/client';
import { Field } from './Field';
import { showError, useSetupText } from './use-setup-text';

type Round = Schemas['Assessment'];
const kinds = ['record', 'unit', 'person', 'pair'] as const;
const blank = { kind: 'record' as (typeof kinds)[number], ref: '', name: '', stratum: '', unitId: null as number | null };

/** 逐个添加: the subjects of a review or a competition (units, people, teams) are few and typed in. */
export function SubjectByHand({ round, onChange }: { round: Round; onChange: () => void }) {
  const t = useSetupText();
  const [units, setUnits] = useState<{ id: number; name: string }[]>([]);
  const [s, setS] = useState(blank);
  useEffect(() => {
    void client.GET('/units').then((r) => setUnits(r.items), showError);
  }, []);
  const add = async () => {
    try {
      const r = await client.POST('/assessments/{id}/subjects', {
        path: { id: round.id },
        body: {
          subjects: [{ kind: s.kind, ref: s.ref, name: s.name || s.ref, stratum: s.stratum || null, unitId: s.unitId }],
        },
      });
      void message.success(t('subjectAdded', { n: round.counts.population + r.added }));
      setS({ ...blank, kind: s.kind });
      onChange();
    } catch (e) {
      showError(e);
    }
  };
  const text = (key: 'ref' | 'name' | 'stratum', label: string) => (
    <Field label={label}>
      {(id) => (
        <Input id={id} value={s[key]} onChange={(e) => setS({ ...s, [key]: e.target.value })} style={{ display: 'block', width: 180 }} />
      )}
    </Field>
  );
  return (
    <Space wrap align="end">
      <Field label={t('subjectKind')}>
        {(id) => (
          <Select
            id={id}
            aria-label={t('subjectKind')}
            value={s.kind}
            style={{ width: 120, display: 'block' }}
            onChange={(kind) => setS({ ...s, kind })}
            options={kinds.map((k) => ({ value: k, label: t(`skind.${k}`) }))}
          />
        )}
      </Field>
      {text('ref', t('subjectRef'))}
      {text('name', t('subjectName'))}
      {text('stratum', t('subjectStratum'))}
      <Field label={t('subjectUnit')}>
        {(id) => (
          <Select
            id={id}
            aria-label={t('subjectUnit')}
            allowClear
            showSearch
            optionFilterProp="label"
            value={s.unitId}
            style={{ width: 180, display: 'block' }}
            onChange={(unitId) => setS({ ...s, unitId: unitId ?? null })}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        )}
      </Field>
      <Button type="primary" onClick={() => void add()}>
        {t('addSubject')}
      </Button>
    </Space>
  );
}
