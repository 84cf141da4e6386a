import { Checkbox, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { type Body, client } from '../../../../shared/client';
import { dayFormat, isoDay, today } from './dates';
import { FormModal } from './FormModal';
import { useAppointmentT } from './messages';
import type { AppointeeRow, Programme } from './types';

type Values = Omit<Body<'/appointment-programmes/{id}/decisions'>, 'on'> & { on: Dayjs };

/** 聘任决定: approved candidates appointed on one day, each with a numbered letter and the programme's term. */
export function AppointModal(props: {
  programme: Programme;
  candidates: AppointeeRow[];
  picked: number[];
  open: boolean;
  onClose: (done: boolean) => void;
}) {
  const t = useAppointmentT();
  const year = today().year();
  return (
    <FormModal<Values>
      name="appoint"
      title={t('decideTitle')}
      open={props.open}
      onClose={props.onClose}
      initialValues={{ appointeeIds: props.picked, on: today(), letterPrefix: `${props.programme.name}聘〔${year}〕` }}
      send={(v) =>
        client.POST('/appointment-programmes/{id}/decisions', {
          path: { id: props.programme.id },
          body: {
            appointeeIds: v.appointeeIds,
            on: isoDay(v.on),
            letterPrefix: v.letterPrefix.trim(),
          },
        })
      }
    >
      {(form) => (
        <>
          {props.candidates.length > 1 && (
            <Form.Item noStyle shouldUpdate>
              {() => {
                const picked: number[] = form.getFieldValue('appointeeIds') ?? [];
                const all = picked.length === props.candidates.length;
                return (
                  <Checkbox
                    checked={all}
                    indeterminate={picked.length > 0 && !all}
                    onChange={(e) => form.setFieldValue('appointeeIds', e.target.checked ? props.candidates.map((c) => c.id) : [])}
                    style={{ marginBottom: 8 }}
                  >
                    {t('pickAll', { n: props.candidates.length })}
                  </Checkbox>
                );
              }}
            </Form.Item>
          )}
          <Form.Item name="appointeeIds" label={t('decideWho')} rules={[{ required: true, type: 'array', min: 1 }]}>
            {props.candidates.length ? (
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                options={props.candidates.map((c) => ({ value: c.id, label: `${c.post} · ${c.name}` }))}
              />
            ) : (
              <p>{t('noneApproved')}</p>
            )}
          </Form.Item>
          <Form.Item name="on" label={t('decideOn')} rules={[{ required: true }]}>
            <DatePicker format={dayFormat} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="letterPrefix" label={t('letterPrefix')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => (
              <p style={{ color: '#555' }}>
                {t('letterHint', { prefix: form.getFieldValue('letterPrefix') ?? '', months: props.programme.termMonths })}
              </p>
            )}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
