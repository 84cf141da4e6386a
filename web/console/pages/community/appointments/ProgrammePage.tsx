import { message, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../../../shared/client';
import { AppointeeDrawer } from './AppointeeDrawer';
import { CoverageCard } from './CoverageCard';
import { useAppointmentT } from './messages';
import { PeopleCard } from './PeopleCard';
import { type Doing, StepModal } from './StepModal';
import type { AppointeeRow, Programme, Step } from './types';
import { UncoveredCard } from './UncoveredCard';

/** One programme as its owner works it: coverage against the targets, the posts to cover, the people by post and their steps. */
export function ProgrammePage({ id }: { id: number }) {
  const t = useAppointmentT();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [rows, setRows] = useState<AppointeeRow[]>([]);
  const [doing, setDoing] = useState<Doing | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const load = useCallback(async () => {
    const [p, r] = await Promise.all([
      client.GET('/appointment-programmes/{id}', { path: { id } }),
      client.GET('/appointment-programmes/{id}/appointees', { path: { id } }),
    ]);
    setProgramme(p);
    setRows(r.items);
  }, [id]);
  useEffect(() => void load(), [load]);
  const onStep = (step: Step, who: AppointeeRow) => setDoing(step === 'appoint' ? { step: 'decide', picked: [who.id] } : { step, who });
  const closed = (done: boolean) => {
    setDoing(null);
    if (!done) return;
    // One notice at a time: a run of nominations or reviews should not stack them over the next form.
    void message.success({ content: t('saved'), key: 'appointments-saved', duration: 2 });
    setVersion((v) => v + 1);
    void load();
  };
  if (!programme) return null;
  return (
    <section>
      <p style={{ marginBottom: 4 }}>
        <a href="#/appointments">{t('back')}</a>
      </p>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {programme.name} · {programme.region}
      </Typography.Title>
      <CoverageCard programme={programme} />
      <UncoveredCard programme={programme} rows={rows} onNominate={(postRegionId) => setDoing({ step: 'nominate', postRegionId })} />
      <PeopleCard
        programme={programme}
        rows={rows}
        onStep={onStep}
        onNominate={() => setDoing({ step: 'nominate' })}
        onDecide={() => setDoing({ step: 'decide', picked: [] })}
        onOpen={(who) => setOpen(who.id)}
      />
      <AppointeeDrawer id={open} version={version} onClose={() => setOpen(null)} onStep={onStep} />
      {doing && <StepModal doing={doing} programme={programme} rows={rows} onClose={closed} />}
    </section>
  );
}
