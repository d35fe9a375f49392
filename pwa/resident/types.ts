// The contract between the counter app and the resident screens (re-exported by ResidentVisit).
import type { ComponentType } from 'preact';
import type { Lang } from '../../shared/i18n/lang.ts';
import type { Attachment, ProcedureDefinition, ProcedureValues } from '../../shared/procedures/types.ts';
import type { DrawnSignature, SignaturePadLabels } from '../components/signature-types.ts';

export interface ResidentApplication {
  readonly procedure: ProcedureDefinition;
  readonly values: ProcedureValues;
  /** Attachments the resident need not bring: 情報連携 gets them. */
  readonly omitted: readonly Attachment[];
}

export interface ResidentResult {
  readonly lang: Lang;
  readonly confirmed: readonly string[]; // procedure ids
  /** Key: the procedure id for scope 'procedure', 'visit' for the one visit signature. */
  readonly signatures: Readonly<Record<string, DrawnSignature>>;
}

export type SignaturePadComponent = ComponentType<{
  labels: SignaturePadLabels;
  onChange: (s: DrawnSignature | null) => void;
}>;

export type UnlockComponent = ComponentType<{ onUnlocked: () => void; onCancel?: () => void }>;
