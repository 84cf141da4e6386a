import { Button, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { client, type Init, type Schemas } from '../../../../shared/client';
import { asItStands } from '../../../../shared/form-body';
import { useApp } from '../../../app-context';
import { Field } from './Field';
import { SamplePlan } from './SamplePlan';
import { showError, useSetupText } from './use-setup-text';

type Round = Schemas['Assessment'];

/**
 * 抽样: a fixed number, or Cochran's formula from a confidence, a margin and an expected rate; strata
 * proportional or equal; a seed that makes the draw repeatable. What the server computed is shown after.
 */
export function SampleStep({ round, onChange }: { round: Round; onChange: () => void }) {
  const { t: shared } = useApp();
  const t = useSetupText();
  const [mode, setMode] = useState<'fixed' | 'formula'>(round.samplePlan?.sizeFrom ?? 'fixed');
  const [size, setSize] = useState<number | null>(round.samplePlan?.size ?? null);
  const [confidence, setConfidence] = useState<0.9 | 0.95 | 0.99>(0.95);
  const [margin, setMargin] = useState<number | null>(5);
  const [rate, setRate] = useState<number | null>(90);
  const [allocation, setAllocation] = useState<'proportional' | 'equal'>(round.samplePlan?.allocation ?? 'proportional');
  const [seed, setSeed] = useState(round.sampleSeed ?? '');
  const [busy, setBusy] = useState(false);
  const draw = async () => {
    setBusy(true);
    try {
      await client.POST('/assessments/{id}/sample', {
        path: { id: round.id },
        body: asItStands<Init<'/assessments/{id}/sample', 'post'>['body']>({
          size:
            mode === 'fixed'
              ? size
              : { confidence, margin: margin === null ? null : margin / 100, expectedRate: rate === null ? null : rate / 100 },
          allocation,
          ...(seed.trim() ? { seed: seed.trim() } : {}),
        }),
      });
      onChange();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Radio.Group
        aria-label={t('sizeMode')}
        optionType="button"
        value={mode}
        onChange={(e) => setMode(e.target.value)}
        options={[
          { value: 'fixed', label: t('size.fixed') },
          { value: 'formula', label: t('size.formula') },
        ]}
      />
      {mode === 'fixed' ? (
        <Field label={t('sizeN')}>
          {(id) => <InputNumber id={id} min={1} value={size} onChange={setSize} style={{ display: 'block' }} />}
        </Field>
      ) : (
        <>
          <Space wrap align="end">
            <Field label={t('confidence')}>
              {(id) => (
                <Select
                  id={id}
                  aria-label={t('confidence')}
                  value={confidence}
                  onChange={setConfidence}
                  style={{ width: 120, display: 'block' }}
                  options={[0.9, 0.95, 0.99].map((c) => ({ value: c as 0.9 | 0.95 | 0.99, label: `${c * 100}%` }))}
                />
              )}
            </Field>
            <Field label={t('margin')}>
              {(id) => (
                <InputNumber id={id} min={0.1} max={50} step={0.5} value={margin} onChange={setMargin} style={{ display: 'block' }} />
              )}
            </Field>
            <Field label={t('expectedRate')}>
              {(id) => <InputNumber id={id} min={1} max={99} value={rate} onChange={setRate} style={{ display: 'block' }} />}
            </Field>
          </Space>
          <Typography.Text type="secondary">{t('formulaHelp')}</Typography.Text>
        </>
      )}
      <Space wrap align="end">
        <Field label={t('allocation')}>
          {(id) => (
            <Select
              id={id}
              aria-label={t('allocation')}
              value={allocation}
              onChange={setAllocation}
              style={{ width: 160, display: 'block' }}
              options={(['proportional', 'equal'] as const).map((a) => ({ value: a, label: shared(`allocation.${a}`) }))}
            />
          )}
        </Field>
        <Field label={t('seed')}>
          {(id) => <Input id={id} value={seed} onChange={(e) => setSeed(e.target.value)} style={{ display: 'block', width: 220 }} />}
        </Field>
        <Button type="primary" loading={busy} onClick={() => void draw()}>
          {t('draw')}
        </Button>
      </Space>
      {round.samplePlan && (
        <>
          <Typography.Text type="secondary">{t('redrawNote')}</Typography.Text>
          <SamplePlan plan={round.samplePlan} seed={round.sampleSeed ?? ''} />
        </>
      )}
    </Space>
  );
}
