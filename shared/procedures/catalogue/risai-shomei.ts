// 罹災証明書交付申請書 (災害対策基本法 第90条の2): the municipality surveys the damaged 住家 and
// certifies the degree of damage; insurers, the 被災者生活再建支援金 and tax relief ask for it
// (ぴったりサービス common form #27). The damaged house may not be where the applicant now lives
// (evacuated, or an owner living elsewhere), so its address is its own field, defaulting to the
// applicant's address.
import { text } from '../../i18n/lang.ts';
import {
  applicantBirthDate,
  applicantName,
  applicantNameKana,
  askedWhen,
  currentAddress,
  currentPostalCode,
  flagsOf,
  option,
  phone,
  stringValue,
} from '../fields.ts';
import { agentFields, DETACHED_HOUSE } from '../fields-care.ts';
import { signatureRow } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';

// The その他 choice of the form's lists (cause, house, damage, purpose).
const OTHER = option('other', text('その{他|た}', 'ほか', 'Other', '其他', '기타', 'Khác', 'Outro'));

const disasterDate: FieldSpec = {
  key: 'risai-shomei.disasterDate',
  type: 'date',
  section: 'disaster',
  min: { daysFromToday: -1095 },
  max: { daysFromToday: 0 },
  label: text(
    '{被災日|ひさいび}',
    '{災害|さいがい}にあった{日|ひ}',
    'Date of the disaster',
    '受灾日期',
    '피해일',
    'Ngày bị thiệt hại',
    'Data do desastre',
  ),
};

const disasterName: FieldSpec = {
  key: 'risai-shomei.disasterName',
  type: 'text',
  section: 'disaster',
  maxLength: 60,
  label: text(
    '{災害名|さいがいめい}',
    '{災害|さいがい}の{名前|なまえ}',
    'Name of the disaster',
    '灾害名称',
    '재해명',
    'Tên thảm họa',
    'Nome do desastre',
  ),
  help: text(
    '{例|れい}：{令和|れいわ}8{年台風第|ねんたいふうだい}10{号|ごう}、{令和|れいわ}8{年|ねん}7{月豪雨|がつごうう}',
    'たとえば「{台風|たいふう}10{号|ごう}」',
    'E.g. Typhoon No. 10 of 2026, heavy rain of July 2026',
    '例：令和8年第10号台风、令和8年7月暴雨',
    '예: 2026년 태풍 제10호, 2026년 7월 호우',
    'Ví dụ: bão số 10 năm 2026, mưa lớn tháng 7 năm 2026',
    'Ex.: tufão nº 10 de 2026, chuvas fortes de julho de 2026',
  ),
};

const cause: FieldSpec = {
  key: 'risai-shomei.cause',
  type: 'choice',
  section: 'disaster',
  options: [
    option(
      'earthquake',
      text('{地震|じしん}', '{地震|じしん}', 'Earthquake', '地震', '지진', 'Động đất', 'Terremoto'),
    ),
    option(
      'storm-flood',
      text(
        '{風水害|ふうすいがい}（{台風|たいふう}・{豪雨|ごうう}・{洪水|こうずい}）',
        '{台風|たいふう}・{大雨|おおあめ}・{洪水|こうずい}',
        'Storm or flood (typhoon, heavy rain)',
        '风灾水灾（台风、暴雨、洪水）',
        '풍수해(태풍·호우·홍수)',
        'Bão lũ (bão, mưa lớn, lũ lụt)',
        'Tempestade ou inundação (tufão, chuva forte)',
      ),
    ),
    option(
      'landslide',
      text(
        '{土砂災害|どしゃさいがい}',
        '{土砂崩|どしゃくず}れ',
        'Landslide',
        '泥石流灾害',
        '토사 재해',
        'Sạt lở đất',
        'Deslizamento de terra',
      ),
    ),
    option('fire', text('{火災|かさい}', '{火事|かじ}', 'Fire', '火灾', '화재', 'Hỏa hoạn', 'Incêndio')),
    option(
      'snow',
      text(
        '{雪害|せつがい}',
        '{雪|ゆき}の{被害|ひがい}',
        'Snow damage',
        '雪灾',
        '설해',
        'Thiệt hại do tuyết',
        'Danos por neve',
      ),
    ),
    OTHER,
  ],
  label: text(
    '{災害|さいがい}の{原因|げんいん}',
    '{何|なに}の{災害|さいがい}ですか',
    'Cause of the damage',
    '灾害原因',
    '재해 원인',
    'Nguyên nhân thiệt hại',
    'Causa dos danos',
  ),
};

const houseAddress: FieldSpec = {
  key: 'risai-shomei.houseAddress',
  type: 'address',
  section: 'disaster',
  maxLength: 200,
  derive: (a) => {
    const here = a['applicant.address'];
    return typeof here === 'string' && here !== '' ? here : undefined;
  },
  label: text(
    '{被災|ひさい}した{住家|じゅうか}の{所在地|しょざいち}',
    '{被害|ひがい}にあった{家|いえ}の{住所|じゅうしょ}',
    'Address of the damaged house',
    '受灾住房的地址',
    '피해 주택 소재지',
    'Địa chỉ ngôi nhà bị thiệt hại',
    'Endereço da casa danificada',
  ),
  help: text(
    '{避難|ひなん}などで{今|いま}の{住所|じゅうしょ}と{違|ちが}うときは{直|なお}してください',
    'いまの{住所|じゅうしょ}と{違|ちが}うときは{直|なお}します',
    'Correct it if it differs from your current address (e.g. you evacuated)',
    '因避难等与现住址不同时请修改',
    '피난 등으로 현재 주소와 다르면 고쳐 주세요',
    'Hãy sửa nếu khác địa chỉ hiện tại (ví dụ đang sơ tán)',
    'Corrija se for diferente do endereço atual (por exemplo, se evacuou)',
  ),
};

const houseType: FieldSpec = {
  key: 'risai-shomei.houseType',
  type: 'choice',
  section: 'disaster',
  options: [
    DETACHED_HOUSE,
    option(
      'apartment',
      text(
        '{集合住宅|しゅうごうじゅうたく}（マンション・アパート）',
        'マンション・アパート',
        'Apartment building',
        '集合住宅（公寓）',
        '공동주택(맨션·아파트)',
        'Chung cư, nhà tập thể',
        'Prédio de apartamentos',
      ),
    ),
    OTHER,
  ],
  label: text(
    '{住家|じゅうか}の{種類|しゅるい}',
    '{家|いえ}の{種類|しゅるい}',
    'Type of house',
    '住房类型',
    '주택 종류',
    'Loại nhà',
    'Tipo de moradia',
  ),
};

const relation: FieldSpec = {
  key: 'risai-shomei.relation',
  type: 'flags',
  section: 'disaster',
  options: [
    option(
      'owner',
      text(
        '{所有者|しょゆうしゃ}',
        '{家|いえ}の{持|も}ち{主|ぬし}',
        'Owner',
        '所有人',
        '소유자',
        'Chủ sở hữu',
        'Proprietário',
      ),
    ),
    option(
      'resident',
      text(
        '{居住者|きょじゅうしゃ}',
        'そこに{住|す}んでいる',
        'Resident',
        '居住者',
        '거주자',
        'Người cư trú',
        'Morador',
      ),
    ),
  ],
  label: text(
    '{申請者|しんせいしゃ}と{住家|じゅうか}の{関係|かんけい}',
    'あなたとその{家|いえ}の{関係|かんけい}',
    'Your relation to the house',
    '申请人与住房的关系',
    '신청자와 주택의 관계',
    'Quan hệ của bạn với ngôi nhà',
    'Sua relação com a casa',
  ),
};

const ownerName: FieldSpec = {
  key: 'risai-shomei.ownerName',
  type: 'text',
  section: 'disaster',
  maxLength: 60,
  label: text(
    '{住家|じゅうか}の{所有者|しょゆうしゃ}の{氏名|しめい}',
    '{家|いえ}の{持|も}ち{主|ぬし}の{名前|なまえ}',
    "Owner's name",
    '住房所有人姓名',
    '주택 소유자 성명',
    'Họ tên chủ nhà',
    'Nome do proprietário',
  ),
};

// 被害の程度 as the 災害に係る住家の被害認定基準 grades it; the survey decides, the applicant's
// view helps plan it. One grade at most, and 床上・床下浸水 exclude each other.
const DEGREES = ['zenkai', 'daikibo-hankai', 'chukibo-hankai', 'hankai', 'jun-hankai', 'ichibu-sonkai'];
const FLOODING = ['yukaue', 'yukashita'];

const damage: FieldSpec = {
  key: 'risai-shomei.damage',
  type: 'flags',
  section: 'disaster',
  options: [
    option(
      'zenkai',
      text(
        '{全壊|ぜんかい}',
        '{全部|ぜんぶ}こわれた（{全壊|ぜんかい}）',
        'Completely destroyed',
        '全毁',
        '전파',
        'Sập hoàn toàn',
        'Destruição total',
      ),
    ),
    option(
      'daikibo-hankai',
      text(
        '{大規模半壊|だいきぼはんかい}',
        'とても{大|おお}きくこわれた（{大規模半壊|だいきぼはんかい}）',
        'Large-scale half destroyed',
        '大规模半毁',
        '대규모 반파',
        'Hư hại nửa quy mô lớn',
        'Semidestruição em grande escala',
      ),
    ),
    option(
      'chukibo-hankai',
      text(
        '{中規模半壊|ちゅうきぼはんかい}',
        '{大|おお}きくこわれた（{中規模半壊|ちゅうきぼはんかい}）',
        'Medium-scale half destroyed',
        '中规模半毁',
        '중규모 반파',
        'Hư hại nửa quy mô vừa',
        'Semidestruição em média escala',
      ),
    ),
    option(
      'hankai',
      text(
        '{半壊|はんかい}',
        '{半分|はんぶん}ぐらいこわれた（{半壊|はんかい}）',
        'Half destroyed',
        '半毁',
        '반파',
        'Hư hại một nửa',
        'Semidestruição',
      ),
    ),
    option(
      'jun-hankai',
      text(
        '{準半壊|じゅんはんかい}',
        'すこし{多|おお}くこわれた（{準半壊|じゅんはんかい}）',
        'Nearly half destroyed',
        '准半毁',
        '준반파',
        'Gần nửa hư hại',
        'Quase semidestruição',
      ),
    ),
    option(
      'ichibu-sonkai',
      text(
        '{一部損壊|いちぶそんかい}（{準半壊|じゅんはんかい}に{至|いた}らない）',
        'すこしこわれた（{一部損壊|いちぶそんかい}）',
        'Partly damaged',
        '部分损坏（未达准半毁）',
        '일부 손괴(준반파 미만)',
        'Hư hại một phần',
        'Danos parciais',
      ),
    ),
    option(
      'yukaue',
      text(
        '{床上浸水|ゆかうえしんすい}',
        '{床|ゆか}の{上|うえ}まで{水|みず}が{来|き}た',
        'Flooded above floor level',
        '地板以上进水',
        '침수(마루 위)',
        'Ngập trên sàn nhà',
        'Inundação acima do piso',
      ),
    ),
    option(
      'yukashita',
      text(
        '{床下浸水|ゆかしたしんすい}',
        '{床|ゆか}の{下|した}まで{水|みず}が{来|き}た',
        'Flooded below floor level',
        '地板以下进水',
        '침수(마루 아래)',
        'Ngập dưới sàn nhà',
        'Inundação abaixo do piso',
      ),
    ),
    OTHER,
  ],
  label: text(
    '{被害|ひがい}の{程度|ていど}（{申請者|しんせいしゃ}の{見立|みた}て）',
    'どのくらいこわれましたか',
    'Extent of damage (your own view)',
    '受灾程度（申请人的判断）',
    '피해 정도(신청자 판단)',
    'Mức độ thiệt hại (theo bạn đánh giá)',
    'Extensão dos danos (sua avaliação)',
  ),
  help: text(
    '{最終的|さいしゅうてき}な{判定|はんてい}は{市|し}の{調査|ちょうさ}で{決|き}まります',
    '{本当|ほんとう}の{判定|はんてい}は{市|し}が{調|しら}べて{決|き}めます',
    'The final grade is decided by the city’s survey',
    '最终判定以市的调查为准',
    '최종 판정은 시의 조사로 정해집니다',
    'Mức độ chính thức do thành phố khảo sát và quyết định',
    'A classificação final é decidida pela vistoria da prefeitura',
  ),
};

const damageDetail: FieldSpec = {
  key: 'risai-shomei.damageDetail',
  type: 'note',
  section: 'disaster',
  maxLength: 400,
  label: text(
    '{被害|ひがい}の{状況|じょうきょう}',
    'どこがどうこわれましたか',
    'Description of the damage',
    '受灾情况',
    '피해 상황',
    'Mô tả thiệt hại',
    'Descrição dos danos',
  ),
};

const photos: FieldSpec = {
  key: 'risai-shomei.photos',
  type: 'choice',
  section: 'disaster',
  options: [
    option(
      'yes',
      text(
        'あり（{提出|ていしゅつ}する）',
        'ある',
        'Yes, submitted',
        '有（提交）',
        '있음(제출)',
        'Có (nộp kèm)',
        'Sim (entregues)',
      ),
    ),
    option('no', text('なし', 'ない', 'No', '无', '없음', 'Không', 'Não')),
  ],
  label: text(
    '{被害|ひがい}の{写真|しゃしん}',
    'こわれたところの{写真|しゃしん}',
    'Photos of the damage',
    '受灾照片',
    '피해 사진',
    'Ảnh chụp thiệt hại',
    'Fotos dos danos',
  ),
};

const photoCount: FieldSpec = {
  key: 'risai-shomei.photoCount',
  type: 'integer',
  section: 'disaster',
  minValue: 1,
  maxValue: 100,
  label: text(
    '{写真|しゃしん}の{枚数|まいすう}',
    '{写真|しゃしん}は{何枚|なんまい}ですか',
    'Number of photos',
    '照片张数',
    '사진 매수',
    'Số ảnh',
    'Número de fotos',
  ),
};

const copies: FieldSpec = {
  key: 'risai-shomei.copies',
  type: 'integer',
  section: 'disaster',
  minValue: 1,
  maxValue: 10,
  label: text(
    '{必要|ひつよう}な{通数|つうすう}',
    '{何枚|なんまい}いりますか',
    'Number of copies',
    '所需份数',
    '필요한 통수',
    'Số bản cần',
    'Número de vias',
  ),
};

const purpose: FieldSpec = {
  key: 'risai-shomei.purpose',
  type: 'flags',
  section: 'disaster',
  options: [
    option(
      'insurance',
      text(
        '{保険金|ほけんきん}・{共済金|きょうさいきん}の{請求|せいきゅう}',
        '{保険|ほけん}のお{金|かね}をもらう',
        'Insurance claim',
        '申请保险金或共济金',
        '보험금·공제금 청구',
        'Yêu cầu bảo hiểm',
        'Pedido de seguro',
      ),
    ),
    option(
      'shien',
      text(
        '{被災者生活再建支援金|ひさいしゃせいかつさいけんしえんきん}',
        '{生活|せいかつ}を{立|た}て{直|なお}すお{金|かね}',
        'Livelihood recovery support payment',
        '受灾者生活重建支援金',
        '피재자 생활재건 지원금',
        'Tiền hỗ trợ tái thiết cuộc sống',
        'Auxílio para reconstrução da vida',
      ),
    ),
    option(
      'tax',
      text(
        '{税|ぜい}・{保険料|ほけんりょう}の{減免|げんめん}',
        '{税金|ぜいきん}などを{安|やす}くする',
        'Tax or premium relief',
        '减免税费和保险费',
        '세금·보험료 감면',
        'Giảm, miễn thuế và phí bảo hiểm',
        'Redução de impostos ou contribuições',
      ),
    ),
    option(
      'repair',
      text(
        '{住宅|じゅうたく}の{応急修理|おうきゅうしゅうり}',
        '{家|いえ}をいそいで{直|なお}す',
        'Emergency house repair',
        '住房应急修理',
        '주택 응급수리',
        'Sửa chữa khẩn cấp nhà ở',
        'Reparo emergencial da casa',
      ),
    ),
    option(
      'housing',
      text(
        '{応急仮設住宅|おうきゅうかせつじゅうたく}への{入居|にゅうきょ}',
        '{仮|かり}の{家|いえ}に{住|す}む',
        'Temporary housing',
        '入住应急临时住房',
        '응급가설주택 입주',
        'Vào nhà tạm',
        'Moradia temporária',
      ),
    ),
    option(
      'employer',
      text(
        '{勤務先|きんむさき}への{提出|ていしゅつ}',
        '{会社|かいしゃ}に{出|だ}す',
        'For the employer',
        '提交给工作单位',
        '근무처 제출',
        'Nộp cho nơi làm việc',
        'Para o empregador',
      ),
    ),
    OTHER,
  ],
  // Not just 使用目的: the 住民票 request asks its own, and one visit may hold both.
  label: text(
    '{罹災証明書|りさいしょうめいしょ}の{使用目的|しようもくてき}',
    '{証明書|しょうめいしょ}を{何|なに}に{使|つか}いますか',
    'What the certificate is for',
    '受灾证明书的用途',
    '이재증명서 사용 목적',
    'Mục đích sử dụng giấy chứng nhận',
    'Finalidade da certidão',
  ),
};

const purposeOther: FieldSpec = {
  key: 'risai-shomei.purposeOther',
  type: 'text',
  section: 'disaster',
  maxLength: 60,
  label: text(
    'その{他|た}の{使用目的|しようもくてき}',
    'ほかの{使|つか}い{道|みち}',
    'Other purpose',
    '其他使用目的',
    '기타 사용 목적',
    'Mục đích khác',
    'Outra finalidade',
  ),
};

const delivery: FieldSpec = {
  key: 'risai-shomei.delivery',
  type: 'choice',
  section: 'disaster',
  options: [
    option(
      'counter',
      text(
        '{窓口|まどぐち}で{受|う}け{取|と}る',
        '{市役所|しやくしょ}で{受|う}け{取|と}る',
        'Collect at the counter',
        '在窗口领取',
        '창구에서 수령',
        'Nhận tại quầy',
        'Retirar no balcão',
      ),
    ),
    option(
      'mail',
      text(
        '{郵送|ゆうそう}（{住所|じゅうしょ}あて）',
        '{家|いえ}に{送|おく}ってもらう',
        'By mail to my address',
        '邮寄（寄往住址）',
        '우편(주소로)',
        'Gửi bưu điện về địa chỉ',
        'Pelo correio (para meu endereço)',
      ),
    ),
  ],
  label: text(
    '{受|う}け{取|と}り{方法|ほうほう}',
    '{受|う}け{取|と}り{方|かた}',
    'How to receive it',
    '领取方式',
    '수령 방법',
    'Cách nhận',
    'Forma de recebimento',
  ),
};

const applicantIs: FieldSpec = {
  key: 'risai-shomei.applicantIs',
  type: 'choice',
  section: 'disaster',
  options: [
    option(
      'self',
      text(
        '{本人|ほんにん}（{被災|ひさい}した{世帯|せたい}の{世帯主|せたいぬし}など）',
        '{自分|じぶん}',
        'Myself (e.g. head of the affected household)',
        '本人（受灾户户主等）',
        '본인(피해 세대의 세대주 등)',
        'Bản thân (chủ hộ bị thiệt hại…)',
        'Eu mesmo (chefe do domicílio atingido etc.)',
      ),
    ),
    option(
      'family',
      text(
        '{同|おな}じ{世帯|せたい}の{家族|かぞく}',
        'いっしょに{住|す}む{家族|かぞく}',
        'A family member of the same household',
        '同一户的家属',
        '같은 세대의 가족',
        'Người nhà cùng hộ',
        'Familiar do mesmo domicílio',
      ),
    ),
    option(
      'agent',
      text(
        '{代理人|だいりにん}（{委任状|いにんじょう}あり）',
        '{頼|たの}まれた{人|ひと}（{委任状|いにんじょう}がある）',
        'Agent (with a letter of proxy)',
        '代理人（有委托书）',
        '대리인(위임장 있음)',
        'Người đại diện (có giấy ủy quyền)',
        'Representante (com procuração)',
      ),
    ),
  ],
  label: text(
    '{窓口|まどぐち}に{来|き}た{方|かた}',
    'きょう{来|き}た{人|ひと}',
    'Who is at the counter',
    '来窗口的人',
    '창구에 온 분',
    'Người đến quầy',
    'Quem está no balcão',
  ),
};

const notOwner = (v: ProcedureValues) =>
  stringValue(v, 'relation') !== '' && !flagsOf(v, 'relation').includes('owner');
const otherDamage = (v: ProcedureValues) => flagsOf(v, 'damage').includes('other');
const hasPhotos = (v: ProcedureValues) => stringValue(v, 'photos') === 'yes';
const otherPurpose = (v: ProcedureValues) => flagsOf(v, 'purpose').includes('other');
const byOther = (v: ProcedureValues) =>
  stringValue(v, 'applicantIs') !== '' && stringValue(v, 'applicantIs') !== 'self';

export const risaiShomei: ProcedureDefinition = {
  id: 'risai-shomei',
  name: PROCEDURE_NAMES['risai-shomei'],
  description: text(
    '{災害|さいがい}で{被害|ひがい}を{受|う}けた{住家|じゅうか}の{被害|ひがい}の{程度|ていど}を{証明|しょうめい}します（{保険|ほけん}・{支援金|しえんきん}・{減免|げんめん}の{申請|しんせい}に{使|つか}います）',
    '{災害|さいがい}で{家|いえ}がどのくらいこわれたかを{市|し}が{証明|しょうめい}します',
    'The city certifies how badly your house was damaged (for insurance, support payments and relief)',
    '证明因灾害受损住房的受灾程度（用于保险、支援金、减免申请）',
    '재해로 피해를 입은 주택의 피해 정도를 증명합니다(보험·지원금·감면 신청에 사용)',
    'Thành phố chứng nhận mức độ thiệt hại của nhà (dùng cho bảo hiểm, tiền hỗ trợ, giảm miễn)',
    'A prefeitura certifica o grau de dano da casa (para seguro, auxílios e reduções)',
  ),
  basis: '災害対策基本法 第90条の2',
  department: '税務課 家屋係（罹災証明担当）',
  signature: 'visit',
  fields: [
    { name: 'name', spec: applicantName, required: true },
    { name: 'nameKana', spec: applicantNameKana, required: true },
    { name: 'birthDate', spec: applicantBirthDate, required: true },
    { name: 'postalCode', spec: currentPostalCode, required: true },
    { name: 'address', spec: currentAddress, required: true },
    { name: 'phone', spec: phone, required: true },
    { name: 'disasterDate', spec: disasterDate, required: true },
    { name: 'disasterName', spec: disasterName, required: true },
    { name: 'cause', spec: cause, required: true },
    { name: 'houseAddress', spec: houseAddress, required: true },
    { name: 'houseType', spec: houseType, required: true },
    { name: 'relation', spec: relation, required: true },
    ...askedWhen(notOwner, { ownerName }),
    { name: 'damage', spec: damage, required: true },
    { name: 'damageDetail', spec: damageDetail, required: false, requiredIf: otherDamage },
    { name: 'photos', spec: photos, required: true },
    ...askedWhen(hasPhotos, { photoCount }),
    { name: 'copies', spec: copies, required: true },
    { name: 'purpose', spec: purpose, required: true },
    ...askedWhen(otherPurpose, { purposeOther }),
    { name: 'delivery', spec: delivery, required: true },
    { name: 'applicantIs', spec: applicantIs, required: true },
    ...agentFields(byOther),
  ],
  rules: [
    {
      id: 'risai-shomei-one-degree',
      fields: ['damage'],
      check: (v) =>
        flagsOf(v, 'damage').filter((d) => DEGREES.includes(d)).length > 1
          ? '被害の程度（全壊～一部損壊）は1つだけ選んでください。迷うときは重いほうを選び、状況を「被害の状況」に書いてください。'
          : undefined,
    },
    {
      id: 'risai-shomei-flooding',
      fields: ['damage'],
      check: (v) =>
        FLOODING.every((f) => flagsOf(v, 'damage').includes(f))
          ? '床上浸水と床下浸水は両方は選べません。水が床より上まで来たときは「床上浸水」だけを選んでください。'
          : undefined,
    },
    {
      id: 'risai-shomei-agent-is-other',
      fields: ['agentName'],
      check: (v) =>
        byOther(v) && stringValue(v, 'agentName') === stringValue(v, 'name')
          ? '窓口に来た方の氏名が申請者と同じです。本人が来たときは「本人」を選び、家族・代理人のときはその方の氏名を入力してください。'
          : undefined,
    },
    {
      id: 'risai-shomei-owner-is-other',
      fields: ['ownerName'],
      check: (v) =>
        notOwner(v) && stringValue(v, 'ownerName') === stringValue(v, 'name')
          ? '所有者の氏名が申請者と同じです。申請者が所有者なら「所有者」にも印を付け、所有者欄は空にしてください。'
          : undefined,
    },
  ],
  attachments: [
    {
      id: 'higai-shashin',
      name: text(
        '{被害|ひがい}の{状況|じょうきょう}がわかる{写真|しゃしん}',
        'こわれたところの{写真|しゃしん}',
        'Photos showing the damage',
        '显示受灾情况的照片',
        '피해 상황을 알 수 있는 사진',
        'Ảnh cho thấy thiệt hại',
        'Fotos que mostrem os danos',
      ),
      omittableByLinkage: false,
      when: '写真があるとき（外観4面と被害箇所。写真で判定できる場合は現地調査を省略できます）',
    },
    {
      id: 'ininjo',
      name: text(
        '{委任状|いにんじょう}',
        '{頼|たの}んだことを{書|か}いた{紙|かみ}（{委任状|いにんじょう}）',
        'Letter of proxy',
        '委托书',
        '위임장',
        'Giấy ủy quyền',
        'Procuração',
      ),
      omittableByLinkage: false,
      when: '同じ世帯の家族以外の代理人が申請するとき',
    },
    {
      id: 'honnin-kakunin',
      name: text(
        '{窓口|まどぐち}に{来|き}た{方|かた}の{本人確認書類|ほんにんかくにんしょるい}',
        'きょう{来|き}た{人|ひと}の{身分証|みぶんしょう}',
        'Proof of identity of the person at the counter',
        '来窗口者的身份证明文件',
        '창구에 온 분의 본인확인 서류',
        'Giấy tờ tùy thân của người đến quầy',
        'Documento de identidade de quem está no balcão',
      ),
      omittableByLinkage: false,
    },
  ],
  // Headings run down the left edge: short; when a box applies (本人以外のとき) its label says.
  print: {
    title: '罹災証明書交付申請書',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '申請者',
            rows: [
              [
                { field: 'name', span: 4, label: '氏名（被災者）' },
                { field: 'nameKana', span: 4 },
                { field: 'birthDate', span: 4 },
              ],
              [
                { field: 'postalCode', span: 3 },
                { field: 'address', span: 6 },
                { field: 'phone', span: 3, label: '電話番号' },
              ],
            ],
          },
          {
            heading: '災害',
            rows: [
              [
                { field: 'disasterDate', span: 3 },
                { field: 'disasterName', span: 4 },
                { field: 'cause', span: 5 },
              ],
            ],
          },
          {
            heading: '住家',
            rows: [
              [
                { field: 'houseAddress', span: 7 },
                { field: 'houseType', span: 5 },
              ],
              [
                { field: 'relation', span: 5 },
                { field: 'ownerName', span: 7, label: '所有者の氏名（申請者が所有者でないとき）' },
              ],
            ],
          },
          {
            heading: '被害',
            rows: [
              [{ field: 'damage', span: 12 }],
              [{ field: 'damageDetail', span: 12 }],
              [
                { field: 'photos', span: 7 },
                { field: 'photoCount', span: 5 },
              ],
            ],
          },
          {
            heading: '証明書',
            rows: [
              [{ field: 'purpose', span: 12, label: '使用目的' }],
              [
                { field: 'purposeOther', span: 5 },
                { field: 'copies', span: 2 },
                { field: 'delivery', span: 5 },
              ],
            ],
          },
          {
            heading: '来庁者',
            rows: [
              [
                { field: 'applicantIs', span: 6 },
                { field: 'agentName', span: 3, label: '氏名（本人以外のとき）' },
                { field: 'agentRelationship', span: 3 },
              ],
              [
                { field: 'agentAddress', span: 8, label: '住所' },
                { field: 'agentPhone', span: 4, label: '電話番号' },
              ],
              signatureRow('申請者 署名'),
            ],
          },
        ],
      },
    ],
    footnote: '災害対策基本法第90条の2の規定により、罹災証明書の交付を申請します。',
  },
};
