// 手続ナビ: a life event and a few questions propose the procedures that apply, each with its
// reason; procedures handled elsewhere are named with where to go. Staff then adjust the list.
import { useState } from 'preact/hooks';
import { LIFE_EVENTS, type LifeEvent, type LifeEventPlan } from '../../shared/procedures/life-events.ts';

interface Props {
  readonly onPlan: (event: LifeEvent, plan: LifeEventPlan) => void;
  readonly onBack: () => void;
}

export function Navi({ onPlan, onBack }: Props) {
  const [event, setEvent] = useState<LifeEvent | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});

  if (!event)
    return (
      <main class="stack">
        <h2>手続ナビ：どのようなご用件ですか</h2>
        <div class="procedures">
          {LIFE_EVENTS.map((e) => (
            <button type="button" key={e.id} onClick={() => setEvent(e)} data-testid={`event-${e.id}`}>
              <strong>{e.name}</strong>
              <br />
              <span class="hint">{e.description}</span>
            </button>
          ))}
        </div>
        <div class="row">
          <button type="button" onClick={onBack}>
            戻る
          </button>
        </div>
      </main>
    );

  const shown = event.questions.filter((q) => !q.showIf || q.showIf(answers));
  const complete = shown.every((q) => answers[q.id] !== undefined);
  const visible = Object.fromEntries(
    shown.filter((q) => answers[q.id] !== undefined).map((q) => [q.id, answers[q.id] as string]),
  );

  return (
    <main>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (complete) onPlan(event, event.plan(visible));
        }}
      >
        <h2>手続ナビ：{event.name}</h2>
        {shown.map((q, i) => (
          <fieldset key={q.id} class="interview-section" data-testid={`navi-${q.id}`}>
            <legend>
              {i + 1}. {q.text}
            </legend>
            <div class="choices">
              {q.options.map((o) => (
                <label class="choice" key={o.value}>
                  <input
                    type="radio"
                    name={`navi-${q.id}`}
                    value={o.value}
                    checked={answers[q.id] === o.value}
                    onChange={() => setAnswers((a) => ({ ...a, [q.id]: o.value }))}
                    data-testid={`navi-${q.id}-${o.value}`}
                  />
                  {o.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div class="row">
          <button
            type="button"
            onClick={() => {
              setEvent(null);
              setAnswers({});
            }}
          >
            戻る
          </button>
          <button class="primary" type="submit" disabled={!complete} data-testid="navi-plan">
            必要な手続を表示
          </button>
        </div>
      </form>
    </main>
  );
}
