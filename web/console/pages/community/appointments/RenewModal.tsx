import { client } from '../../../../shared/client';
import { FormModal } from './FormModal';
import { useAppointmentT } from './messages';
import type { AppointeeRow } from './types';

/** 续聘: the term runs on for another programme term from its current end. */
export function RenewModal(props: { who: AppointeeRow; termMonths: number; open: boolean; onClose: (done: boolean) => void }) {
  const t = useAppointmentT();
  return (
    <FormModal<object>
      name="renew"
      title={t('renewOf', { name: props.who.name })}
      open={props.open}
      onClose={props.onClose}
      send={() => client.POST('/appointees/{id}/renewal', { path: { id: props.who.id } })}
    >
      {() => <p>{t('renewText', { end: props.who.termEnd ?? '—', months: props.termMonths })}</p>}
    </FormModal>
  );
}
