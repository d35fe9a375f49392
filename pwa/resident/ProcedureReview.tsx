// One application for the resident to check: its fields as data, the documents 情報連携 spares
// them, and the confirm button. Nothing here can be edited: a mistake is told to the staff.
import type { Text } from '../../shared/i18n/lang.ts';
import { RESIDENT_FORMAT as F, RESIDENT_TEXT as T } from '../../shared/i18n/resident.ts';
import { StepHeading } from './StepHeading.tsx';
import { residentSummary, type ShownValue } from './summary.ts';
import type { ResidentApplication } from './types.ts';
import { Data, Say } from './view.tsx';

interface Props {
  readonly application: ResidentApplication;
  readonly index: number;
  readonly total: number;
  readonly onConfirm: () => void;
  readonly onBack?: () => void;
}

export function ProcedureReview({ application, index, total, onConfirm, onBack }: Props) {
  const { procedure, values, omitted } = application;
  const fields = residentSummary(procedure, values);
  return (
    <section class="resident-step" aria-labelledby="resident-step-heading">
      <p class="resident-progress" data-testid="resident-progress">
        <Say text={F.progress(index + 1, total)} />
      </p>
      <StepHeading>
        <Say text={F.pleaseCheck(procedure.name)} />
      </StepHeading>
      <p>
        <Say text={T.checkHelp} />
      </p>
      <dl class="resident-summary">
        {fields.map((f) => (
          <div key={f.name} class="resident-summary-row">
            <dt>
              <Say text={f.label} />
            </dt>
            <dd data-testid={`summary-${procedure.id}-${f.name}`}>
              {f.kind === 'value' ? (
                <Value value={f.value} />
              ) : (
                <table class="resident-table">
                  <thead>
                    <tr>
                      {f.columns.map((c) => (
                        <th key={c.key} scope="col">
                          <Say text={c.label} />
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {f.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((v, c) => (
                          <td key={f.columns[c]?.key}>
                            <Value value={v} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {omitted.length > 0 && (
        <div class="resident-note" data-testid={`omitted-${procedure.id}`}>
          <p>
            <Say text={T.notNeeded} />
          </p>
          <ul>
            {omitted.map((a) => (
              <li key={a.id}>
                <Say text={a.name} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="resident-instruction">
        <Say text={T.somethingWrong} />
      </p>
      <div class="resident-actions">
        {onBack && (
          <button type="button" onClick={onBack} data-testid="resident-back">
            <Say text={T.back} />
          </button>
        )}
        <button type="button" class="primary" onClick={onConfirm} data-testid={`confirm-${procedure.id}`}>
          <Say text={T.confirm} />
        </button>
      </div>
    </section>
  );
}

function Value({ value }: { readonly value: ShownValue }) {
  switch (value.kind) {
    case 'empty':
      return (
        <span class="resident-empty">
          <Say text={T.emptyValue} />
        </span>
      );
    case 'options':
      return <Options labels={value.labels} />;
    case 'my-number':
      return (
        <>
          <span class="resident-data">{value.text}</span>
          <span class="resident-hint">
            <Say text={T.myNumberMasked} />
          </span>
        </>
      );
    default:
      return (
        <span class="resident-data">
          <Data text={value.text} />
        </span>
      );
  }
}

function Options({ labels }: { readonly labels: readonly Text[] }) {
  if (labels.length === 1) return <Say text={labels[0] as Text} />;
  return (
    <ul class="resident-options">
      {labels.map((l) => (
        <li key={l.en}>
          <Say text={l} />
        </li>
      ))}
    </ul>
  );
}
