// Before the privacy screen: the resident (or whoever stands at the counter) gets a countdown and
// one big button. An alertdialog, so it is announced and focus lands on the button.
import { useId } from 'preact/hooks';
import { RESIDENT_FORMAT as F, RESIDENT_TEXT as T } from '../../shared/i18n/resident.ts';
import { Modal } from './Modal.tsx';
import { Say } from './view.tsx';

export function IdleWarning({
  secondsLeft,
  onContinue,
}: {
  readonly secondsLeft: number;
  readonly onContinue: () => void;
}) {
  const titleId = useId();
  const textId = useId();
  return (
    <Modal
      role="alertdialog"
      labelledBy={titleId}
      describedBy={textId}
      onCancel={onContinue}
      testId="idle-warning"
    >
      <h2 id={titleId}>
        <Say text={T.idleTitle} />
      </h2>
      <p id={textId} data-testid="idle-countdown">
        <Say text={F.idleCountdown(secondsLeft)} />
      </p>
      <button type="button" class="primary" onClick={onContinue} data-testid="idle-continue" autofocus>
        <Say text={T.continue} />
      </button>
    </Modal>
  );
}
