// 照合番号B (collation number B) is built from what is printed on the card face: the birth date
// in the Japanese era, the year of expiry and the 4-digit security code (cards.md §1.7).
// Staff type the parts, never one raw 14-digit box, and the full number is never shown.
import { ERAS, type EraId } from '../../shared/wareki.ts';

export interface CollationBParts {
  readonly era: EraId;
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly expiryYear: string;
  readonly securityCode: string;
}

export const EMPTY_PARTS: CollationBParts = {
  era: 'showa',
  year: '',
  month: '',
  day: '',
  expiryYear: '',
  securityCode: '',
};

interface Props {
  readonly value: CollationBParts;
  readonly onChange: (value: CollationBParts) => void;
  readonly disabled?: boolean;
}

export function CollationBInput({ value, onChange, disabled }: Props) {
  const set = (key: keyof CollationBParts) => (e: Event) =>
    onChange({ ...value, [key]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const digits = (key: keyof CollationBParts, label: string, size: number, testid: string) => (
    <div>
      <label for={`cb-${key}`}>{label}</label>
      <input
        id={`cb-${key}`}
        inputMode="numeric"
        autocomplete="off"
        pattern="[0-9]*"
        maxLength={size}
        size={size + 1}
        value={value[key]}
        onInput={set(key)}
        disabled={disabled}
        data-testid={testid}
      />
    </div>
  );
  return (
    <fieldset class="stack" disabled={disabled}>
      <legend>照合番号B（カード券面の情報）</legend>
      <div class="row">
        <div>
          <label for="cb-era">生年月日</label>
          <select id="cb-era" value={value.era} onChange={set('era')} data-testid="cb-era">
            {ERAS.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        {digits('year', '年', 2, 'cb-year')}
        {digits('month', '月', 2, 'cb-month')}
        {digits('day', '日', 2, 'cb-day')}
      </div>
      <div class="row">
        {digits('expiryYear', '有効期限の年（西暦4桁）', 4, 'cb-expiry-year')}
        {digits('securityCode', 'セキュリティコード（4桁）', 4, 'cb-security-code')}
      </div>
    </fieldset>
  );
}
