import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { client, type Schemas } from '../../../shared/client';
import { formatDays } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { Tone } from '../../tone';
import { stateColour } from './labels';
import { NewRoundCard } from './setup/NewRoundCard';
import { useSetupText } from './setup/use-setup-text';

type Summary = Schemas['AssessmentSummary'];

/** 考评: the rounds the user organises, sits on, or whose subject is their unit. A list of cards so it reads on a phone. */
export function AssessmentsPage() {
  const { t, has, lang } = useApp();
  const s = useSetupText();
  const [items, setItems] = useState<Summary[] | null>(null);
  const [creating, setCreating] = useState(false);
  // Organisers are the region's operators and supervisors; the server still decides on the round's region.
  const mayOrganise = has('operator') || has('supervisor');
  useEffect(() => {
    void client.GET('/assessments').then((r) => setItems(r.items));
  }, []);
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuAssessments')}
      </Typography.Title>
      {mayOrganise &&
        (creating ? (
          <NewRoundCard onClose={() => setCreating(false)} />
        ) : (
          <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setCreating(true)}>
            {s('newRound')}
          </Button>
        ))}
      {items && items.length === 0 ? (
        <Empty description={t('noAssessments')} />
      ) : (
        <List
          loading={items === null}
          dataSource={items ?? []}
          grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 3 }}
          renderItem={(a) => (
            <List.Item>
              <Card size="small" title={<a href={`#/assessments/${a.id}`}>{a.title}</a>}>
                <Space wrap>
                  <Tag>{t(`akind.${a.kind}`)}</Tag>
                  <Tone tone={stateColour[a.state]}>{t(`astate.${a.state}`)}</Tone>
                  <span>{a.region}</span>
                  <span>{formatDays(a.startsOn, a.endsOn, lang)}</span>
                  <span>
                    {t('assessSubjects')} {a.subjects}
                  </span>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
