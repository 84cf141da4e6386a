import { Card, Descriptions, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { hrefOf, type Schemas } from '../../../shared/client';
import { useApp } from '../../app-context';
import type { messages } from '../../messages';

// The map's chunk (ECharts) loads only for a demand that has a point.
const DemandPoint = lazy(() => import('../../charts/DemandPoint').then((m) => ({ default: m.DemandPoint })));

type Key = keyof typeof messages;

/** What the demand says: who raised it, where, what about, the reply and the photos. */
export function DemandFacts({ d }: { d: Schemas['DemandDetail'] }) {
  const { t } = useApp();
  return (
    <Card>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('number')}>{d.number}</Descriptions.Item>
        <Descriptions.Item label={t('channel')}>{t(`channel.${d.channel}` as Key)}</Descriptions.Item>
        {d.externalRef && <Descriptions.Item label={t('externalRef')}>{d.externalRef}</Descriptions.Item>}
        <Descriptions.Item label={t('type')}>{t(`type.${d.type}` as Key)}</Descriptions.Item>
        <Descriptions.Item label={t('urgency')}>{t(`urgency.${d.urgency}` as Key)}</Descriptions.Item>
        <Descriptions.Item label={t('region')}>{d.region.name}</Descriptions.Item>
        <Descriptions.Item label={t('address')}>
          {d.address}
          {d.latitude != null && d.longitude != null && (
            <Suspense fallback={null}>
              <DemandPoint latitude={d.latitude} longitude={d.longitude} />
            </Suspense>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('category')}>{d.category?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('unit')}>{d.unit?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reporterName')}>{d.reporterName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reporterPhone')}>
          <Contact d={d} />
        </Descriptions.Item>
        <Descriptions.Item label={t('content')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }} data-testid="demand-content">
            {d.content}
          </div>
        </Descriptions.Item>
        {d.replyText && (
          <Descriptions.Item label={t('replyText')} span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{d.replyText}</div>
          </Descriptions.Item>
        )}
        {d.attachments.length > 0 && (
          <Descriptions.Item label={t('attachments')} span={2}>
            <Space wrap>
              {d.attachments.map((a) => (
                <a key={a.id} href={hrefOf('/attachments/{id}', { path: { id: a.id } })} target="_blank" rel="noreferrer">
                  <img src={hrefOf('/attachments/{id}', { path: { id: a.id } })} alt={a.filename} style={{ maxHeight: 96 }} />
                </a>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** The resident's number (to tap and ring) or other contact; for those who are not to ring them, masked and saying so. */
function Contact({ d }: { d: Schemas['DemandDetail'] }) {
  const { t } = useApp();
  // A handler on a phone rings the resident with a tap.
  if (d.contactShown) return d.reporterPhone ? <a href={`tel:${d.reporterPhone}`}>{d.reporterPhone}</a> : <>{d.reporterContact ?? '—'}</>;
  if (!d.reporterPhone && !d.reporterContact) return <>—</>;
  return (
    <>
      {d.reporterPhone ? `${d.reporterPhone} ` : ''}
      <Typography.Text type="secondary">{t('contactHidden')}</Typography.Text>
    </>
  );
}
