import { ProgrammeListPage } from './appointments/ProgrammeListPage';
import { ProgrammePage } from './appointments/ProgrammePage';

/** 产业村长 / 网格员: the programmes, or one programme worked by its owner (`#/appointments/<id>`). */
export function AppointmentsPage({ id }: { id?: number }) {
  return id ? <ProgrammePage id={id} /> : <ProgrammeListPage />;
}
