import { Button, Card, Form, Input, message, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { client, type Schemas } from '../../../../shared/client';
import { Tone } from '../../../tone';
import { useCourseMessages } from './messages';
import { emptyText, errorText, Scroll } from './shared';

type Course = Schemas['Course'];
type Report = Schemas['CourseReport'];

/** 结业与证书: who completed by attendance, and numbering a certificate for each who has none yet. */
export function CertificatesCard({ course, report, onChange }: { course: Course; report: Report; onChange: () => void }) {
  const t = useCourseMessages();
  const [busy, setBusy] = useState(false);
  const issue = async ({ prefix }: { prefix: string }) => {
    setBusy(true);
    try {
      const r = await client.POST('/courses/{id}/certificates', { path: { id: course.id }, body: { prefix: prefix.trim() } });
      if (r.issued > 0) message.success(t('issued', { n: r.issued }));
      else message.info(t('noneDue'));
      onChange();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('certificates')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>{t('completionRule', { share: Math.round(course.completionShare * 100) })}</Typography.Paragraph>
      <Form name="certificates" layout="inline" onFinish={issue} initialValues={{ prefix: `${new Date().getFullYear()}-` }}>
        <Space wrap align="start">
          <Form.Item name="prefix" label={t('certificatePrefix')} rules={[{ required: true, message: t('required') }]}>
            <Input maxLength={40} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-action="certify">
            {t('issue')}
          </Button>
        </Space>
      </Form>
      <Scroll label={t('certificates')}>
        <Table
          size="small"
          rowKey="id"
          style={{ marginTop: 12 }}
          dataSource={report.learners}
          pagination={false}
          locale={emptyText(t('noOne'))}
          columns={[
            { title: t('name'), dataIndex: 'name' },
            { title: t('township'), render: (_, l) => l.township ?? '—' },
            { title: t('attendanceCol'), render: (_, l) => t('attended', { n: l.attended, total: report.sessions.length }) },
            {
              title: t('completionCol'),
              render: (_, l) => (l.completed ? <Tone tone="green">{t('completed')}</Tone> : <Tone tone="grey">{t('notCompleted')}</Tone>),
            },
            { title: t('certificateNo'), render: (_, l) => l.certificateNo ?? '—' },
          ]}
        />
      </Scroll>
    </Card>
  );
}
