import type { Schemas } from '../../../shared/client';

/** A demand as the lists show it (table rows on a desk, cards on a phone). */
export type DemandRow = Schemas['DemandPage']['items'][number];
