// What the signature pad hands over: the strokes as drawn (or the typed name for residents who
// cannot draw) and the PNG rendered from them. The app binds it to content (shared/signature.ts).
import type { Stroke } from '../../shared/signature.ts';

export interface DrawnSignature {
  readonly method: 'drawn' | 'typed';
  readonly typedName?: string;
  readonly strokes: readonly Stroke[];
  readonly png: string; // data:image/png;base64,…
  readonly width: number;
  readonly height: number;
}

/** Every text of the pad, already in the resident's language (the pad knows no language). */
export interface SignaturePadLabels {
  readonly pad: string; // accessible name of the drawing area
  readonly undo: string;
  readonly clear: string;
  readonly typeInstead: string; // switch to typing the name (記名)
  readonly drawInstead: string;
  readonly typedNameLabel: string;
}
