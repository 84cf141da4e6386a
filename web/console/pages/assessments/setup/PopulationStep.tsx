import { Radio, Space } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../../../shared/client';
import { PopulationDemands } from './PopulationDemands';
import { PopulationFile } from './PopulationFile';
import { SubjectByHand } from './SubjectByHand';
import { useSetupText } from './use-setup-text';

type Round = Schemas['Assessment'];

/** 总体: from the window's own spreadsheet, from Tingjian's closed demands (质检), or typed in one by one. */
export function PopulationStep({ round, onChange }: { round: Round; onChange: () => void }) {
  const t = useSetupText();
  const [source, setSource] = useState<'file' | 'demands' | 'hand'>(round.kind === 'quality_check' ? 'demands' : 'file');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Radio.Group
        optionType="button"
        value={source}
        onChange={(e) => setSource(e.target.value)}
        options={[
          { value: 'file', label: t('fromFile') },
          { value: 'demands', label: t('fromDemands') },
          { value: 'hand', label: t('byHand') },
        ]}
      />
      {source === 'file' && <PopulationFile round={round} onChange={onChange} />}
      {source === 'demands' && <PopulationDemands round={round} onChange={onChange} />}
      {source === 'hand' && <SubjectByHand round={round} onChange={onChange} />}
    </Space>
  );
}
