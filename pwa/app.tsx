// The counter flow (mission.md flow A): sign in → life event or procedures → card → interview
// (once-only across the chosen procedures) → resident confirms and signs → outbox → receipts.
import { useEffect, useState } from 'preact/hooks';
import type { SignInResponse } from '../shared/api.ts';
import { type ApplicationEnvelope, ENVELOPE_VERSION, signedContent } from '../shared/application.ts';
import { ja } from '../shared/i18n/lang.ts';
import type { Proposal, Referral } from '../shared/procedures/life-events.ts';
import { loadProcedures } from '../shared/procedures/registry.ts';
import type { Answers, ProcedureDefinition } from '../shared/procedures/types.ts';
import { answersFromCard, procedureValues, visitQuestions } from '../shared/procedures/visit.ts';
import { contentSha256 } from '../shared/signature.ts';
import { isoDateInJapan } from '../shared/wareki.ts';
import { Header } from './components/Header.tsx';
import { StaffUnlock } from './components/StaffUnlock.tsx';
import { useResidentLock } from './components/use-resident-lock.ts';
import type { ResidentResult } from './resident/types.ts';
import type { CardResult } from './screens/CardRead.tsx';
import type { DoneApplication } from './screens/Done.tsx';
import { Enroll } from './screens/Enroll.tsx';
import type { InterviewResult } from './screens/Interview.tsx';
import { CardRead, Done, Interview, Navi, ResidentVisit } from './screens/lazy-screens.tsx';
import { Menu } from './screens/Menu.tsx';
import { ProcedurePicker } from './screens/ProcedurePicker.tsx';
import { SignIn } from './screens/SignIn.tsx';
import { useServices } from './services.ts';

/** One counter visit: the procedures chosen, what 手続ナビ implied, and what was read and typed. */
interface Visit {
  readonly id: string;
  readonly title: string;
  readonly procedures: readonly ProcedureDefinition[];
  readonly seeds: Answers;
  readonly card?: CardResult;
  readonly interview?: InterviewResult;
}

type Screen =
  | { readonly name: 'loading' }
  /** The tablet has no device id yet, or the back office refused it (reason): enroll first. */
  | { readonly name: 'enroll'; readonly reason?: string | null }
  | { readonly name: 'signin' }
  | { readonly name: 'locked' }
  | { readonly name: 'menu' }
  | { readonly name: 'navi' }
  | {
      readonly name: 'picker';
      readonly title: string;
      readonly proposals: readonly Proposal[];
      readonly referrals: readonly Referral[];
      readonly seeds: Answers;
    }
  | { readonly name: 'card'; readonly visit: Visit }
  | { readonly name: 'interview'; readonly visit: Visit }
  | { readonly name: 'resident'; readonly visit: Visit }
  | { readonly name: 'done'; readonly applications: readonly DoneApplication[] };

export function App() {
  const services = useServices();
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [session, setSession] = useState<SignInResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const online = useOnline();
  const authExpired = useAuthRequired();
  const deviceRejected = useDeviceRejected();
  const chainStopped = useChainStopped();
  const residentActive = screen.name === 'resident' || screen.name === 'done' || screen.name === 'locked';
  useResidentLock(residentActive);

  useEffect(() => {
    void (async () => {
      const [s, locked, device] = await Promise.all([
        services.settings.session(),
        services.staffLock.isLocked(),
        services.device.enrolled(),
      ]);
      setSession(s ?? null);
      // Enrollment comes before sign-in: the tablet's identity does not depend on who works at it.
      setScreen(
        locked
          ? { name: 'locked' }
          : !device
            ? { name: 'enroll' }
            : s
              ? { name: 'menu' }
              : { name: 'signin' },
      );
      services.sync.start();
    })();
  }, [services]);

  // For the forms bench and the e2e tests: the moment the first real screen is on display.
  useEffect(() => {
    if (screen.name === 'loading' || performance.getEntriesByName('kakanai:interactive').length > 0) return;
    requestAnimationFrame(() => performance.mark('kakanai:interactive'));
  }, [screen.name]);

  // Another tab handed the tablet to a resident: this one must not stay on a staff screen.
  useEffect(
    () =>
      services.staffLock.onLockedElsewhere(() =>
        setScreen((current) =>
          current.name === 'resident' || current.name === 'done' ? current : { name: 'locked' },
        ),
      ),
    [services],
  );

  const toMenu = () => {
    void services.loadedCard()?.endSession();
    setLoadError(null);
    setScreen({ name: 'menu' });
  };

  const signOut = async () => {
    await services.settings.clearSession();
    await services.staffLock.forget();
    setSession(null);
    setScreen({ name: 'signin' });
  };

  const startVisit = (title: string, procedures: readonly ProcedureDefinition[], seeds: Answers) =>
    setScreen({ name: 'card', visit: { id: crypto.randomUUID(), title, procedures, seeds } });

  const startSingle = async (procedureId: string) => {
    try {
      const procedures = await loadProcedures([procedureId]);
      startVisit(procedures.map((p) => ja(p.name)).join('・'), procedures, {});
    } catch {
      setLoadError('手続の定義を読み込めませんでした。アプリを再読み込みしてください。');
    }
  };

  const complete = async (visit: Visit, result: ResidentResult) => {
    const interview = visit.interview as InterviewResult;
    const card = visit.card as CardResult;
    const createdAt = new Date().toISOString();
    const envelopes: ApplicationEnvelope[] = [];
    const done: DoneApplication[] = [];
    for (const procedure of visit.procedures) {
      const drawn = result.signatures[procedure.signature === 'procedure' ? procedure.id : 'visit'];
      if (!drawn) throw new Error(`no signature for ${procedure.id}`);
      const content = {
        version: ENVELOPE_VERSION,
        id: crypto.randomUUID(),
        visitId: visit.id,
        procedure: procedure.id,
        createdAt,
        fields: procedureValues(procedure, interview.answers),
        card: card.evidence,
        omittedAttachments: interview.omitted[procedure.id] ?? [],
        lang: result.lang,
      } as const;
      const envelope: ApplicationEnvelope = {
        ...content,
        signature: {
          scope: procedure.signature,
          method: drawn.method,
          ...(drawn.typedName !== undefined ? { typedName: drawn.typedName } : {}),
          width: drawn.width,
          height: drawn.height,
          strokes: drawn.strokes,
          png: drawn.png,
          signedAt: createdAt,
          contentSha256: await contentSha256(signedContent(content)),
        },
      };
      envelopes.push(envelope);
      done.push({
        id: envelope.id,
        procedure,
        values: envelope.fields,
        signaturePng: drawn.png,
        notifiedOn: isoDateInJapan(new Date(createdAt)),
      });
    }
    // One sync envelope for the visit: all applications or none.
    const saved = await services.outbox.enqueueVisit(envelopes);
    if (!saved.ok) {
      // The resident screen says nothing was saved and keeps the signatures; staff see why.
      setSaveError(saved.error.message);
      throw new Error(`outbox: ${saved.error.kind}`);
    }
    setSaveError(null);
    setScreen({ name: 'done', applications: done });
  };

  return (
    <>
      {!residentActive && (
        <Header
          staffName={session?.staff.displayName ?? null}
          online={online}
          onSignOut={() => void signOut()}
          onSend={() => services.sync.syncNow()}
        />
      )}
      {authExpired && !residentActive && screen.name !== 'signin' && (
        <p class="message warn" role="alert" data-testid="auth-expired">
          ログインの有効期限が切れたため、申請を送信できません（申請は端末に暗号化して保存されています）。
          <button type="button" onClick={() => void signOut()}>
            もう一度ログインする
          </button>
        </p>
      )}
      {deviceRejected && !residentActive && screen.name !== 'enroll' && (
        <p class="message warn" role="alert" data-testid="device-rejected">
          {deviceRejected}
          <button
            type="button"
            onClick={() => setScreen({ name: 'enroll', reason: deviceRejected })}
            data-testid="re-enroll"
          >
            端末を登録し直す
          </button>
        </p>
      )}
      {chainStopped && !residentActive && screen.name !== 'enroll' && (
        <p class="message error" role="alert" data-testid="sync-chain-stopped">
          {chainStopped}
          <button type="button" onClick={() => void services.sync.syncNow()} data-testid="sync-chain-retry">
            もう一度送信する
          </button>
        </p>
      )}
      {saveError && !residentActive && (
        <p class="message error" role="alert" data-testid="save-error">
          {saveError}
        </p>
      )}
      {loadError && (
        <p class="message error" role="alert">
          {loadError}
        </p>
      )}
      {screen.name === 'loading' && <main aria-busy="true">読み込み中…</main>}
      {screen.name === 'enroll' && (
        <Enroll
          reason={screen.reason}
          onEnrolled={(enrolled) => {
            document.dispatchEvent(new CustomEvent('kakanai:device-enrolled'));
            setScreen(session ? { name: 'menu' } : { name: 'signin' });
            // After any drain still running with the old key: what waits under the old device id
            // is re-wrapped into the new device's chain, then a fresh drain sends it.
            void services.sync
              .syncNow()
              .then(() => services.outbox.rechainPending(enrolled.deviceId))
              .then(() => services.sync.syncNow());
          }}
        />
      )}
      {screen.name === 'signin' && (
        <SignIn
          onSignedIn={(s) => {
            setSession(s);
            document.dispatchEvent(new CustomEvent('kakanai:signed-in'));
            setScreen({ name: 'menu' });
            void services.sync.syncNow();
          }}
        />
      )}
      {screen.name === 'locked' && (
        <main class="stack">
          <p class="message warn">住民の方の確認画面が中断されました。職員がパスワードを入力してください。</p>
          <StaffUnlock onUnlocked={toMenu} />
        </main>
      )}
      {screen.name === 'menu' && (
        <Menu
          onNavi={() => setScreen({ name: 'navi' })}
          onPick={() =>
            setScreen({ name: 'picker', title: '手続の選択', proposals: [], referrals: [], seeds: {} })
          }
          onChoose={(id) => void startSingle(id)}
        />
      )}
      {screen.name === 'navi' && (
        <Navi
          onBack={toMenu}
          onPlan={(event, plan) =>
            setScreen({
              name: 'picker',
              title: event.name,
              proposals: plan.procedures,
              referrals: plan.referrals,
              seeds: plan.seeds,
            })
          }
        />
      )}
      {screen.name === 'picker' && (
        <ProcedurePicker
          title={screen.title}
          proposals={screen.proposals}
          referrals={screen.referrals}
          onBack={toMenu}
          onStart={(procedures) => startVisit(screen.title, procedures, screen.seeds)}
        />
      )}
      {screen.name === 'card' && (
        <CardRead
          title={screen.visit.title}
          needsMyNumber={screen.visit.procedures.some((p) => p.myNumber)}
          onBack={toMenu}
          onRead={(card) => setScreen({ name: 'interview', visit: { ...screen.visit, card } })}
        />
      )}
      {screen.name === 'interview' && screen.visit.card && (
        <InterviewStep
          visit={screen.visit}
          onBack={() => setScreen({ name: 'card', visit: { ...screen.visit, interview: undefined } })}
          onConfirm={async (interview) => {
            // The lock is on disk before the resident sees the screen: a reload lands on the unlock.
            await services.staffLock.lock();
            setScreen({ name: 'resident', visit: { ...screen.visit, interview } });
          }}
        />
      )}
      {screen.name === 'resident' && screen.visit.interview && (
        <ResidentVisit
          applications={screen.visit.procedures.map((procedure) => ({
            procedure,
            values: procedureValues(procedure, (screen.visit.interview as InterviewResult).answers),
            omitted: procedure.attachments.filter((a) =>
              (screen.visit.interview as InterviewResult).omitted[procedure.id]?.includes(a.id),
            ),
          }))}
          onComplete={(result) => complete(screen.visit, result)}
          onStaffExit={() => setScreen({ name: 'interview', visit: screen.visit })}
        />
      )}
      {screen.name === 'done' && <Done applications={screen.applications} onNext={toMenu} />}
    </>
  );
}

function InterviewStep(props: {
  visit: Visit;
  onBack: () => void;
  onConfirm: (r: InterviewResult) => Promise<void>;
}) {
  const { visit } = props;
  const card = visit.card as CardResult;
  const [fromCard] = useState(() => answersFromCard(visitQuestions(visit.procedures), card.fields));
  const initial = visit.interview?.explicit ?? { ...visit.seeds, ...fromCard };
  return (
    <Interview
      procedures={visit.procedures}
      initial={initial}
      fromCard={fromCard}
      evidence={card.evidence}
      today={isoDateInJapan(new Date())}
      initialOmitted={visit.interview?.omitted}
      onBack={props.onBack}
      onConfirm={props.onConfirm}
    />
  );
}

/** The sync engine says the session is gone (expired or revoked): staff must sign in again. */
function useAuthRequired(): boolean {
  const [required, setRequired] = useState(false);
  useEffect(() => {
    const on = () => setRequired(true);
    const off = () => setRequired(false);
    document.addEventListener('kakanai:auth-required', on);
    document.addEventListener('kakanai:signed-in', off);
    return () => {
      document.removeEventListener('kakanai:auth-required', on);
      document.removeEventListener('kakanai:signed-in', off);
    };
  }, []);
  return required;
}

/** The sync engine says the back office refused this tablet: the message, until it enrolls again. */
function useDeviceRejected(): string | null {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const on = (e: Event) => setMessage(String((e as CustomEvent<string>).detail));
    const off = () => setMessage(null);
    document.addEventListener('kakanai:device-rejected', on);
    document.addEventListener('kakanai:device-enrolled', off);
    // A drain that started with the old key may still answer device-revoked after the
    // re-enrollment; the next delivery with the new key clears it.
    document.addEventListener('kakanai:device-accepted', off);
    return () => {
      document.removeEventListener('kakanai:device-accepted', off);
      document.removeEventListener('kakanai:device-rejected', on);
      document.removeEventListener('kakanai:device-enrolled', off);
    };
  }, []);
  return message;
}

/** The sync engine says the chain is stuck (it needs an administrator): the message, until it moves. */
function useChainStopped(): string | null {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const on = (e: Event) => setMessage(String((e as CustomEvent<string>).detail));
    const off = () => setMessage(null);
    document.addEventListener('kakanai:sync-chain', on);
    document.addEventListener('kakanai:sync-chain-clear', off);
    return () => {
      document.removeEventListener('kakanai:sync-chain', on);
      document.removeEventListener('kakanai:sync-chain-clear', off);
    };
  }, []);
  return message;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}
