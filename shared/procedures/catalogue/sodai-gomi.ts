// 粗大ごみ収集申込 (ぴったりサービス common form #38): collection by appointment, paid by a
// 処理券 (sticker) per item under the city's 廃棄物 ordinance. The collection day must be a
// collection day within the booking window; items under the 家電リサイクル法 are not collected.

import { text } from '../../i18n/lang.ts';
import { addDays, parseIsoDate } from '../../wareki.ts';
import {
  applicantName,
  applicantNameKana,
  askedWhen,
  currentAddress,
  currentPostalCode,
  option,
  phone,
  rowsOf,
  stringValue,
} from '../fields.ts';
import { DETACHED_HOUSE } from '../fields-care.ts';
import { fieldSection, NAME_ROW, postalAddressRow, signatureSection } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, GroupSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';

/** Bookings open for the next 8 weeks (the collection calendar is fixed that far ahead). */
const BOOKING_WEEKS = 8;
/** Items per collection: one truck round per household. */
const MAX_ITEMS = 10;

const feeClass = (value: string, yen: string): ReturnType<typeof option> =>
  option(
    value,
    text(
      `${value}（${yen}{円|えん}）`,
      `${value}（${yen}{円|えん}）`,
      `${value} (¥${yen})`,
      `${value}（${yen}日元）`,
      `${value}(${yen}엔)`,
      `${value} (${yen} yên)`,
      `${value} (¥${yen})`,
    ),
  );

const items: GroupSpec = {
  key: 'sodai-gomi.items',
  type: 'group',
  section: 'other',
  minRows: 1,
  maxRows: 8,
  requiredColumns: ['name', 'quantity', 'fee'],
  columns: [
    {
      key: 'name',
      type: 'text',
      section: 'other',
      maxLength: 30,
      label: text(
        '{品目名|ひんもくめい}',
        '{出|だ}すもの',
        'Item',
        '物品名称',
        '품목명',
        'Tên đồ vật',
        'Item',
      ),
      help: text(
        '{例|れい}：{整理|せいり}たんす、{自転車|じてんしゃ}、ソファ（2{人掛|にんが}け）',
        'たとえば、たんす、{自転車|じてんしゃ}、ソファ',
        'E.g. chest of drawers, bicycle, two-seat sofa',
        '例：衣柜、自行车、双人沙发',
        '예: 서랍장, 자전거, 2인용 소파',
        'Ví dụ: tủ ngăn kéo, xe đạp, ghế sofa 2 chỗ',
        'Ex.: cômoda, bicicleta, sofá de dois lugares',
      ),
    },
    {
      key: 'quantity',
      type: 'integer',
      section: 'other',
      minValue: 1,
      maxValue: MAX_ITEMS,
      label: text('{数量|すうりょう}', 'いくつ', 'Quantity', '数量', '수량', 'Số lượng', 'Quantidade'),
    },
    {
      key: 'fee',
      type: 'choice',
      section: 'other',
      options: [feeClass('A', '400'), feeClass('B', '800'), feeClass('C', '1,200'), feeClass('D', '1,600')],
      label: text(
        '{手数料区分|てすうりょうくぶん}',
        'お{金|かね}のランク',
        'Fee class',
        '手续费等级',
        '수수료 구분',
        'Mức phí',
        'Classe da taxa',
      ),
    },
  ],
  label: text(
    '{出|だ}す{品目|ひんもく}',
    '{出|だ}すもの',
    'Items to collect',
    '要收集的物品',
    '배출 품목',
    'Đồ vật cần thu gom',
    'Itens para coleta',
  ),
};

const collectionDate: FieldSpec = {
  key: 'sodai-gomi.date',
  type: 'date',
  section: 'other',
  label: text(
    '{収集希望日|しゅうしゅうきぼうび}',
    '{取|と}りに{来|き}てほしい{日|ひ}',
    'Preferred collection day',
    '希望收集日期',
    '수거 희망일',
    'Ngày muốn thu gom',
    'Dia desejado para a coleta',
  ),
  help: text(
    'あすから8{週間|しゅうかん}{以内|いない}の{日曜|にちよう}と{年末年始|ねんまつねんし}を{除|のぞ}く{日|ひ}',
    'あしたから8{週間|しゅうかん}の{間|あいだ}。{日曜日|にちようび}はだめです',
    'Within the next 8 weeks, not on Sundays or New Year holidays',
    '明天起8周以内，星期日及年末年初除外',
    '내일부터 8주 이내, 일요일과 연말연시 제외',
    'Trong vòng 8 tuần từ ngày mai, trừ Chủ nhật và dịp Tết',
    'Nas próximas 8 semanas, exceto domingos e feriados de Ano-Novo',
  ),
};

const place: FieldSpec = {
  key: 'sodai-gomi.place',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'door',
      text(
        '{自宅|じたく}の{玄関前|げんかんまえ}',
        '{家|いえ}の{入|い}り{口|ぐち}の{前|まえ}',
        'In front of the entrance',
        '自家门口',
        '자택 현관 앞',
        'Trước cửa nhà',
        'Em frente à entrada',
      ),
    ),
    option(
      'collection-point',
      text(
        'いつものごみ{集積所|しゅうせきじょ}',
        'いつもごみを{出|だ}す{場所|ばしょ}',
        'The usual garbage point',
        '平时的垃圾收集点',
        '평소 쓰레기 집하장',
        'Điểm đổ rác thường ngày',
        'O ponto de lixo de costume',
      ),
    ),
    option(
      'other',
      text(
        'その{他|た}（{具体的|ぐたいてき}に）',
        'ほかの{場所|ばしょ}',
        'Elsewhere (describe)',
        '其他（请具体说明）',
        '기타(구체적으로)',
        'Nơi khác (ghi rõ)',
        'Outro local (descreva)',
      ),
    ),
  ],
  label: text(
    '{出|だ}す{場所|ばしょ}',
    'どこに{出|だ}しますか',
    'Where the items will be put out',
    '放置地点',
    '배출 장소',
    'Nơi để đồ',
    'Onde os itens serão colocados',
  ),
};

const placeDetail: FieldSpec = {
  key: 'sodai-gomi.placeDetail',
  type: 'text',
  section: 'other',
  maxLength: 60,
  label: text(
    '{出|だ}す{場所|ばしょ}（くわしく）',
    '{場所|ばしょ}をくわしく',
    'Place (details)',
    '放置地点（详情）',
    '배출 장소(상세)',
    'Nơi để (chi tiết)',
    'Local (detalhes)',
  ),
};

const housing: FieldSpec = {
  key: 'sodai-gomi.housing',
  type: 'choice',
  section: 'other',
  options: [
    DETACHED_HOUSE,
    option(
      'apartment',
      text(
        '{集合住宅|しゅうごうじゅうたく}',
        'マンション・アパート',
        'Apartment building',
        '集合住宅（公寓）',
        '공동주택',
        'Chung cư',
        'Prédio de apartamentos',
      ),
    ),
  ],
  label: text(
    '{住居|じゅうきょ}の{種類|しゅるい}',
    '{家|いえ}の{種類|しゅるい}',
    'Type of home',
    '住宅类型',
    '주거 종류',
    'Loại nhà ở',
    'Tipo de moradia',
  ),
};

const room: FieldSpec = {
  key: 'sodai-gomi.room',
  type: 'text',
  section: 'other',
  maxLength: 20,
  label: text(
    '{部屋番号|へやばんごう}',
    '{部屋|へや}の{番号|ばんごう}',
    'Room number',
    '房间号',
    '호수',
    'Số phòng',
    'Número do apartamento',
  ),
};

// Not collected as 粗大ごみ: 家電リサイクル法 (エアコン・テレビ・冷蔵庫・冷凍庫・洗濯機・衣類乾燥機)
// and パソコン (資源有効利用促進法, the maker takes it back). Furniture named after them
// (テレビ台, パソコンデスク) is ordinary bulky waste.
const NOT_COLLECTED =
  /(エアコン|テレビ|冷蔵庫|冷凍庫|洗濯機|衣類乾燥機|パソコン)(?!台|ボード|ラック|デスク|チェア|スタンド|カバー)/u;

const isApartment = (v: ProcedureValues) => stringValue(v, 'housing') === 'apartment';
const otherPlace = (v: ProcedureValues) => stringValue(v, 'place') === 'other';

export const sodaiGomi: ProcedureDefinition = {
  id: 'sodai-gomi',
  name: PROCEDURE_NAMES['sodai-gomi'],
  description: text(
    '{家具|かぐ}や{自転車|じてんしゃ}などの{粗大|そだい}ごみを{有料|ゆうりょう}で{収集|しゅうしゅう}します（{処理券|しょりけん}を{貼|は}って{出|だ}します）',
    '{家具|かぐ}など{大|おお}きいごみを、お{金|かね}をはらって{取|と}りに{来|き}てもらいます',
    'Paid collection of furniture, bicycles and other bulky waste (put a fee sticker on each item)',
    '有偿收集家具、自行车等大件垃圾（贴上处理券后放出）',
    '가구·자전거 등 대형 쓰레기를 유료로 수거합니다(처리권을 붙여 배출)',
    'Thu gom có phí đồ nội thất, xe đạp… (dán phiếu xử lý lên từng món)',
    'Coleta paga de móveis, bicicletas e outros volumosos (cole o selo de taxa em cada item)',
  ),
  basis:
    '廃棄物の処理及び清掃に関する法律 第6条の2、市廃棄物の処理及び清掃に関する条例（粗大ごみ処理手数料）',
  department: '環境課 清掃事務所',
  signature: 'visit',
  fields: [
    { name: 'name', spec: applicantName, required: true },
    { name: 'nameKana', spec: applicantNameKana, required: false },
    { name: 'postalCode', spec: currentPostalCode, required: false },
    { name: 'address', spec: currentAddress, required: true },
    {
      name: 'phone',
      spec: phone,
      required: true,
      label: text(
        '{当日|とうじつ}の{連絡先|れんらくさき}（{電話番号|でんわばんごう}）',
        '{電話番号|でんわばんごう}（その{日|ひ}に{連絡|れんらく}がとれる）',
        'Phone number on the day',
        '当天的联系电话',
        '당일 연락처(전화번호)',
        'Số điện thoại liên lạc trong ngày',
        'Telefone para contato no dia',
      ),
    },
    { name: 'housing', spec: housing, required: true },
    ...askedWhen(isApartment, { room }),
    { name: 'items', spec: items, required: true },
    { name: 'date', spec: collectionDate, required: true },
    { name: 'place', spec: place, required: true },
    ...askedWhen(otherPlace, { placeDetail }),
  ],
  rules: [
    {
      id: 'sodai-gomi-booking-window',
      fields: ['date'],
      check: (v, today) => {
        const d = stringValue(v, 'date');
        const last = addDays(today, BOOKING_WEEKS * 7);
        if (d <= today) return '収集希望日は明日以降の日にしてください（当日の収集はできません）。';
        return d > last ? `収集希望日は${BOOKING_WEEKS}週間先（${last}）までの日にしてください。` : undefined;
      },
    },
    {
      id: 'sodai-gomi-no-sunday',
      fields: ['date'],
      check: (v) => {
        const d = parseIsoDate(stringValue(v, 'date'));
        if (!d) return undefined;
        return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() === 0
          ? '日曜日は収集がありません。月曜日から土曜日の日を選んでください。'
          : undefined;
      },
    },
    {
      id: 'sodai-gomi-year-end',
      fields: ['date'],
      check: (v) => {
        const md = stringValue(v, 'date').slice(5);
        return md >= '12-29' || md <= '01-03'
          ? '12月29日から1月3日までは収集がありません。ほかの日を選んでください。'
          : undefined;
      },
    },
    {
      id: 'sodai-gomi-item-count',
      fields: ['items'],
      check: (v) => {
        const total = rowsOf(v, 'items').reduce((n, r) => n + Number(r.quantity ?? 0), 0);
        return total > MAX_ITEMS
          ? `1回の申込は合計${MAX_ITEMS}点までです（いま${total}点）。残りは別の日に申し込んでください。`
          : undefined;
      },
    },
    {
      id: 'sodai-gomi-recycling-items',
      fields: ['items'],
      check: (v) => {
        const banned = rowsOf(v, 'items').find((r) => NOT_COLLECTED.test(r.name ?? ''));
        return banned
          ? `「${banned.name}」は粗大ごみでは出せません（家電リサイクル法・パソコンはメーカー回収）。購入した店か指定引取場所を案内し、品目から外してください。`
          : undefined;
      },
    },
  ],
  attachments: [
    {
      id: 'shoriken',
      name: text(
        '{粗大|そだい}ごみ{処理券|しょりけん}（{品目|ひんもく}ごとに{貼|は}る）',
        'お{金|かね}をはらったシール（{処理券|しょりけん}）',
        'Bulky-waste fee stickers (one on each item)',
        '大件垃圾处理券（每件物品贴一张）',
        '대형 쓰레기 처리권(품목마다 부착)',
        'Phiếu xử lý rác cồng kềnh (dán lên từng món)',
        'Selos de taxa de lixo volumoso (um em cada item)',
      ),
      omittableByLinkage: false,
      when: '収集日の朝までに手数料区分の処理券を買い、品目に貼って出す（窓口には提出しない）',
    },
  ],
  print: {
    title: '粗大ごみ収集申込書',
    addressee: '清掃事務所長 あて',
    pages: [
      {
        sections: [
          {
            heading: '申込者',
            rows: [
              NAME_ROW,
              postalAddressRow(),
              [
                { field: 'phone', span: 5 },
                { field: 'housing', span: 4 },
                { field: 'room', span: 3 },
              ],
            ],
          },
          {
            heading: '収集',
            rows: [
              [
                { field: 'date', span: 4 },
                { field: 'place', span: 4 },
                { field: 'placeDetail', span: 4 },
              ],
            ],
          },
          fieldSection('品目（1回10点まで）', 'items'),
          signatureSection('申込者 署名'),
        ],
      },
    ],
    footnote: 'エアコン・テレビ・冷蔵庫（冷凍庫）・洗濯機（衣類乾燥機）・パソコンは収集できません。',
  },
};
