// The contract between the interview form and its special inputs (date, postal code): the form
// owns the value and the messages; an input only reads, normalises and reports.
export interface FieldInputProps {
  readonly id: string; // input id (a <label for> points to it)
  readonly value: string; // stored form (ISO date / 7 digits) or what staff typed so far
  readonly invalid: boolean; // sets aria-invalid
  readonly describedBy: string; // id(s) of hint/error elements
  readonly onInput: (raw: string) => void;
  /** Inside a table, where no <label> points at the input: the accessible name. */
  readonly ariaLabel?: string;
}
