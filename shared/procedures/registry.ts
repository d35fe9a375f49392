// The catalogue of procedures. Each lives in `catalogue/<id>.ts` and is loaded on demand (its own
// chunk in the counter app); the menus need only the names here. The meta-test
// (registry.test.ts) reads the catalogue folder and fails on a file that is not listed here, on an
// entry whose file is missing, and on any procedure that is incomplete (see meta.ts).
import type { Text } from '../i18n/lang.ts';
import type { ProcedureDefinition, ProcedureSummary } from './types.ts';

const entry = (id: string, name: Text, load: () => Promise<ProcedureDefinition>): ProcedureSummary => ({
  id,
  name,
  load,
});

export const CATALOGUE: readonly ProcedureSummary[] = [
  entry(
    'tennyu',
    {
      ja: '{転入届|てんにゅうとどけ}',
      'ja-easy': 'ほかの{町|まち}から{引|ひ}っ{越|こ}してきた{届|とど}け（{転入届|てんにゅうとどけ}）',
      en: 'Moving-in notification',
      'zh-Hans': '迁入申报',
      ko: '전입신고',
      vi: 'Thông báo chuyển đến',
      pt: 'Notificação de mudança (entrada)',
    },
    async () => (await import('./catalogue/tennyu.ts')).tennyu,
  ),
  entry(
    'tenshutsu',
    {
      ja: '{転出届|てんしゅつとどけ}',
      'ja-easy': 'ほかの{町|まち}へ{引|ひ}っ{越|こ}す{届|とど}け（{転出届|てんしゅつとどけ}）',
      en: 'Moving-out notification',
      'zh-Hans': '迁出申报',
      ko: '전출신고',
      vi: 'Thông báo chuyển đi',
      pt: 'Notificação de mudança (saída)',
    },
    async () => (await import('./catalogue/tenshutsu.ts')).tenshutsu,
  ),
  entry(
    'tenkyo',
    {
      ja: '{転居届|てんきょとどけ}',
      'ja-easy': 'この{町|まち}の{中|なか}で{引|ひ}っ{越|こ}した{届|とど}け（{転居届|てんきょとどけ}）',
      en: 'Change-of-address notification (within the city)',
      'zh-Hans': '市内迁居申报',
      ko: '전거신고',
      vi: 'Thông báo chuyển nhà trong thành phố',
      pt: 'Notificação de mudança dentro do município',
    },
    async () => (await import('./catalogue/tenkyo.ts')).tenkyo,
  ),
  entry(
    'juminhyo',
    {
      ja: '{住民票|じゅうみんひょう}の{写|うつ}し{等|とう}の{交付請求|こうふせいきゅう}',
      'ja-easy': '{住民票|じゅうみんひょう}をもらう',
      en: 'Request for a certificate of residence',
      'zh-Hans': '申请住民票副本等',
      ko: '주민표 사본 등 교부 청구',
      vi: 'Yêu cầu cấp bản sao phiếu cư trú',
      pt: 'Pedido de certificado de residência',
    },
    async () => (await import('./catalogue/juminhyo.ts')).juminhyo,
  ),
  entry(
    'inkan-toroku',
    {
      ja: '{印鑑登録|いんかんとうろく}{申請|しんせい}',
      'ja-easy': 'はんこ（{印鑑|いんかん}）の{登録|とうろく}',
      en: 'Seal registration',
      'zh-Hans': '印鉴登记申请',
      ko: '인감등록 신청',
      vi: 'Đăng ký con dấu',
      pt: 'Registro de carimbo pessoal (inkan)',
    },
    async () => (await import('./catalogue/inkan-toroku.ts')).inkanToroku,
  ),
  entry(
    'jido-teate',
    {
      ja: '{児童手当|じどうてあて}{認定請求|にんていせいきゅう}',
      'ja-easy': '{子|こ}どものための{手当|てあて}（{児童手当|じどうてあて}）の{申|もう}し{込|こ}み',
      en: 'Claim for child allowance',
      'zh-Hans': '儿童津贴认定申请',
      ko: '아동수당 인정 청구',
      vi: 'Yêu cầu trợ cấp nuôi con',
      pt: 'Pedido de abono para crianças',
    },
    async () => (await import('./catalogue/jido-teate.ts')).jidoTeate,
  ),
  entry(
    'kokuho-shutoku',
    {
      ja: '{国民健康保険|こくみんけんこうほけん} {資格取得届|しかくしゅとくとどけ}',
      'ja-easy': '{国民健康保険|こくみんけんこうほけん}に{入|はい}る{届|とど}け',
      en: 'National Health Insurance: joining notification',
      'zh-Hans': '国民健康保险 取得资格申报',
      ko: '국민건강보험 자격취득신고',
      vi: 'Thông báo tham gia Bảo hiểm Y tế Quốc dân',
      pt: 'Adesão ao Seguro Nacional de Saúde',
    },
    async () => (await import('./catalogue/kokuho-shutoku.ts')).kokuhoShutoku,
  ),
  entry(
    'kokumin-nenkin',
    {
      ja: '{国民年金|こくみんねんきん}{被保険者関係届|ひほけんしゃかんけいとどけ}（{資格取得|しかくしゅとく}・{種別変更|しゅべつへんこう}）',
      'ja-easy': '{国民年金|こくみんねんきん}に{入|はい}る・{種類|しゅるい}が{変|か}わる{届|とど}け',
      en: 'National Pension: joining or change of category',
      'zh-Hans': '国民年金被保险人相关申报（取得资格、变更类别）',
      ko: '국민연금 피보험자 관계 신고(자격 취득·종별 변경)',
      vi: 'Khai báo Lương hưu Quốc dân (tham gia, thay đổi loại)',
      pt: 'Pensão Nacional: adesão ou mudança de categoria',
    },
    async () => (await import('./catalogue/kokumin-nenkin.ts')).kokuminNenkin,
  ),
  entry(
    'kokin-koza',
    {
      ja: '{給付金等|きゅうふきんとう}の{振込先口座|ふりこみさきこうざ}（{公金受取口座|こうきんうけとりこうざ}）{登録|とうろく}{申出|もうしで}',
      'ja-easy': '{国|くに}や{市|し}からお{金|かね}を{受|う}け{取|と}る{口座|こうざ}の{登録|とうろく}',
      en: 'Registration of the public-fund receiving account',
      'zh-Hans': '补助金等收款账户（公款收款账户）登记申请',
      ko: '급부금 등 입금 계좌(공금수취계좌) 등록 신청',
      vi: 'Đăng ký tài khoản nhận tiền công (trợ cấp…)',
      pt: 'Registro da conta de recebimento de verbas públicas',
    },
    async () => (await import('./catalogue/kokin-koza.ts')).kokinKoza,
  ),
  entry(
    'mynumber-card',
    {
      ja: 'マイナンバーカード{交付申請|こうふしんせい}',
      'ja-easy': 'マイナンバーカードをつくる{申請|しんせい}',
      en: 'Application for a My Number Card',
      'zh-Hans': '个人编号卡（My Number卡）发行申请',
      ko: '마이넘버카드 교부 신청',
      vi: 'Đơn xin cấp thẻ My Number',
      pt: 'Pedido do Cartão My Number',
    },
    async () => (await import('./catalogue/mynumber-card.ts')).mynumberCard,
  ),
  entry(
    'kaigo-nintei',
    {
      ja: '{介護保険|かいごほけん} {要介護|ようかいご}・{要支援認定申請|ようしえんにんていしんせい}',
      'ja-easy': '{介護|かいご}が{必要|ひつよう}かどうかを{決|き}めてもらう{申請|しんせい}',
      en: 'Long-term care insurance: application for care-need certification',
      'zh-Hans': '护理保险 需要护理・需要支援认定申请',
      ko: '개호보험 요개호·요지원 인정 신청',
      vi: 'Bảo hiểm chăm sóc dài hạn: đơn xin chứng nhận mức độ cần chăm sóc',
      pt: 'Seguro de cuidados: pedido de certificação da necessidade de cuidados',
    },
    async () => (await import('./catalogue/kaigo-nintei.ts')).kaigoNintei,
  ),
  entry(
    'jido-fuyo',
    {
      ja: '{児童扶養手当|じどうふようてあて}{認定請求|にんていせいきゅう}',
      'ja-easy':
        'ひとり{親|おや}などの{家庭|かてい}の{手当|てあて}（{児童扶養手当|じどうふようてあて}）の{申|もう}し{込|こ}み',
      en: 'Claim for child-rearing allowance (single-parent households)',
      'zh-Hans': '儿童抚养津贴认定申请',
      ko: '아동부양수당 인정 청구',
      vi: 'Yêu cầu trợ cấp nuôi con (gia đình đơn thân)',
      pt: 'Pedido de abono para famílias monoparentais',
    },
    async () => (await import('./catalogue/jido-fuyo.ts')).jidoFuyo,
  ),
  entry(
    'risai-shomei',
    {
      ja: '{罹災証明書|りさいしょうめいしょ}{交付申請|こうふしんせい}',
      'ja-easy':
        '{災害|さいがい}で{家|いえ}がこわれたことの{証明書|しょうめいしょ}（{罹災証明書|りさいしょうめいしょ}）',
      en: 'Application for a disaster damage certificate',
      'zh-Hans': '受灾证明书发放申请',
      ko: '이재증명서 교부 신청',
      vi: 'Đơn xin giấy chứng nhận thiệt hại do thiên tai',
      pt: 'Pedido de certidão de danos por desastre',
    },
    async () => (await import('./catalogue/risai-shomei.ts')).risaiShomei,
  ),
  entry(
    'sodai-gomi',
    {
      ja: '{粗大|そだい}ごみ{収集申込|しゅうしゅうもうしこみ}',
      'ja-easy': '{大|おお}きいごみを{取|と}りに{来|き}てもらう{申込|もうしこみ}',
      en: 'Request for bulky waste collection',
      'zh-Hans': '大件垃圾收集申请',
      ko: '대형 쓰레기 수거 신청',
      vi: 'Đăng ký thu gom rác cồng kềnh',
      pt: 'Pedido de coleta de lixo volumoso',
    },
    async () => (await import('./catalogue/sodai-gomi.ts')).sodaiGomi,
  ),
];

export function findSummary(id: string): ProcedureSummary | undefined {
  return CATALOGUE.find((p) => p.id === id);
}

/** Loads the named procedures (each its own chunk; precached by the service worker for offline). */
export async function loadProcedures(ids: readonly string[]): Promise<ProcedureDefinition[]> {
  return Promise.all(
    ids.map((id) => {
      const s = findSummary(id);
      if (!s) throw new Error(`unknown procedure ${id}`);
      return s.load();
    }),
  );
}

/** A synchronous lookup over loaded procedures (the server loads all at start). */
export interface ProcedureLookup {
  readonly get: (id: string) => ProcedureDefinition | undefined;
  readonly all: readonly ProcedureDefinition[];
}

export async function loadCatalogue(): Promise<ProcedureLookup> {
  const all = await loadProcedures(CATALOGUE.map((p) => p.id));
  const byId = new Map(all.map((p) => [p.id, p]));
  return { get: (id) => byId.get(id), all };
}
