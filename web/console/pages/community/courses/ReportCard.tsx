import { Card, Table } from 'antd';
import type { Schemas } from '../../../../shared/client';
import { Tone } from '../../../tone';
import { useCourseMessages } from './messages';
import { Scroll } from './shared';

type Report = Schemas['CourseReport'];

/** 课程情况: the counts, the learners' feedback on the sessions, the demands raised, and each township's turnout. */
export function ReportCard({ report }: { report: Report }) {
  const t = useCourseMessages();
  return (
    <Card title={t('report')} style={{ marginBottom: 16 }}>
      <p>{t('counts', report.counts)}</p>
      <p data-testid="feedback">
        {report.feedback.responses > 0
          ? t('feedback', { n: report.feedback.responses, mean: report.feedback.meanRating?.toFixed(1) ?? '—' })
          : t('noFeedback')}
      </p>
      <p>{t('demandsRaised', { n: report.demandsRaised })}</p>
      {report.absentTownships.length > 0 && (
        <p>
          <Tone tone="red">{t('absentTownships')}</Tone>
          {report.absentTownships.join('、')}
        </p>
      )}
      {report.townships.length > 0 && (
        <Scroll label={t('report')}>
          <Table
            size="small"
            rowKey="regionId"
            pagination={false}
            dataSource={report.townships}
            columns={[
              { title: t('township'), dataIndex: 'township' },
              { title: t('quotaSeats'), dataIndex: 'seats', width: 70 },
              { title: t('enrolledN'), dataIndex: 'enrolled', width: 70 },
              { title: t('attendedBySession'), render: (_, r) => r.attendedBySession.join(' / ') },
            ]}
          />
        </Scroll>
      )}
    </Card>
  );
}
