// A recipe says how one legacy system's screen takes one procedure's fields: which element,
// from which field, through which transform. Recipes are data (Bitwarden "targeting rules",
// Form-O-Fill rules), not heuristics: Japanese legacy labels defeat keyword matching.
// One recipe per legacy system screen; recipes/index.ts lists them, recipes.test.ts checks them.
import type { EraId } from '../../shared/wareki.ts';

/** The encoding the legacy server receives form data in (the page's charset). */
export type PageEncoding = 'shift_jis' | 'utf-8';

export type WarekiPart = 'era' | 'year' | 'month' | 'day';
export type PostalCodePart = 'first3' | 'last4' | 'whole';

/** A transform id plus its options; transforms.ts implements each id. */
export type TransformSpec =
  | { readonly id: 'text' }
  | { readonly id: 'half-width-kana' }
  | {
      readonly id: 'wareki';
      readonly part: WarekiPart;
      /** The option value per era when the screen does not use the initials M/T/S/H/R. */
      readonly eraValues?: Readonly<Partial<Record<EraId, string>>>;
    }
  | { readonly id: 'postal-code'; readonly part: PostalCodePart }
  | { readonly id: 'code-map'; readonly map: Readonly<Record<string, string>> };

export type TransformId = TransformSpec['id'];

export interface FieldRule {
  readonly label: string; // as printed on the legacy screen, shown in the fill report
  readonly selector: string; // CSS selector of the input or select
  readonly source: string; // field name of the recipe's procedure (shared/procedures), never a group field
  readonly transform: TransformSpec;
  /**
   * Byte limit in the page encoding, copied from the screen's maxlength: these servers count
   * Shift_JIS bytes (全角 = 2), which the browser's maxlength (UTF-16 units) does not enforce.
   */
  readonly maxBytes?: number;
}

export interface Recipe {
  readonly id: string;
  readonly name: string; // system and screen, in Japanese
  readonly procedure: string; // procedure id whose application fields feed this screen
  readonly encoding: PageEncoding;
  matches(url: URL): boolean;
  /** URLs of the screen, for manual checks and the meta-test (refined-github "test URLs"). */
  readonly exampleUrls: readonly string[];
  readonly fields: readonly FieldRule[];
  /**
   * The procedure's fields this screen has no box for (the legacy system keeps them on another
   * screen or not at all), said once here so that the meta-test can tell them from a forgotten one.
   */
  readonly notOnScreen: readonly string[];
}
