// The signatures of a visit: one pad for every procedure signed per visit, one per procedure that
// the law wants signed on its own, each saying which forms it covers. Submit waits for all.
import { useCallback, useContext, useId, useMemo, useState } from 'preact/hooks';
import type { Text } from '../../shared/i18n/lang.ts';
import { RESIDENT_FORMAT as F, RESIDENT_TEXT as T } from '../../shared/i18n/resident.ts';
import type { DrawnSignature, SignaturePadLabels } from '../components/signature-types.ts';
import { StepHeading } from './StepHeading.tsx';
import type { SignaturePadComponent } from './types.ts';
import { Say, usePlain, ViewContext } from './view.tsx';

export interface SignatureSlotSpec {
  readonly key: string; // 'visit' or a procedure id
  readonly heading: Text;
  readonly help: Text;
  readonly forms: readonly Text[]; // the procedure names this signature covers
  readonly padName: Text;
}

interface Props {
  readonly slots: readonly SignatureSlotSpec[];
  readonly signatures: Readonly<Record<string, DrawnSignature>>;
  readonly onSignature: (key: string, s: DrawnSignature | null) => void;
  readonly Pad: SignaturePadComponent;
  readonly saving: boolean;
  readonly failed: boolean;
  readonly onSubmit: () => void;
  readonly onBack: () => void;
}

export function SignStep({ slots, signatures, onSignature, Pad, saving, failed, onSubmit, onBack }: Props) {
  const ready = slots.every((s) => signatures[s.key] !== undefined);
  const hintId = useId();
  return (
    <section class="resident-step" aria-labelledby="resident-step-heading" aria-busy={saving}>
      <StepHeading>
        <Say text={T.signTitle} />
      </StepHeading>
      <p>
        <Say text={T.signHow} />
      </p>
      {slots.map((slot) => (
        <SignatureSlot
          key={slot.key}
          slot={slot}
          signature={signatures[slot.key]}
          onSignature={onSignature}
          Pad={Pad}
        />
      ))}
      {failed && (
        <p class="resident-error" role="alert" data-testid="sign-failed">
          <Say text={T.saveFailed} />
        </p>
      )}
      {!ready && (
        <p class="resident-hint" id={hintId}>
          <Say text={T.signFirst} />
        </p>
      )}
      {saving && (
        <p class="resident-hint" role="status" data-testid="resident-saving">
          <Say text={T.saving} />
        </p>
      )}
      <div class="resident-actions">
        <button type="button" onClick={onBack} disabled={saving} data-testid="resident-back">
          <Say text={T.back} />
        </button>
        <button
          type="button"
          class="primary"
          disabled={!ready || saving}
          aria-describedby={ready ? undefined : hintId}
          onClick={onSubmit}
          data-testid="resident-sign"
        >
          <Say text={saving ? T.saving : T.submit} />
        </button>
      </div>
    </section>
  );
}

interface SlotProps {
  readonly slot: SignatureSlotSpec;
  readonly signature: DrawnSignature | undefined;
  readonly onSignature: (key: string, s: DrawnSignature | null) => void;
  readonly Pad: SignaturePadComponent;
}

function SignatureSlot({ slot, signature, onSignature, Pad }: SlotProps) {
  const { lang } = useContext(ViewContext);
  const say = usePlain();
  // Back from the privacy screen or the language chooser the pad is new and blank: the signature
  // kept in memory is shown as it was drawn, and the resident may sign again.
  const [padOpen, setPadOpen] = useState(signature === undefined);
  const headingId = useId();
  const { key } = slot;
  const onChange = useCallback((s: DrawnSignature | null) => onSignature(key, s), [onSignature, key]);
  // Stable per language: a pad may reset its canvas when its props change.
  const labels = useMemo<SignaturePadLabels>(
    () => ({
      pad: say(F.pad(slot.padName)),
      undo: say(T.undo),
      clear: say(T.clear),
      typeInstead: say(T.typeInstead),
      drawInstead: say(T.drawInstead),
      typedNameLabel: say(T.typedNameLabel),
    }),
    [lang, slot.padName],
  );
  return (
    <section class="resident-signature" aria-labelledby={headingId} data-testid={`signature-${key}`}>
      <h2 id={headingId}>
        <Say text={slot.heading} />
      </h2>
      <p>
        <Say text={slot.help} />
      </p>
      {slot.forms.length > 0 && (
        <ul>
          {slot.forms.map((name) => (
            <li key={name.ja}>
              <Say text={name} />
            </li>
          ))}
        </ul>
      )}
      {padOpen || !signature ? (
        <Pad labels={labels} onChange={onChange} />
      ) : (
        <div class="resident-signature-kept">
          <img
            src={signature.png}
            alt={say(T.signedPreview)}
            width={signature.width}
            height={signature.height}
          />
          <button
            type="button"
            onClick={() => {
              onSignature(key, null);
              setPadOpen(true);
            }}
            data-testid={`sign-again-${key}`}
          >
            <Say text={T.signAgain} />
          </button>
        </div>
      )}
      <p class="resident-sign-status" aria-live="polite" data-testid={`signature-status-${key}`}>
        <Say text={signature ? T.signed : T.notSigned} />
      </p>
    </section>
  );
}
