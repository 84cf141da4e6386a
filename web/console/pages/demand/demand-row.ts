/** A demand as the lists show it (table rows on a desk, cards on a phone). */
export type DemandRow = {
  id: number;
  number: string;
  title: string;
  content: string;
  state: string;
  region: { id: number; name: string };
  unit: { id: number; name: string } | null;
  category: { id: number; name: string } | null;
  stageDueAt: string | null;
  overdue: boolean;
  supervised: boolean;
  supervisionLevel: 'township' | 'district' | null;
  createdAt: string;
  channel: string;
};
