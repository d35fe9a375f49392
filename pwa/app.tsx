// The counter flow (mission.md flow A): sign in → procedure → card → form → resident → receipt.
import { useEffect, useState } from 'preact/hooks';
import type { SignInResponse } from '../shared/api.ts';
import { type ApplicationEnvelope, ENVELOPE_VERSION } from '../shared/application.ts';
import { findProcedure } from '../shared/procedures/index.ts';
import { Header } from './components/Header.tsx';
import { StaffUnlock } from './components/StaffUnlock.tsx';
import { useResidentLock } from './components/use-resident-lock.ts';
import { CardRead, type CardResult } from './screens/CardRead.tsx';
import { Done } from './screens/Done.tsx';
import { FormScreen } from './screens/FormScreen.tsx';
import { Menu } from './screens/Menu.tsx';
import { ResidentMode } from './screens/ResidentMode.tsx';
import { SignIn } from './screens/SignIn.tsx';
import { useServices } from './services.ts';

type Screen =
  | { readonly name: 'loading' }
  | { readonly name: 'signin' }
  | { readonly name: 'locked' }
  | { readonly name: 'menu' }
  | { readonly name: 'card'; readonly procedureId: string }
  | {
      readonly name: 'form';
      readonly procedureId: string;
      readonly card: CardResult;
      readonly values?: Record<string, string>;
    }
  | {
      readonly name: 'resident';
      readonly procedureId: string;
      readonly card: CardResult;
      readonly values: Record<string, string>;
    }
  | { readonly name: 'done'; readonly applicationId: string };

export function App() {
  const services = useServices();
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [session, setSession] = useState<SignInResponse | null>(null);
  const online = useOnline();
  const authExpired = useAuthRequired();
  const residentActive = screen.name === 'resident' || screen.name === 'done' || screen.name === 'locked';
  useResidentLock(residentActive);

  useEffect(() => {
    void (async () => {
      const [s, locked] = await Promise.all([services.settings.session(), services.staffLock.isLocked()]);
      setSession(s ?? null);
      setScreen(locked ? { name: 'locked' } : s ? { name: 'menu' } : { name: 'signin' });
      services.sync.start();
    })();
  }, [services]);

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
    void services.card.endSession();
    setScreen({ name: 'menu' });
  };

  const signOut = async () => {
    await services.settings.clearSession();
    await services.staffLock.forget();
    setSession(null);
    setScreen({ name: 'signin' });
  };

  const sign = async (procedureId: string, card: CardResult, values: Record<string, string>, png: string) => {
    const now = new Date().toISOString();
    const envelope: ApplicationEnvelope = {
      version: ENVELOPE_VERSION,
      id: crypto.randomUUID(),
      procedure: procedureId,
      createdAt: now,
      fields: values,
      card: card.evidence,
      signature: { png, signedAt: now },
    };
    await services.outbox.enqueue(envelope);
    setScreen({ name: 'done', applicationId: envelope.id });
  };

  const procedure = 'procedureId' in screen ? findProcedure(screen.procedureId) : undefined;
  return (
    <>
      {!residentActive && (
        <Header
          staffName={session?.staff.displayName ?? null}
          online={online}
          onSignOut={() => void signOut()}
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
      {screen.name === 'loading' && <main aria-busy="true">読み込み中…</main>}
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
        <Menu onChoose={(procedureId) => setScreen({ name: 'card', procedureId })} />
      )}
      {screen.name === 'card' && procedure && (
        <CardRead
          procedure={procedure}
          onBack={toMenu}
          onRead={(card) => setScreen({ name: 'form', procedureId: procedure.id, card })}
        />
      )}
      {screen.name === 'form' && procedure && (
        <FormScreen
          procedure={procedure}
          fromCard={screen.card.fields}
          evidence={screen.card.evidence}
          initial={screen.values ?? screen.card.fields}
          onBack={() => setScreen({ name: 'card', procedureId: procedure.id })}
          onConfirm={async (values) => {
            // The lock is on disk before the resident sees the screen: a reload lands on the unlock.
            await services.staffLock.lock();
            setScreen({ name: 'resident', procedureId: procedure.id, card: screen.card, values });
          }}
        />
      )}
      {screen.name === 'resident' && procedure && (
        <ResidentMode
          procedure={procedure}
          values={screen.values}
          onSign={(png) => sign(procedure.id, screen.card, screen.values, png)}
          onStaffExit={() =>
            setScreen({ name: 'form', procedureId: procedure.id, card: screen.card, values: screen.values })
          }
        />
      )}
      {screen.name === 'done' && <Done applicationId={screen.applicationId} onNext={toMenu} />}
    </>
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
