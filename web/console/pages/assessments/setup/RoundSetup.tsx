import { Button, Card, Steps } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../../../shared/client';
import { AssignStep } from './AssignStep';
import { OpenStep } from './OpenStep';
import { PanelStep } from './PanelStep';
import { PopulationStep } from './PopulationStep';
import { SampleStep } from './SampleStep';
import { useSetupText } from './use-setup-text';

type Round = Schemas['Assessment'];
const steps = ['rubric', 'population', 'sample', 'panel', 'assign', 'open'] as const;

/**
 * 筹备: the round's set-up as a wizard. Each step says what is done from the round as the server reports it,
 * so a clerk who comes back tomorrow lands on the first step still to do.
 */
export function RoundSetup({ round, onChange }: { round: Round; onChange: () => void }) {
  const t = useSetupText();
  const items = round.rubric.aspects.flatMap((a) => a.items);
  const done: Record<(typeof steps)[number], string | null> = {
    rubric: t('rubricDone', {
      name: round.rubric.name,
      v: round.rubric.version,
      aspects: round.rubric.aspects.length,
      items: items.length,
    }),
    population: round.counts.population ? t('populationDone', { n: round.counts.population }) : null,
    sample: round.samplePlan ? t('sampleDone', { n: round.counts.sampled }) : null,
    panel: round.panel.length ? t('panelDone', { n: round.panel.length }) : null,
    assign: round.assignment === 'panel' ? t('assignNone') : round.counts.assigned ? t('assignDone', { n: round.counts.assigned }) : null,
    open: round.state === 'draft' ? null : t('s.open'),
  };
  const firstToDo = Math.max(
    1,
    steps.findIndex((s) => !done[s]),
  );
  const [picked, setPicked] = useState<number | null>(null);
  const current = picked ?? firstToDo;
  // After a change the step stays in view, so the person reads what the server made of it before moving on.
  const changed = () => {
    setPicked(current);
    onChange();
  };
  const step = steps[current];
  return (
    <Card title={t('setupTitle')} style={{ marginBottom: 16 }} className="no-print">
      <Steps
        current={current}
        onChange={setPicked}
        style={{ marginBottom: 16 }}
        items={steps.map((s, i) => ({
          title: t(`s.${s}`),
          content: done[s] ?? t('notYet'),
          status: i === current ? 'process' : done[s] ? 'finish' : 'wait',
        }))}
      />
      {step === 'rubric' && <p>{done.rubric}</p>}
      {step === 'population' && <PopulationStep round={round} onChange={changed} />}
      {step === 'sample' && <SampleStep round={round} onChange={changed} />}
      {step === 'panel' && <PanelStep round={round} onChange={changed} />}
      {step === 'assign' && <AssignStep round={round} onChange={changed} />}
      {step === 'open' && <OpenStep round={round} onChange={changed} />}
      {done[step] && current < steps.length - 1 && (
        <Button style={{ marginTop: 16 }} onClick={() => setPicked(current + 1)}>
          {t('next', { step: t(`s.${steps[current + 1]}`) })}
        </Button>
      )}
    </Card>
  );
}
