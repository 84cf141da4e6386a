import { Button, Card, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client, type Schemas } from '../../../../shared/client';
import { Tone } from '../../../tone';
import { useCourseMessages } from './messages';
import { PlanForm } from './PlanForm';
import { PlanReview } from './PlanReview';
import { emptyText } from './shared';

type Plan = Schemas['TrainingPlanRow'];
const tones = { draft: 'orange', approved: 'green', returned: 'red' } as const;

/** 年度培训计划: submit a plan, and review the ones awaiting the committee. */
export function PlansCard({ year, onChange }: { year: number; onChange: () => void }) {
  const t = useCourseMessages();
  const [plans, setPlans] = useState<Plan[]>([]);
  const [adding, setAdding] = useState(false);
  const [review, setReview] = useState<{ plan: Plan; approved: boolean } | null>(null);
  const load = useCallback(() => {
    void client.GET('/training-plans').then((r) => setPlans(r.items));
  }, []);
  useEffect(() => load(), [load]);
  const done = () => {
    setAdding(false);
    setReview(null);
    load();
    onChange();
  };
  return (
    <Card
      title={t('plans')}
      style={{ marginBottom: 16 }}
      extra={
        <Button data-action="submit_plan" onClick={() => setAdding(true)}>
          {t('submitPlan')}
        </Button>
      }
    >
      <List
        dataSource={plans}
        locale={emptyText(t('noPlans'))}
        renderItem={(p) => (
          <List.Item
            data-plan={p.id}
            actions={
              p.actions.includes('review')
                ? [
                    <Button
                      key="approve"
                      type="primary"
                      size="small"
                      data-action="approve"
                      onClick={() => setReview({ plan: p, approved: true })}
                    >
                      {t('approve')}
                    </Button>,
                    <Button key="return" size="small" data-action="return" onClick={() => setReview({ plan: p, approved: false })}>
                      {t('returnPlan')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{p.title}</span>
                  <Tone tone={tones[p.state]}>{t(`planState.${p.state}`)}</Tone>
                </Space>
              }
              description={
                <>
                  <div>
                    {p.year} · {p.organiser} · {p.region} · {t('planCoursesN', { n: p.courses })}
                  </div>
                  {p.reviewNote && <Typography.Text>{t('reviewNote', { note: p.reviewNote })}</Typography.Text>}
                </>
              }
            />
          </List.Item>
        )}
      />
      <PlanForm open={adding} year={year} onClose={() => setAdding(false)} onDone={done} />
      {review && <PlanReview plan={review.plan} approved={review.approved} onClose={() => setReview(null)} onDone={done} />}
    </Card>
  );
}
