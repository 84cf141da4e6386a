import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { client } from '../../../../shared/client';
import { dayFormat, isoDay, today } from './dates';
import { FormModal } from './FormModal';
import { useAppointmentT } from './messages';
import type { AppointeeRow } from './types';

type Values = { on: Dayjs; reason: string };

/** 解聘: the appointment ends on a day, with the reason; the post counts as uncovered from the next day. */
export function DismissModal(props: { who: AppointeeRow; open: boolean; onClose: (done: boolean) => void }) {
  const t = useAppointmentT();
  return (
    <FormModal<Values>
      name="dismiss"
      title={t('dismissOf', { name: props.who.name })}
      open={props.open}
      onClose={props.onClose}
      initialValues={{ on: today() }}
      send={(v) =>
        client.POST('/appointees/{id}/dismissal', { path: { id: props.who.id }, body: { on: isoDay(v.on), reason: v.reason.trim() } })
      }
    >
      {() => (
        <>
          <p>{t('dismissHint')}</p>
          <Form.Item name="on" label={t('dismissOn')} rules={[{ required: true }]}>
            <DatePicker format={dayFormat} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('dismissReason')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
