// 郵便番号: 7 digits typed (half- or full-width, with or without the hyphen) → the address from
// Japan Post's data, offline. The form decides whether the address is filled (onAddress).
import { useRef, useState } from 'preact/hooks';
import {
  formatPostalCode,
  isPostalCode,
  normalisePostalCode,
  type PostalAddress,
  type PostalLookup,
  postalErrorMessage,
} from '../../../shared/address/postal.ts';
import { err } from '../../../shared/result.ts';
import type { FieldInputProps } from './types.ts';

export interface PostalCodeFieldProps extends FieldInputProps {
  readonly lookup: PostalLookup;
  /** Return false when the form kept the address staff had typed: the status then says so. */
  readonly onAddress: (a: PostalAddress) => unknown;
}

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'looking'; readonly code: string }
  | { readonly kind: 'done'; readonly text: string; readonly ok: boolean };

/** The status line after a lookup: what was found, and whether it went into the address. */
export function postalStatusText(a: PostalAddress, filled: boolean): string {
  return filled
    ? `${a.text} を住所に入れました`
    : `${a.text}（住所は入力済みのため変えていません。違う場合は住所を直してください）`;
}

export function PostalCodeField(props: PostalCodeFieldProps) {
  const { id, value, invalid, describedBy, ariaLabel, lookup } = props;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // The code of the latest lookup: an answer for an older one (staff kept typing) is dropped.
  const latest = useRef<string | undefined>(undefined);
  const statusId = `${id}-status`;
  const digits = normalisePostalCode(value);
  const shown = isPostalCode(digits) ? formatPostalCode(digits) : value;

  const find = async (code: string) => {
    latest.current = code;
    setStatus({ kind: 'looking', code });
    // The port answers with a Result; a rejection (e.g. the adapter's own chunk failed to load
    // offline) still means "no data", and the status must not stay on 探しています.
    const r = await lookup.lookup(code).catch(() => err({ kind: 'data-unavailable' as const }));
    if (latest.current !== code) return;
    if (r.ok) {
      const filled = props.onAddress(r.value) !== false;
      setStatus({ kind: 'done', text: postalStatusText(r.value, filled), ok: true });
    } else {
      setStatus({ kind: 'done', text: postalErrorMessage(r.error), ok: false });
    }
  };

  const onInput = (raw: string) => {
    const code = normalisePostalCode(raw);
    if (!isPostalCode(code)) {
      latest.current = undefined;
      if (status.kind !== 'idle') setStatus({ kind: 'idle' });
      props.onInput(raw);
      return;
    }
    props.onInput(code); // the stored form; shown as 〒NNN-NNNN
    if (code !== latest.current) void find(code);
  };

  return (
    <span class="postal-field">
      <input
        id={id}
        data-testid={id}
        type="text"
        inputMode="numeric"
        autocomplete="off"
        size={10}
        value={shown}
        aria-invalid={invalid ? 'true' : 'false'}
        aria-describedby={`${statusId} ${describedBy}`.trim()}
        {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <span
        id={statusId}
        role="status"
        class={status.kind === 'done' && !status.ok ? 'postal-status field-error' : 'postal-status hint'}
        data-testid={`${id}-status`}
      >
        {status.kind === 'looking' ? '住所を探しています…' : status.kind === 'done' ? status.text : ''}
      </span>
    </span>
  );
}
