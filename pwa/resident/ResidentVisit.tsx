// Resident mode for one visit (mission.md flow A): the tablet is handed over, the resident picks a
// language, checks each application of this visit, confirms it, and signs once per visit or per
// procedure. Nothing else is reachable: leaving needs staff authentication, and an idle tablet
// hides everything behind a privacy screen. All state is in memory; nothing is persisted here.
import { useCallback, useState } from 'preact/hooks';
import { HTML_LANG, type Lang } from '../../shared/i18n/lang.ts';
import { RESIDENT_FORMAT as F, RESIDENT_TEXT as T } from '../../shared/i18n/resident.ts';
import { SurroundingLang } from '../components/RubyText.tsx';
import { SignaturePad } from '../components/SignaturePad.tsx';
import { StaffUnlock } from '../components/StaffUnlock.tsx';
import type { DrawnSignature } from '../components/signature-types.ts';
import { useServices } from '../services.ts';
import { IdleWarning } from './IdleWarning.tsx';
import { LanguageChooser } from './LanguageChooser.tsx';
import { Modal } from './Modal.tsx';
import { PrivacyScreen } from './PrivacyScreen.tsx';
import { ProcedureReview } from './ProcedureReview.tsx';
import { type SignatureSlotSpec, SignStep } from './SignStep.tsx';
import { StepHeading } from './StepHeading.tsx';
import { type TextSize, TopBar } from './TopBar.tsx';
import type { ResidentApplication, ResidentResult, SignaturePadComponent, UnlockComponent } from './types.ts';
import { useIdle } from './use-idle.ts';
import { Say, ViewContext } from './view.tsx';

export type { ResidentApplication, ResidentResult } from './types.ts';

export interface ResidentVisitProps {
  readonly applications: readonly ResidentApplication[];
  /** Rejects when saving failed: the error is shown and everything is kept for another try. */
  readonly onComplete: (result: ResidentResult) => Promise<void>;
  /** After staff unlock succeeded. */
  readonly onStaffExit: () => void;
  readonly idleMs?: number;
  readonly warningMs?: number;
  readonly SignaturePadComponent?: SignaturePadComponent;
  readonly UnlockComponent?: UnlockComponent;
}

type Step =
  | { readonly kind: 'review'; readonly index: number }
  | { readonly kind: 'sign' }
  | { readonly kind: 'done' };

export function ResidentVisit({
  applications,
  onComplete,
  onStaffExit,
  idleMs = 120_000,
  warningMs = 30_000,
  SignaturePadComponent = SignaturePad,
  UnlockComponent,
}: ResidentVisitProps) {
  const [lang, setLang] = useState<Lang>('ja');
  const [furigana, setFurigana] = useState(true);
  const [textSize, setTextSize] = useState<TextSize>(1);
  const [contrast, setContrast] = useState(false);
  const [choosingLanguage, setChoosingLanguage] = useState(true);
  const [step, setStep] = useState<Step>(
    applications.length > 0 ? { kind: 'review', index: 0 } : { kind: 'sign' },
  );
  const [confirmed, setConfirmed] = useState<readonly string[]>([]);
  const [signatures, setSignatures] = useState<Readonly<Record<string, DrawnSignature>>>({});
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const idle = useIdle(idleMs, warningMs);

  const slots = signatureSlots(applications);
  const onSignature = useCallback((key: string, s: DrawnSignature | null) => {
    setSignatures((all) => {
      const { [key]: _, ...rest } = all;
      return s ? { ...rest, [key]: s } : rest;
    });
  }, []);

  const confirm = (index: number) => {
    const id = applications[index]?.procedure.id;
    if (id !== undefined) setConfirmed((c) => (c.includes(id) ? c : [...c, id]));
    setStep(index + 1 < applications.length ? { kind: 'review', index: index + 1 } : { kind: 'sign' });
  };

  const submit = async () => {
    if (saving || !slots.every((s) => signatures[s.key])) return;
    setSaving(true);
    setFailed(false);
    const ids = applications.map((a) => a.procedure.id).filter((id) => confirmed.includes(id));
    try {
      await onComplete({ lang, confirmed: ids, signatures });
      setStep({ kind: 'done' });
    } catch {
      // Nothing was saved (the outbox write is one transaction): say so, keep every signature.
      setFailed(true);
    } finally {
      setSaving(false);
    }
  };

  const Unlock = UnlockComponent ?? StaffUnlock;
  const PrivacyUnlock = UnlockComponent ?? RelockingStaffUnlock;
  const tag = HTML_LANG[lang];
  const classes = ['resident-screen', `resident-size-${textSize}`, contrast ? 'resident-contrast' : ''];
  return (
    <ViewContext.Provider value={{ lang, furigana }}>
      <SurroundingLang.Provider value={tag}>
        <div class={classes.join(' ')} lang={tag} data-testid="resident-mode">
          {idle.phase === 'privacy' ? (
            <PrivacyScreen
              Unlock={PrivacyUnlock}
              onUnlocked={() => {
                setUnlocking(false);
                idle.resume();
              }}
            />
          ) : (
            <>
              <TopBar
                textSize={textSize}
                onTextSize={setTextSize}
                contrast={contrast}
                onContrast={setContrast}
                onFurigana={setFurigana}
                onLanguage={() => setChoosingLanguage(true)}
                onStaff={() => setUnlocking(true)}
              />
              <main class="resident-main">
                {choosingLanguage ? (
                  <LanguageChooser
                    onChoose={(l) => {
                      setLang(l);
                      setChoosingLanguage(false);
                    }}
                  />
                ) : step.kind === 'review' && applications[step.index] ? (
                  <ProcedureReview
                    key={`review-${step.index}`}
                    application={applications[step.index] as ResidentApplication}
                    index={step.index}
                    total={applications.length}
                    onConfirm={() => confirm(step.index)}
                    onBack={
                      step.index > 0 ? () => setStep({ kind: 'review', index: step.index - 1 }) : undefined
                    }
                  />
                ) : step.kind === 'done' ? (
                  <Done />
                ) : (
                  <SignStep
                    slots={slots}
                    signatures={signatures}
                    onSignature={onSignature}
                    Pad={SignaturePadComponent}
                    saving={saving}
                    failed={failed}
                    onSubmit={() => void submit()}
                    onBack={() => setStep({ kind: 'review', index: applications.length - 1 })}
                  />
                )}
              </main>
              {unlocking && (
                <Modal role="dialog" labelledBy="resident-staff-title" onCancel={() => setUnlocking(false)}>
                  <h2 id="resident-staff-title">
                    <Say text={T.staffDialogTitle} />
                  </h2>
                  <div lang="ja">
                    <Unlock onUnlocked={onStaffExit} onCancel={() => setUnlocking(false)} />
                  </div>
                </Modal>
              )}
              {idle.phase === 'warning' && (
                <IdleWarning secondsLeft={idle.secondsLeft} onContinue={idle.resume} />
              )}
            </>
          )}
        </div>
      </SurroundingLang.Provider>
    </ViewContext.Provider>
  );
}

/** One slot for all procedures signed per visit, then one per procedure signed on its own. */
function signatureSlots(applications: readonly ResidentApplication[]): SignatureSlotSpec[] {
  const perVisit = applications.filter((a) => a.procedure.signature === 'visit').map((a) => a.procedure.name);
  const slots: SignatureSlotSpec[] = [];
  if (perVisit.length > 0)
    slots.push({
      key: 'visit',
      heading: T.signVisitHeading,
      help: T.signVisitHelp,
      forms: perVisit,
      padName: perVisit.length === 1 && perVisit[0] ? perVisit[0] : T.visitForms,
    });
  for (const { procedure } of applications)
    if (procedure.signature === 'procedure')
      slots.push({
        key: procedure.id,
        heading: F.signForHeading(procedure.name),
        help: F.signProcedureHelp(procedure.name),
        forms: [],
        padName: procedure.name,
      });
  return slots;
}

function Done() {
  return (
    <section class="resident-step" aria-labelledby="resident-step-heading" data-testid="resident-done">
      <StepHeading>
        <Say text={T.doneTitle} />
      </StepHeading>
      <p>
        <Say text={T.doneText} />
      </p>
    </section>
  );
}

/**
 * The privacy screen returns to the resident, not to the staff screens: StaffUnlock lifts the
 * persisted lock, so it is put back before the flow resumes (a reload must still land on unlock).
 */
function RelockingStaffUnlock({ onUnlocked, onCancel }: { onUnlocked: () => void; onCancel?: () => void }) {
  const { staffLock } = useServices();
  // Staff stand at the tablet now: resume even if the lock could not be written (the rejection is
  // still reported as unhandled).
  return <StaffUnlock onUnlocked={() => void staffLock.lock().finally(onUnlocked)} onCancel={onCancel} />;
}
