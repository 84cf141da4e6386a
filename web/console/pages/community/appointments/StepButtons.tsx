import { Button, Space } from 'antd';
import { useAppointmentT } from './messages';
import type { AppointeeRow, Step } from './types';

/** The steps the server offers the caller on this person, as buttons; nothing when it offers none. */
export function StepButtons({ who, onStep }: { who: AppointeeRow; onStep: (step: Step, who: AppointeeRow) => void }) {
  const t = useAppointmentT();
  if (who.allowedActions.length === 0) return null;
  return (
    <Space wrap size={6}>
      {who.allowedActions.map((step) => (
        <Button
          key={step}
          size="small"
          type={step === 'dismiss' ? 'default' : 'primary'}
          data-action={step}
          onClick={() => onStep(step, who)}
        >
          {t(`action.${step}`)}
        </Button>
      ))}
    </Space>
  );
}
