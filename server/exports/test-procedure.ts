// Test side only: a small procedure with every kind of column an export lays out — text, a
// choice, flags, a date, a note, a My Number, and a list of people (2 rows on the form) with a
// choice and a My Number column. The server accepts applications of it (api-exports.test.ts).
import { text } from '../../shared/i18n/lang.ts';
import {
  applicantBirthDate,
  applicantMyNumber,
  applicantName,
  applicantSex,
  myNumberColumn,
  nameColumn,
  option,
  relationshipColumn,
} from '../../shared/procedures/fields.ts';
import type { ProcedureDefinition, ProcedureValues } from '../../shared/procedures/types.ts';
import type { ExportApplication } from './layout.ts';

const t = (s: string) => text(s, s, s, s, s, s, s);

export const KAZOKU: ProcedureDefinition = {
  id: 'test-kazoku',
  name: t('家族テスト届'),
  description: t('テスト用'),
  basis: '番号法 第9条（テスト）',
  department: 'テスト課',
  myNumber: { basis: '番号法 第9条（テスト）' },
  signature: 'procedure',
  fields: [
    { name: 'name', spec: applicantName, required: true },
    { name: 'sex', spec: applicantSex, required: false },
    { name: 'birthDate', spec: applicantBirthDate, required: false },
    { name: 'kojinBango', spec: applicantMyNumber, required: false },
    {
      name: 'reasons',
      spec: {
        key: 'test-kazoku.reasons',
        type: 'flags',
        section: 'other',
        label: t('理由'),
        options: [option('move', t('転勤')), option('school', t('進学'))],
      },
      required: false,
    },
    {
      name: 'note',
      spec: { key: 'test-kazoku.note', type: 'note', section: 'other', label: t('備考') },
      required: false,
    },
    {
      name: 'family',
      spec: {
        key: 'test-kazoku.family',
        type: 'group',
        section: 'household',
        label: t('家族'),
        columns: [nameColumn, relationshipColumn, myNumberColumn],
        requiredColumns: ['name'],
        minRows: 0,
        maxRows: 2,
      },
      required: false,
    },
  ],
  rules: [],
  attachments: [],
  print: { title: 'テスト', addressee: 'テスト市長 あて', pages: [] },
};

/** Every field present, the unanswered ones empty, as the tablet sends them. */
export function kazokuValues(answers: ProcedureValues): ProcedureValues {
  const empty = Object.fromEntries(KAZOKU.fields.map((f) => [f.name, f.spec.type === 'group' ? [] : '']));
  return { ...empty, ...answers };
}

let sequence = 0;

/** A stored application of KAZOKU, received 2026-12-01 09:31 in Japan. */
export function kazokuApplication(answers: ProcedureValues): ExportApplication {
  sequence += 1;
  return {
    id: crypto.randomUUID(),
    receiptNumber: `R261201-${String(sequence).padStart(4, '0')}`,
    receivedAt: '2026-12-01T00:31:00.000Z',
    status: 'received',
    fields: kazokuValues(answers),
  };
}
