import { Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { type Answer, client } from '../../shared/client';
import { usePageMessages } from '../page-messages';
import { mapWords } from './map/map-words';

type Suggestion = NonNullable<Answer<'/gazetteer/suggest', 'post'>['suggestion']>;

/**
 * Under the region picker: the community the caller's words (or address) name, found in the
 * gazetteer, offered as a button — the operator accepts it or not; it never replaces a pick by itself.
 */
export function PlaceSuggestion({
  text,
  address,
  regionId,
  onAccept,
}: {
  text?: string;
  address?: string;
  regionId?: number;
  onAccept: (id: number) => void;
}) {
  const m = usePageMessages(mapWords);
  const [found, setFound] = useState<Suggestion | null>(null);
  useEffect(() => {
    const said = { text: text?.trim().slice(0, 4000) || undefined, address: address?.trim().slice(0, 200) || undefined };
    if (!said.text && !said.address) {
      setFound(null);
      return;
    }
    const timer = setTimeout(() => {
      void client.POST('/gazetteer/suggest', { body: said }).then(
        (r) => setFound(r.suggestion),
        () => setFound(null),
      );
    }, 500);
    return () => clearTimeout(timer);
  }, [text, address]);
  if (!found || found.regionId === regionId) return null;
  return (
    <Space wrap size={4} data-testid="place-suggestion">
      {m('suggested', { match: found.match ?? '' })}
      <Button size="small" onClick={() => onAccept(found.regionId)}>
        {m('accept', { name: found.regionName })}
      </Button>
    </Space>
  );
}
