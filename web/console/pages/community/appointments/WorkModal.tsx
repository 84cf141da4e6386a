import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { type Body, client } from '../../../../shared/client';
import { dayFormat, isoDay, today } from './dates';
import { FormModal } from './FormModal';
import { useAppointmentT } from './messages';
import type { Appointee, AppointeeRow } from './types';

type Kind = Appointee['logs'][number]['kind'];
const kinds: Kind[] = ['project', 'training', 'market', 'planning', 'pairing_meeting', 'other'];
type Values = Omit<Body<'/appointees/{id}/work'>, 'happenedOn'> & { happenedOn: Dayjs };

/** 履职记录: one piece of work or a pairing meeting, against one of the programme's duties. */
export function WorkModal(props: { who: AppointeeRow; duties: string[]; open: boolean; onClose: (done: boolean) => void }) {
  const t = useAppointmentT();
  return (
    <FormModal<Values>
      name="work"
      title={t('logOf', { name: props.who.name })}
      open={props.open}
      onClose={props.onClose}
      initialValues={{ kind: 'project', happenedOn: today() }}
      send={(v) =>
        client.POST('/appointees/{id}/work', {
          path: { id: props.who.id },
          body: {
            kind: v.kind,
            duty: v.duty ?? null,
            happenedOn: isoDay(v.happenedOn),
            summary: v.summary.trim(),
            evidence: v.evidence?.trim() || null,
          },
        })
      }
    >
      {() => (
        <>
          <Form.Item name="kind" label={t('workKind')} rules={[{ required: true }]}>
            <Select options={kinds.map((k) => ({ value: k, label: t(`work.${k}`) }))} />
          </Form.Item>
          <Form.Item name="duty" label={t('duty')}>
            <Select allowClear options={props.duties.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
          <Form.Item name="happenedOn" label={t('happenedOn')} rules={[{ required: true }]}>
            <DatePicker format={dayFormat} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="summary" label={t('summary')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="evidence" label={t('evidence')} rules={[{ max: 2000 }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
