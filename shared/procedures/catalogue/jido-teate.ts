// 児童手当 認定請求 (児童手当法 第7条; 施行規則 様式第1号), as revised from 令和6年10月: no income
// limit, children up to the end of the fiscal year of their 18th birthday (高校生年代), and the
// 大学生年代 children (up to 22) the claimant supports count for the 第3子 addition (多子加算).
// The claimant is the parent who mainly supports the household (生計を維持する程度の高い者).
// 課税証明書 and 住民票 are got through 情報連携 when the My Number is on the form.
import { text } from '../../i18n/lang.ts';
import { CLAIMANT_TSUCHO, KAZEI_SHOMEI } from '../attachments.ts';
import {
  askedWhen,
  birthDateColumn,
  nameColumn,
  nameKanaColumn,
  option,
  rowsOf,
  stringValue,
} from '../fields.ts';
import {
  BANK_PRINT_ROWS,
  bankFields,
  CLAIMANT_FIELDS,
  childRelationshipColumn,
  children,
  childrenRules,
  fiscalYearEndAtAge,
  hasSpouse,
  holderIsClaimantRule,
  JAN1_FIELDS,
  JAN1_PRINT_ROW,
  livingColumn,
  spouseFields,
  THE_CLAIMANT,
} from '../fields-family.ts';
import { fieldSection, postalAddressRow, signatureSection } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, GroupSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';

const PENSION_KYOSAI = 'kyosai';

const pensionSystem: FieldSpec = {
  key: 'jido-teate.pensionSystem',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'kokumin',
      text(
        '{国民年金|こくみんねんきん}（{自営業|じえいぎょう}など）',
        '{国民年金|こくみんねんきん}（{自分|じぶん}の{店|みせ}などで{働|はたら}く{人|ひと}）',
        'National Pension (self-employed etc.)',
        '国民年金（个体经营者等）',
        '국민연금(자영업 등)',
        'Lương hưu quốc dân (tự kinh doanh...)',
        'Pensão Nacional (autônomos etc.)',
      ),
    ),
    option(
      'kosei',
      text(
        '{厚生年金保険|こうせいねんきんほけん}（{会社員|かいしゃいん}など）',
        '{厚生年金|こうせいねんきん}（{会社|かいしゃ}で{働|はたら}く{人|ひと}）',
        "Employees' Pension (company employees etc.)",
        '厚生年金保险（公司职员等）',
        '후생연금보험(회사원 등)',
        'Lương hưu phúc lợi (nhân viên công ty...)',
        'Pensão dos Empregados (funcionários de empresas etc.)',
      ),
    ),
    option(
      PENSION_KYOSAI,
      text(
        '{共済組合|きょうさいくみあい}（{公務員|こうむいん}）',
        '{公務員|こうむいん}の{共済組合|きょうさいくみあい}',
        'Mutual aid association (public servants)',
        '共济组合（公务员）',
        '공제조합(공무원)',
        'Hiệp hội tương trợ (công chức)',
        'Associação de ajuda mútua (servidores públicos)',
      ),
    ),
  ],
  label: text(
    '{請求者|せいきゅうしゃ}が{加入|かにゅう}している{年金制度|ねんきんせいど}',
    'あなたが{入|はい}っている{年金|ねんきん}',
    'Pension scheme you belong to',
    '申请人加入的养老金制度',
    '청구인이 가입한 연금제도',
    'Chế độ lương hưu bạn tham gia',
    'Regime de pensão a que você pertence',
  ),
};

const higherEarner: FieldSpec = {
  key: 'jido-teate.higherEarner',
  type: 'choice',
  section: 'household',
  options: [
    option('applicant', THE_CLAIMANT),
    option(
      'spouse',
      text(
        '{配偶者|はいぐうしゃ}',
        '{夫|おっと}か{妻|つま}',
        'The spouse',
        '配偶者',
        '배우자',
        'Vợ/chồng',
        'O cônjuge',
      ),
    ),
  ],
  label: text(
    '{生計|せいけい}を{主|おも}に{支|ささ}えている{人|ひと}（{所得|しょとく}の{高|たか}い{方|ほう}）',
    'おもに{家族|かぞく}の{生活費|せいかつひ}を{出|だ}している{人|ひと}',
    'Who mainly supports the household (the higher income)',
    '主要维持家庭生计者（收入较高的一方）',
    '생계를 주로 책임지는 사람(소득이 높은 쪽)',
    'Người chủ yếu nuôi gia đình (thu nhập cao hơn)',
    'Quem sustenta principalmente o domicílio (maior renda)',
  ),
};

/** 大学生年代の子 (18歳年度末の後、22歳年度末まで) counted for 多子加算: a list of its own on the form. */
const dependents: GroupSpec = {
  key: 'jido-teate.dependents',
  type: 'group',
  section: 'child',
  columns: [nameColumn, nameKanaColumn, birthDateColumn, childRelationshipColumn, livingColumn],
  requiredColumns: ['name', 'nameKana', 'birthDate', 'relationship', 'living'],
  minRows: 0,
  maxRows: 3,
  label: text(
    '{生計費|せいけいひ}を{負担|ふたん}している{大学生年代|だいがくせいねんだい}の{子|こ}',
    'お{金|かね}を{出|だ}して{育|そだ}てている19～22{歳|さい}ぐらいの{子|こ}ども',
    'Children aged about 19 to 22 whom you support',
    '由您负担生活费的大学生年龄段子女',
    '생계비를 부담하고 있는 대학생 연령대 자녀',
    'Con trong độ tuổi đại học mà bạn chu cấp',
    'Filhos em idade universitária que você sustenta',
  ),
  help: text(
    '18{歳|さい}の{年度末|ねんどまつ}を{過|す}ぎて22{歳|さい}の{年度末|ねんどまつ}までの{子|こ}（{第|だい}3{子|し}の{数|かぞ}え{方|かた}に{使|つか}います）',
    '3{人目|にんめ}からの{金額|きんがく}を{決|き}めるために{使|つか}います',
    'From after the fiscal year of their 18th birthday to the end of the fiscal year of their 22nd: they count for the third-child addition',
    '18岁年度末之后至22岁年度末的子女（用于计算第三子加算）',
    '18세 연도말 이후부터 22세 연도말까지의 자녀(셋째 자녀 가산 계산에 사용)',
    'Con từ sau cuối năm tài chính 18 tuổi đến cuối năm tài chính 22 tuổi (dùng để tính con thứ ba)',
    'Do fim do ano fiscal dos 18 anos até o fim do ano fiscal dos 22 (contam para o adicional do terceiro filho)',
  ),
};

const note: FieldSpec = {
  key: 'jido-teate.note',
  type: 'note',
  section: 'other',
  maxLength: 400,
  label: text(
    '{備考|びこう}',
    'ほかに{伝|つた}えたいこと',
    'Remarks',
    '备注',
    '비고',
    'Ghi chú',
    'Observações',
  ),
};

const withSpouse = (v: ProcedureValues) => stringValue(v, 'hasSpouse') === 'yes';

export const jidoTeate: ProcedureDefinition = {
  id: 'jido-teate',
  name: PROCEDURE_NAMES['jido-teate'],
  description: text(
    '{高校生年代|こうこうせいねんだい}までの{児童|じどう}を{養育|よういく}している{人|ひと}が{児童手当|じどうてあて}を{請求|せいきゅう}します',
    '{高校生|こうこうせい}ぐらいまでの{子|こ}どもを{育|そだ}てている{人|ひと}がもらえるお{金|かね}です',
    'Claim child allowance if you bring up children up to high-school age',
    '抚养高中生年龄段以下儿童的人申请儿童津贴',
    '고등학생 연령대까지의 아동을 양육하는 사람이 아동수당을 청구합니다',
    'Người nuôi con đến độ tuổi trung học phổ thông yêu cầu trợ cấp nuôi con',
    'Quem cria crianças até a idade do ensino médio pede o abono',
  ),
  basis: '児童手当法 第7条（施行規則 第1条の4・様式第1号）',
  department: 'こども家庭課 児童手当係',
  myNumber: { basis: '番号法 第9条第1項・別表（児童手当法による児童手当の支給に関する事務）' },
  signature: 'visit',
  fields: [
    ...CLAIMANT_FIELDS,
    { name: 'pensionSystem', spec: pensionSystem, required: true },
    ...JAN1_FIELDS,
    { name: 'hasSpouse', spec: hasSpouse, required: true },
    ...spouseFields(withSpouse),
    ...askedWhen(withSpouse, { higherEarner }),
    { name: 'children', spec: children, required: true },
    { name: 'dependents', spec: dependents, required: false },
    ...bankFields(),
    { name: 'note', spec: note, required: false },
  ],
  rules: [
    {
      id: 'jido-teate-child-age',
      fields: ['children'],
      check: (v, today) => {
        const r = rowsOf(v, 'children').find(
          (x) => (fiscalYearEndAtAge(x.birthDate ?? '', 18) ?? today) < today,
        );
        return r
          ? `「${r.name}」は18歳の年度末（高校生年代）を過ぎています。大学生年代の子（22歳の年度末まで）なら下の「大学生年代の子」の欄に移してください。`
          : undefined;
      },
    },
    {
      id: 'jido-teate-dependent-age',
      fields: ['dependents'],
      check: (v, today) => {
        for (const r of rowsOf(v, 'dependents')) {
          const end18 = fiscalYearEndAtAge(r.birthDate ?? '', 18);
          const end22 = fiscalYearEndAtAge(r.birthDate ?? '', 22);
          if (end18 && end18 >= today)
            return `「${r.name}」はまだ高校生年代です。「児童」の欄に入れてください。`;
          if (end22 && end22 < today)
            return `「${r.name}」は22歳の年度末を過ぎているため、多子加算の数に入りません。行を消してください。`;
        }
        return undefined;
      },
    },
    ...childrenRules('jido-teate', { children: 'children', claimantBirthDate: 'birthDate' }),
    {
      id: 'jido-teate-dependents-not-children',
      fields: ['dependents'],
      check: (v) => {
        const inChildren = new Set(rowsOf(v, 'children').map((r) => `${r.name}|${r.birthDate}`));
        const r = rowsOf(v, 'dependents').find((x) => inChildren.has(`${x.name}|${x.birthDate}`));
        return r
          ? `「${r.name}」が「児童」と「大学生年代の子」の両方に入っています。どちらか一方にしてください。`
          : undefined;
      },
    },
    {
      id: 'jido-teate-public-servant',
      fields: ['pensionSystem'],
      check: (v) =>
        stringValue(v, 'pensionSystem') === PENSION_KYOSAI
          ? '公務員の児童手当は勤務先（所属庁）に請求します。勤務先の担当に申し出てください。'
          : undefined,
    },
    {
      id: 'jido-teate-higher-earner',
      fields: ['higherEarner'],
      check: (v) =>
        withSpouse(v) && stringValue(v, 'higherEarner') === 'spouse' && stringValue(v, 'note') === ''
          ? '児童手当は生計を主に支えている人（通常は所得の高い方）が請求します。配偶者が請求するか、請求者になる事情を備考に書いてください。'
          : undefined,
    },
    holderIsClaimantRule('jido-teate-holder', { holder: 'holderKana', claimantKana: 'nameKana' }),
  ],
  attachments: [
    { ...KAZEI_SHOMEI, when: '1月1日にほかの市区町村に住んでいた場合' },
    {
      id: 'juminhyo',
      name: text(
        '{児童|じどう}の{住民票|じゅうみんひょう}',
        '{子|こ}どもの{住民票|じゅうみんひょう}',
        "The child's certificate of residence",
        '儿童的住民票',
        '아동의 주민표',
        'Phiếu cư trú của trẻ',
        'Certificado de residência da criança',
      ),
      omittableByLinkage: true,
      when: '児童がほかの市区町村に住んでいる（別居している）場合',
    },
    {
      id: 'bekkyo-kango',
      name: text(
        '{別居監護申立書|べっきょかんごもうしたてしょ}',
        '{別|べつ}に{住|す}む{子|こ}どもを{育|そだ}てていることを{書|か}く{紙|かみ}',
        'Statement of caring for a child living elsewhere',
        '分居监护申报书',
        '별거 감호 신청서',
        'Bản khai nuôi con sống riêng',
        'Declaração de cuidado de filho que mora em outro lugar',
      ),
      omittableByLinkage: false,
      when: '児童と別居している場合',
    },
    {
      id: 'kango-sotou',
      name: text(
        '{監護相当|かんごそうとう}・{生計費|せいけいひ}の{負担|ふたん}についての{確認書|かくにんしょ}',
        '19～22{歳|さい}ぐらいの{子|こ}どもにお{金|かね}を{出|だ}していることを{書|か}く{紙|かみ}',
        'Confirmation of supporting children of university age',
        '关于监护及负担生活费的确认书',
        '감호 상당·생계비 부담에 관한 확인서',
        'Giấy xác nhận chu cấp cho con độ tuổi đại học',
        'Confirmação de sustento de filhos em idade universitária',
      ),
      omittableByLinkage: false,
      when: '大学生年代の子を多子加算に数える場合',
    },
    { ...CLAIMANT_TSUCHO, when: '公金受取口座を使わない場合（口座の確認のため）' },
  ],
  print: {
    title: '児童手当 認定請求書',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '請求者',
            rows: [
              [
                { field: 'name', span: 4 },
                { field: 'nameKana', span: 4 },
                { field: 'birthDate', span: 4 },
              ],
              [
                { field: 'myNumber', span: 6 },
                { field: 'phone', span: 6 },
              ],
              postalAddressRow(),
              [{ field: 'pensionSystem', span: 12 }],
              JAN1_PRINT_ROW,
            ],
          },
          {
            heading: '配偶者',
            rows: [
              [
                { field: 'hasSpouse', span: 3 },
                { field: 'spouseName', span: 3 },
                { field: 'spouseNameKana', span: 3 },
                { field: 'spouseBirthDate', span: 3 },
              ],
              [
                { field: 'spouseMyNumber', span: 6 },
                { field: 'higherEarner', span: 6 },
              ],
            ],
          },
          fieldSection('支給対象となる児童（18歳の年度末まで）', 'children'),
        ],
      },
      {
        sections: [
          fieldSection('多子加算の対象となる子（大学生年代）', 'dependents'),
          { heading: '振込先口座（請求者名義）', rows: BANK_PRINT_ROWS },
          fieldSection('備考', 'note'),
          signatureSection('請求者 署名'),
        ],
      },
    ],
    footnote: '児童手当法第7条の規定により、受給資格及び児童手当の額について認定を請求します。',
  },
};
