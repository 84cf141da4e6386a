import { Button, Card, Form, Input, List, message, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type Answer, type Body, client, type Region } from '../../../shared/client';
import { useApp } from '../../app-context';
import { usePageMessages } from '../../page-messages';
import { errorText } from './council-types';
import { councilsWords } from './councils-words';

type Seat = Body<'/councils'>['seats'][number];

export function CouncilList() {
  const { t } = useApp();
  const w = usePageMessages(councilsWords);
  const [list, setList] = useState<Answer<'/councils', 'get'>>({ items: [], actions: [] });
  const items = list.items;
  const [regions, setRegions] = useState<Region[]>([]);
  const load = useCallback(() => client.GET('/councils').then(setList), []);
  useEffect(() => {
    void load();
    void client.GET('/regions').then((r) => setRegions(r.items));
  }, [load]);
  const parties = ['party_org', 'residents_committee', 'owners_committee', 'property_company'] as const;
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuCouncils')}
      </Typography.Title>
      <Card title={t('newCouncil')} style={{ marginBottom: 16 }}>
        <Form
          name="council"
          layout="vertical"
          style={{ maxWidth: 720 }}
          onFinish={async (v: Record<string, string> & { regionId: number }) => {
            const year = new Date().getFullYear();
            const seat = (party: Seat['party'], holderName: string, position: Seat['position'] = 'member') => ({
              party,
              holderName,
              position,
              termStart: `${year}-01-01`,
              termEnd: `${year + 2}-12-31`,
            });
            const seats = [
              ...parties.map((p, i) => seat(p, v[p], i === 0 ? 'chair' : i === 1 ? 'secretary' : 'member')),
              ...(v.residents ?? '')
                .split(/[,，、\n]/)
                .map((s) => s.trim())
                .filter(Boolean)
                .map((n) => seat('resident_rep', n)),
            ];
            try {
              const c = await client.POST('/councils', { body: { regionId: v.regionId, name: v.name, seats } });
              location.hash = `#/councils/${c.id}`;
            } catch (e) {
              message.error(errorText(e));
            }
          }}
        >
          <Space wrap>
            <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="regionId" label={t('region')} rules={[{ required: true }]}>
              <Select
                style={{ width: 220 }}
                options={regions.filter((r) => r.level === 'community').map((r) => ({ value: r.id, label: r.name }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Space>
          <Space wrap>
            {parties.map((p) => (
              <Form.Item key={p} name={p} label={t(`party.${p}`)} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            ))}
          </Space>
          <Form.Item name="residents" label={t('residentReps')}>
            <Input placeholder="陈大爷、周阿姨" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('add')}
          </Button>
        </Form>
      </Card>
      {list.actions.includes('chase_overdue') && (
        <Button
          style={{ marginBottom: 12 }}
          onClick={async () => {
            try {
              const r = await client.POST('/action-items/overdue/run');
              message.success(w('chased', { n: r.overdue }));
            } catch (e) {
              message.error(errorText(e));
            }
          }}
        >
          {w('chaseOverdue')}
        </Button>
      )}
      <List
        bordered
        dataSource={items}
        renderItem={(c) => (
          <List.Item>
            <a href={`#/councils/${c.id}`}>{c.name}</a>
          </List.Item>
        )}
      />
    </div>
  );
}
