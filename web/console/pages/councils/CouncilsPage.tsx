import { CouncilList } from './CouncilList';
import { CouncilView } from './CouncilView';
import { MeetingDesk } from './MeetingDesk';

/** 四方议事会 in the console: councils, their meetings, and one meeting worked through from agenda to resolutions. */
export function CouncilsPage({ councilId, meetingId }: { councilId?: number; meetingId?: number }) {
  if (meetingId) return <MeetingDesk id={meetingId} />;
  if (councilId) return <CouncilView id={councilId} />;
  return <CouncilList />;
}
