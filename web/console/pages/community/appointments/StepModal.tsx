import { AppointModal } from './AppointModal';
import { DismissModal } from './DismissModal';
import { NominateModal } from './NominateModal';
import { PairModal } from './PairModal';
import { RenewModal } from './RenewModal';
import { ReviewModal } from './ReviewModal';
import type { AppointeeRow, Programme, Step } from './types';
import { WorkModal } from './WorkModal';

/** What the person is doing now: a step on someone, nominating (perhaps for a given post), or deciding appointments. */
export type Doing =
  | { step: Exclude<Step, 'appoint'>; who: AppointeeRow }
  | { step: 'nominate'; postRegionId?: number }
  | { step: 'decide'; picked: number[] };

/** The form for the step under way. */
export function StepModal(props: { doing: Doing; programme: Programme; rows: AppointeeRow[]; onClose: (done: boolean) => void }) {
  const { doing, programme, onClose } = props;
  switch (doing.step) {
    case 'nominate':
      return <NominateModal open programme={programme} postRegionId={doing.postRegionId} onClose={onClose} />;
    case 'decide':
      return (
        <AppointModal
          open
          programme={programme}
          candidates={props.rows.filter((r) => r.allowedActions.includes('appoint'))}
          picked={doing.picked}
          onClose={onClose}
        />
      );
    case 'review':
      return <ReviewModal open who={doing.who} onClose={onClose} />;
    case 'pair':
      return <PairModal open who={doing.who} onClose={onClose} />;
    case 'log':
      return <WorkModal open who={doing.who} duties={programme.duties} onClose={onClose} />;
    case 'renew':
      return <RenewModal open who={doing.who} termMonths={programme.termMonths} onClose={onClose} />;
    case 'dismiss':
      return <DismissModal open who={doing.who} onClose={onClose} />;
  }
}
