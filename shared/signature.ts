// The resident's signature: vector strokes (x, y, time, pressure) plus the PNG that prints, bound
// to the exact content it was made over by the SHA-256 of that content's canonical JSON. A
// signature moved onto other content no longer matches, and the back office checks it on receipt.
import { canonicalJson, type JsonValue, sha256HexOf } from './canonical-json.ts';
import { err, ok, type Result } from './result.ts';

/** Pad coordinates (0..width, 0..height), ms since the stroke began, pressure 0..1000 (500 = none reported). */
export type StrokePoint = readonly [x: number, y: number, t: number, pressure: number];
export interface Stroke {
  readonly points: readonly StrokePoint[];
}

export interface SignatureRecord {
  readonly scope: 'visit' | 'procedure';
  /**
   * 'drawn': strokes on the pad. 'typed': the resident cannot draw (motor impairment, keyboard or
   * switch access) and types their name instead (記名); `typedName` holds it and strokes are empty.
   */
  readonly method: 'drawn' | 'typed';
  readonly typedName?: string;
  readonly width: number;
  readonly height: number;
  readonly strokes: readonly Stroke[];
  readonly png: string; // data:image/png;base64,…
  readonly signedAt: string; // ISO instant
  /** SHA-256 (hex) of canonicalJson(signedContent(envelope)). */
  readonly contentSha256: string;
}

export const MAX_SIGNATURE_DATA_URL = 400_000;
export const MAX_STROKES = 200;
export const MAX_POINTS = 20_000;

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;
const HEX64 = /^[0-9a-f]{64}$/;

export async function contentSha256(content: JsonValue): Promise<string> {
  return sha256HexOf(canonicalJson(content));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Checks a signature record from outside (HTTP body) without trusting anything in it. */
export function parseSignatureRecord(
  input: unknown,
  isInstant: (v: unknown) => v is string,
): Result<SignatureRecord, string> {
  if (!isRecord(input)) return err('signature');
  if (input.scope !== 'visit' && input.scope !== 'procedure') return err('signature.scope');
  if (input.method !== 'drawn' && input.method !== 'typed') return err('signature.method');
  const method = input.method;
  let typedName: string | undefined;
  if (method === 'typed') {
    if (
      typeof input.typedName !== 'string' ||
      input.typedName.trim() === '' ||
      [...input.typedName].length > 60
    )
      return err('signature.typedName');
    typedName = input.typedName;
  } else if (input.typedName !== undefined) return err('signature.typedName');
  if (!isInt(input.width, 1, 4000) || !isInt(input.height, 1, 4000)) return err('signature.size');
  const { width, height } = input;
  if (
    typeof input.png !== 'string' ||
    input.png.length > MAX_SIGNATURE_DATA_URL ||
    !PNG_DATA_URL.test(input.png)
  )
    return err('signature.png');
  if (!isInstant(input.signedAt)) return err('signature.signedAt');
  if (typeof input.contentSha256 !== 'string' || !HEX64.test(input.contentSha256))
    return err('signature.contentSha256');
  if (
    !Array.isArray(input.strokes) ||
    input.strokes.length > MAX_STROKES ||
    (method === 'drawn') !== input.strokes.length > 0
  )
    return err('signature.strokes');
  let total = 0;
  const strokes: Stroke[] = [];
  for (const s of input.strokes) {
    if (!isRecord(s) || !Array.isArray(s.points) || s.points.length === 0) return err('signature.strokes');
    total += s.points.length;
    if (total > MAX_POINTS) return err('signature.strokes');
    const points: StrokePoint[] = [];
    for (const p of s.points) {
      if (
        !Array.isArray(p) ||
        p.length !== 4 ||
        !isInt(p[0], 0, width) ||
        !isInt(p[1], 0, height) ||
        !isInt(p[2], 0, 600_000) ||
        !isInt(p[3], 0, 1000)
      )
        return err('signature.strokes');
      points.push([p[0], p[1], p[2], p[3]]);
    }
    strokes.push({ points });
  }
  return ok({
    scope: input.scope,
    method,
    ...(typedName !== undefined ? { typedName } : {}),
    width,
    height,
    strokes,
    png: input.png,
    signedAt: input.signedAt,
    contentSha256: input.contentSha256,
  });
}
