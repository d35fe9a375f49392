// 転入届 (move-in notice, 住民基本台帳法 第22条): a resident moving into the municipality.
// The card still shows the address the resident left, so the card address fills 前住所;
// staff type the new address, its postal code and the move date.
import type { ProcedureDefinition } from './types.ts';

export type TennyuFieldKey =
  | 'name'
  | 'nameKana'
  | 'birthDate'
  | 'sex'
  | 'previousAddress'
  | 'postalCode'
  | 'address'
  | 'moveDate';

export const tennyu: ProcedureDefinition<TennyuFieldKey> = {
  id: 'tennyu',
  name: '転入届',
  description: '他の市区町村から引っ越してきたときの届出',
  fields: [
    { key: 'name', label: '氏名', source: 'card', input: 'text', required: true, maxLength: 60 },
    {
      key: 'nameKana',
      label: 'フリガナ',
      source: 'staff',
      input: 'kana',
      required: true,
      maxLength: 60,
      hint: '全角カタカナ（例：ヤマダ　タロウ）',
    },
    { key: 'birthDate', label: '生年月日', source: 'card', input: 'date', required: true, maxLength: 10 },
    { key: 'sex', label: '性別', source: 'card', input: 'sex', required: true, maxLength: 1 },
    {
      key: 'previousAddress',
      label: '前住所',
      source: 'card',
      input: 'address',
      required: true,
      maxLength: 200,
      hint: 'カードに記載の住所（転出前の住所）',
    },
    {
      key: 'postalCode',
      label: '郵便番号（新住所）',
      source: 'staff',
      input: 'postal-code',
      required: true,
      maxLength: 8,
      hint: '7桁（例：100-0001）',
    },
    { key: 'address', label: '新住所', source: 'staff', input: 'address', required: true, maxLength: 200 },
    {
      key: 'moveDate',
      label: '異動日（転入した日）',
      source: 'staff',
      input: 'date',
      required: true,
      maxLength: 10,
    },
  ],
};
