// The shared vocabulary of a visit: fields that several procedures ask. A procedure that uses one
// of these asks nothing new; the visit asks it once (once-only, 二度同じ項目を入力させない).
// Procedure-own fields live in the procedure's file with a `<procedureId>.` key.
import { type Text, text } from '../i18n/lang.ts';
import { toHalfWidthKana } from '../text/kana.ts';
import { parseIsoDate } from '../wareki.ts';
import type {
  Answers,
  AnySpec,
  FieldSpec,
  GroupRow,
  GroupSpec,
  Option,
  ProcedureField,
  ProcedureValues,
} from './types.ts';

// ── Helpers every catalogue file uses ────────────────────────────────────────────────────────

/** A choice: its stored code and what it reads. */
export const option = (value: string, label: Text): Option => ({ value, label });

/** A string answer of a visit or a procedure, '' when absent or a group. */
export function stringValue(v: Answers | ProcedureValues, key: string): string {
  const x = v[key];
  return typeof x === 'string' ? x : '';
}

/** The text without white space (全角 too), to compare addresses and names as they were typed. */
export const compact = (s: string): string => s.replace(/\s/gu, '');

/** The codes chosen in a 'flags' field. */
export function flagsOf(v: ProcedureValues, name: string): string[] {
  const x = stringValue(v, name);
  return x === '' ? [] : x.split(',');
}

/**
 * The day a person born on `birth` turns `years` (Feb 29 → Mar 1 in common years), as ISO.
 * Date.UTC rolls an impossible day over to the next month, which is the civil-law reading.
 */
export function birthday(birth: string, years: number): string | undefined {
  const d = parseIsoDate(birth);
  if (!d) return undefined;
  return new Date(Date.UTC(d.year + years, d.month - 1, d.day)).toISOString().slice(0, 10);
}

/** Fields always asked and required; each is named in the application as keyed in `specs`. */
export function requiredFields(specs: Readonly<Record<string, AnySpec>>): ProcedureField[] {
  return Object.entries(specs).map(([name, spec]) => ({ name, spec, required: true }));
}

/**
 * Fields asked, and then required, only when `applies` holds (a block that depends on an earlier
 * answer); each is named in the application as keyed in `specs`, in that order.
 */
export function askedWhen(
  applies: (v: ProcedureValues) => boolean,
  specs: Readonly<Record<string, AnySpec>>,
): ProcedureField[] {
  return Object.entries(specs).map(([name, spec]) => ({
    name,
    spec,
    required: false,
    requiredIf: applies,
    showIf: applies,
  }));
}

/** The move kinds a visit can have; 手続ナビ sets it, the chosen procedures imply it. */
export const MOVE_KINDS = { in: 'in', within: 'within', out: 'out' } as const;

export const YES_NO: readonly Option[] = [
  option('yes', text('はい', 'はい', 'Yes', '是', '예', 'Có', 'Sim')),
  option('no', text('いいえ', 'いいえ', 'No', '否', '아니요', 'Không', 'Não')),
];

export const SEX_OPTIONS: readonly Option[] = [
  option('1', text('{男|おとこ}', '{男|おとこ}', 'Male', '男', '남', 'Nam', 'Masculino')),
  option('2', text('{女|おんな}', '{女|おんな}', 'Female', '女', '여', 'Nữ', 'Feminino')),
];

/**
 * 続柄 as the 住民票 words them (住民基本台帳事務処理要領), by code: the other lists of people
 * (児童の続柄, 同居者の続柄) take from here the entries that mean the same.
 */
export const RELATION = {
  head: option(
    'head',
    text(
      '{世帯主|せたいぬし}',
      '{世帯主|せたいぬし}',
      'Head of household',
      '户主',
      '세대주',
      'Chủ hộ',
      'Chefe do domicílio',
    ),
  ),
  wife: option('wife', text('{妻|つま}', '{妻|つま}', 'Wife', '妻子', '아내', 'Vợ', 'Esposa')),
  husband: option(
    'husband',
    text('{夫|おっと}', '{夫|おっと}', 'Husband', '丈夫', '남편', 'Chồng', 'Marido'),
  ),
  child: option('child', text('{子|こ}', '{子|こ}ども', 'Child', '子女', '자녀', 'Con', 'Filho(a)')),
  parent: option(
    'parent',
    text('{父母|ふぼ}', 'お{父|とう}さん・お{母|かあ}さん', 'Parent', '父母', '부모', 'Cha mẹ', 'Pai/Mãe'),
  ),
  grandchild: option(
    'grandchild',
    text('{孫|まご}', '{孫|まご}', 'Grandchild', '孙子女', '손자녀', 'Cháu', 'Neto(a)'),
  ),
  other: option('other', text('その{他|た}', 'ほかの{人|ひと}', 'Other', '其他', '기타', 'Khác', 'Outro')),
} as const;

/** 続柄 as the 住民票 words them, in the 住民票's order. */
export const RELATIONSHIP_OPTIONS: readonly Option[] = [
  RELATION.head,
  RELATION.wife,
  RELATION.husband,
  RELATION.child,
  RELATION.parent,
  RELATION.grandchild,
  RELATION.other,
];

export const ACCOUNT_TYPE_OPTIONS: readonly Option[] = [
  option('futsu', text('{普通|ふつう}', '{普通|ふつう}', 'Ordinary', '普通', '보통', 'Thường', 'Comum')),
  option(
    'toza',
    text('{当座|とうざ}', '{当座|とうざ}', 'Checking', '活期（当座）', '당좌', 'Vãng lai', 'Corrente'),
  ),
  option(
    'chochiku',
    text('{貯蓄|ちょちく}', '{貯蓄|ちょちく}', 'Savings', '储蓄', '저축', 'Tiết kiệm', 'Poupança'),
  ),
];

// ── 申請者・届出人 ────────────────────────────────────────────────────────────────

export const applicantName: FieldSpec = {
  key: 'applicant.name',
  type: 'text',
  section: 'applicant',
  card: 'name',
  maxLength: 60,
  label: text('{氏名|しめい}', '{名前|なまえ}', 'Name', '姓名', '성명', 'Họ và tên', 'Nome'),
};

export const applicantNameKana: FieldSpec = {
  key: 'applicant.nameKana',
  type: 'kana',
  section: 'applicant',
  maxLength: 60,
  label: text(
    'フリガナ',
    '{名前|なまえ}の{読|よ}み{方|かた}',
    'Name (katakana)',
    '姓名（片假名）',
    '성명(가타카나)',
    'Họ tên (katakana)',
    'Nome (katakana)',
  ),
  help: text(
    '{全角|ぜんかく}カタカナ',
    'カタカナ',
    'Full-width katakana',
    '全角片假名',
    '전각 가타카나',
    'Katakana toàn độ rộng',
    'Katakana de largura total',
  ),
};

export const applicantBirthDate: FieldSpec = {
  key: 'applicant.birthDate',
  type: 'date',
  section: 'applicant',
  card: 'birthDate',
  min: { iso: '1900-01-01' },
  max: { daysFromToday: 0 },
  label: text(
    '{生年月日|せいねんがっぴ}',
    '{生|う}まれた{日|ひ}',
    'Date of birth',
    '出生日期',
    '생년월일',
    'Ngày sinh',
    'Data de nascimento',
  ),
};

export const applicantSex: FieldSpec = {
  key: 'applicant.sex',
  type: 'choice',
  section: 'applicant',
  card: 'sex',
  options: SEX_OPTIONS,
  label: text('{性別|せいべつ}', '{男|おとこ}・{女|おんな}', 'Sex', '性别', '성별', 'Giới tính', 'Sexo'),
};

/** The address printed on (and held by) the card: the old address during a move. */
export const cardAddress: FieldSpec = {
  key: 'applicant.cardAddress',
  type: 'address',
  section: 'applicant',
  card: 'address',
  maxLength: 200,
  label: text(
    '{住所|じゅうしょ}（カードの{記載|きさい}）',
    'カードに{書|か}いてある{住所|じゅうしょ}',
    'Address on the card',
    '卡上记载的地址',
    '카드에 기재된 주소',
    'Địa chỉ ghi trên thẻ',
    'Endereço no cartão',
  ),
};

/** Where the resident lives now in this municipality: after 転入・転居 the new address. */
export const currentAddress: FieldSpec = {
  key: 'applicant.address',
  type: 'address',
  section: 'applicant',
  maxLength: 200,
  derive: (a) =>
    movesHere(a)
      ? stringValue(a, 'move.newAddress') || undefined
      : stringValue(a, 'applicant.cardAddress') || undefined,
  label: text(
    '{住所|じゅうしょ}',
    '{住|す}んでいる{所|ところ}',
    'Address',
    '住址',
    '주소',
    'Địa chỉ',
    'Endereço',
  ),
};

export const currentPostalCode: FieldSpec = {
  key: 'applicant.postalCode',
  type: 'postal-code',
  section: 'applicant',
  derive: (a) => (movesHere(a) ? stringValue(a, 'move.newPostalCode') || undefined : undefined),
  label: text(
    '{郵便番号|ゆうびんばんごう}',
    '{郵便番号|ゆうびんばんごう}',
    'Postal code',
    '邮政编码',
    '우편번호',
    'Mã bưu điện',
    'Código postal',
  ),
};

export const applicantMyNumber: FieldSpec = {
  key: 'applicant.myNumber',
  type: 'my-number',
  section: 'applicant',
  card: 'myNumber',
  label: text(
    '{個人番号|こじんばんごう}（マイナンバー）',
    'マイナンバー',
    'My Number (individual number)',
    '个人编号（My Number）',
    '개인번호(마이넘버)',
    'Mã số cá nhân (My Number)',
    'Número individual (My Number)',
  ),
};

export const phone: FieldSpec = {
  key: 'contact.phone',
  type: 'phone',
  section: 'contact',
  label: text(
    '{電話番号|でんわばんごう}（{日中|にっちゅう}の{連絡先|れんらくさき}）',
    '{電話番号|でんわばんごう}',
    'Phone number (daytime)',
    '电话号码（白天联系方式）',
    '전화번호(낮 연락처)',
    'Số điện thoại (ban ngày)',
    'Telefone (durante o dia)',
  ),
};

// ── 世帯 ────────────────────────────────────────────────────────────────────────

export const householdHeadName: FieldSpec = {
  key: 'household.headName',
  type: 'text',
  section: 'household',
  maxLength: 60,
  label: text(
    '{世帯主|せたいぬし}{氏名|しめい}',
    '{世帯主|せたいぬし}の{名前|なまえ}',
    'Name of the head of household',
    '户主姓名',
    '세대주 성명',
    'Họ tên chủ hộ',
    'Nome do chefe do domicílio',
  ),
  help: text(
    '{住民票|じゅうみんひょう}の{世帯|せたい}の{代表者|だいひょうしゃ}',
    '{家族|かぞく}の{代表|だいひょう}の{人|ひと}',
    'The representative of the household on the residence record',
    '住民票上的户主',
    '주민표상 세대 대표자',
    'Người đại diện hộ trong sổ cư trú',
    'O representante do domicílio no registro de residentes',
  ),
};

export const relationshipToHead: FieldSpec = {
  key: 'household.relationship',
  type: 'choice',
  section: 'household',
  options: RELATIONSHIP_OPTIONS,
  label: text(
    '{世帯主|せたいぬし}との{続柄|つづきがら}',
    '{世帯主|せたいぬし}との{関係|かんけい}',
    'Relationship to the head of household',
    '与户主的关系',
    '세대주와의 관계',
    'Quan hệ với chủ hộ',
    'Relação com o chefe do domicílio',
  ),
};

// The columns of a list of people (異動者, 児童, 加入する人 …): the applicant's specs under the row's
// own keys, without the card attribute, as a row is not the card holder.
export const nameColumn: FieldSpec = { ...applicantName, key: 'name', card: undefined };
export const nameKanaColumn: FieldSpec = { ...applicantNameKana, key: 'nameKana' };
export const birthDateColumn: FieldSpec = { ...applicantBirthDate, key: 'birthDate', card: undefined };
export const sexColumn: FieldSpec = { ...applicantSex, key: 'sex', card: undefined };
export const relationshipColumn: FieldSpec = { ...relationshipToHead, key: 'relationship' };
export const myNumberColumn: FieldSpec = { ...applicantMyNumber, key: 'myNumber', card: undefined };

// The 異動者 name column kept the card attribute it was written with; group columns are never
// filled from the card (visit.ts), so it makes no difference.
const memberColumns: readonly FieldSpec[] = [
  { ...applicantName, key: 'name' },
  nameKanaColumn,
  birthDateColumn,
  sexColumn,
  relationshipColumn,
];

/** 異動者 (people who move together): the applicant first, as on the paper 転入届. */
export const movers: GroupSpec = {
  key: 'move.movers',
  type: 'group',
  section: 'household',
  columns: memberColumns,
  requiredColumns: ['name', 'nameKana', 'birthDate', 'sex', 'relationship'],
  minRows: 1,
  maxRows: 6,
  derive: (a) => [
    {
      name: stringValue(a, 'applicant.name'),
      nameKana: stringValue(a, 'applicant.nameKana'),
      birthDate: stringValue(a, 'applicant.birthDate'),
      sex: stringValue(a, 'applicant.sex'),
      relationship: stringValue(a, 'household.relationship'),
    },
  ],
  label: text(
    '{異動|いどう}する{人|ひと}',
    '{引|ひ}っ{越|こ}す{人|ひと}',
    'People who move',
    '迁移人员',
    '이동하는 사람',
    'Người chuyển đi cùng',
    'Pessoas que se mudam',
  ),
};

// ── 異動（引越し） ────────────────────────────────────────────────────────────────

export const moveKind: FieldSpec = {
  key: 'move.kind',
  type: 'choice',
  section: 'move',
  staffOnly: true,
  options: [
    {
      value: MOVE_KINDS.in,
      label: text(
        '{市外|しがい}から{転入|てんにゅう}',
        'ほかの{町|まち}から{引|ひ}っ{越|こ}してきた',
        'Moved in from another municipality',
        '从其他市町村迁入',
        '다른 시에서 전입',
        'Chuyển đến từ nơi khác',
        'Mudou-se de outro município',
      ),
    },
    {
      value: MOVE_KINDS.within,
      label: text(
        '{市内|しない}で{転居|てんきょ}',
        'この{町|まち}の{中|なか}で{引|ひ}っ{越|こ}した',
        'Moved within the municipality',
        '在市内搬家',
        '시내에서 이사',
        'Chuyển nhà trong thành phố',
        'Mudou-se dentro do município',
      ),
    },
    {
      value: MOVE_KINDS.out,
      label: text(
        '{市外|しがい}へ{転出|てんしゅつ}',
        'ほかの{町|まち}へ{引|ひ}っ{越|こ}す',
        'Moving out to another municipality',
        '迁出到其他市町村',
        '다른 시로 전출',
        'Chuyển đi nơi khác',
        'Vai se mudar para outro município',
      ),
    },
  ],
  label: text(
    '{異動|いどう}の{種類|しゅるい}',
    '{引|ひ}っ{越|こ}しの{種類|しゅるい}',
    'Kind of move',
    '迁移种类',
    '이동 종류',
    'Loại chuyển nhà',
    'Tipo de mudança',
  ),
};

export const moveDate: FieldSpec = {
  key: 'move.date',
  type: 'date',
  section: 'move',
  min: { daysFromToday: -365 },
  max: { daysFromToday: 14 },
  label: text(
    '{異動日|いどうび}',
    '{引|ひ}っ{越|こ}した{日|ひ}',
    'Date of the move',
    '迁移日期',
    '이동일',
    'Ngày chuyển nhà',
    'Data da mudança',
  ),
};

export const newAddress: FieldSpec = {
  key: 'move.newAddress',
  type: 'address',
  section: 'move',
  maxLength: 200,
  label: text(
    '{新|あたら}しい{住所|じゅうしょ}',
    '{新|あたら}しい{住所|じゅうしょ}',
    'New address',
    '新住址',
    '새 주소',
    'Địa chỉ mới',
    'Novo endereço',
  ),
};

export const newPostalCode: FieldSpec = {
  key: 'move.newPostalCode',
  type: 'postal-code',
  section: 'move',
  label: text(
    '{新|あたら}しい{住所|じゅうしょ}の{郵便番号|ゆうびんばんごう}',
    '{新|あたら}しい{住所|じゅうしょ}の{郵便番号|ゆうびんばんごう}',
    'Postal code of the new address',
    '新住址的邮政编码',
    '새 주소의 우편번호',
    'Mã bưu điện của địa chỉ mới',
    'Código postal do novo endereço',
  ),
};

// ── 振込先口座 ──────────────────────────────────────────────────────────────────

export const bankName: FieldSpec = {
  key: 'bank.name',
  type: 'text',
  section: 'bank',
  maxLength: 30,
  label: text(
    '{金融機関名|きんゆうきかんめい}',
    '{銀行|ぎんこう}の{名前|なまえ}',
    'Bank name',
    '金融机构名称',
    '금융기관명',
    'Tên ngân hàng',
    'Nome do banco',
  ),
};

export const bankCode: FieldSpec = {
  key: 'bank.code',
  type: 'bank-code',
  section: 'bank',
  label: text(
    '{金融機関|きんゆうきかん}コード',
    '{銀行|ぎんこう}の{番号|ばんごう}（4けた）',
    'Bank code (4 digits)',
    '金融机构代码（4位）',
    '금융기관 코드(4자리)',
    'Mã ngân hàng (4 chữ số)',
    'Código do banco (4 dígitos)',
  ),
};

export const branchName: FieldSpec = {
  key: 'bank.branchName',
  type: 'text',
  section: 'bank',
  maxLength: 30,
  label: text(
    '{支店名|してんめい}',
    '{支店|してん}の{名前|なまえ}',
    'Branch name',
    '支行名称',
    '지점명',
    'Tên chi nhánh',
    'Nome da agência',
  ),
};

export const branchCode: FieldSpec = {
  key: 'bank.branchCode',
  type: 'branch-code',
  section: 'bank',
  label: text(
    '{支店|してん}コード',
    '{支店|してん}の{番号|ばんごう}（3けた）',
    'Branch code (3 digits)',
    '支行代码（3位）',
    '지점 코드(3자리)',
    'Mã chi nhánh (3 chữ số)',
    'Código da agência (3 dígitos)',
  ),
};

export const accountType: FieldSpec = {
  key: 'bank.accountType',
  type: 'choice',
  section: 'bank',
  options: ACCOUNT_TYPE_OPTIONS,
  label: text(
    '{預金種目|よきんしゅもく}',
    '{口座|こうざ}の{種類|しゅるい}',
    'Account type',
    '存款种类',
    '예금 종류',
    'Loại tài khoản',
    'Tipo de conta',
  ),
};

export const accountNumber: FieldSpec = {
  key: 'bank.accountNumber',
  type: 'account-number',
  section: 'bank',
  label: text(
    '{口座番号|こうざばんごう}',
    '{口座|こうざ}の{番号|ばんごう}',
    'Account number',
    '账号',
    '계좌번호',
    'Số tài khoản',
    'Número da conta',
  ),
};

export const accountHolderKana: FieldSpec = {
  key: 'bank.holderKana',
  type: 'half-kana',
  section: 'bank',
  maxLength: 30,
  derive: (a) => {
    const kana = stringValue(a, 'applicant.nameKana');
    if (!kana) return undefined;
    const half = toHalfWidthKana(kana.replace(/\u3000/gu, ' '));
    return half.ok ? half.value : undefined;
  },
  label: text(
    '{口座名義|こうざめいぎ}（{半角|はんかく}カナ）',
    '{口座|こうざ}の{名前|なまえ}（カタカナ）',
    'Account holder (half-width katakana)',
    '账户名义（半角片假名）',
    '예금주(반각 가타카나)',
    'Chủ tài khoản (katakana nửa độ rộng)',
    'Titular da conta (katakana de meia largura)',
  ),
  help: text(
    '{通帳|つうちょう}に{書|か}かれているとおり',
    '{通帳|つうちょう}と{同|おな}じに',
    'Exactly as in the bankbook',
    '与存折上的写法一致',
    '통장에 적힌 그대로',
    'Đúng như trong sổ ngân hàng',
    'Exatamente como na caderneta',
  ),
};

/** The bank account fields in form order (振込先口座 block), under the names the forms give them. */
export const BANK_SPECS: Readonly<Record<string, FieldSpec>> = {
  bankName,
  bankCode,
  branchName,
  branchCode,
  accountType,
  accountNumber,
  holderKana: accountHolderKana,
};

/** The bank account fields in form order. */
export const BANK_FIELDS: readonly FieldSpec[] = Object.values(BANK_SPECS);

/** True when the visit moves the resident into (or within) this municipality. */
export function movesHere(a: Answers): boolean {
  const kind = stringValue(a, 'move.kind');
  return kind === MOVE_KINDS.in || kind === MOVE_KINDS.within;
}

export function rowsOf(a: Answers, key: string): readonly GroupRow[] {
  const v = a[key];
  return Array.isArray(v) ? v : [];
}
