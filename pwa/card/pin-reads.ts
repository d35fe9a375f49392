// The two PIN reads the counter offers, as PinUnlock specs: what they read, how they fail, and
// what the form gets. Japanese messages come from the card modules' one message function each.
import { cardErrorMessage } from '../../shared/card/errors.ts';
import { licenceErrorMessage } from '../../shared/card/licence/errors.ts';
import { err, ok } from '../../shared/result.ts';
import { formatDateJa } from '../../shared/wareki.ts';
import type { PinRead } from '../components/PinUnlock.tsx';
import type { CardResult } from '../screens/CardRead.tsx';
import type { CardService } from './card-service.ts';

export function licencePinRead(card: CardService): PinRead<CardResult> {
  return {
    pinLabel: '暗証番号1',
    instructions:
      '運転免許証をリーダーに置き、ご本人に暗証番号1（4桁）を入力していただきます。職員には見えません。',
    lockConsequence:
      '間違えると暗証番号がロックされ、ご本人が警察署または運転免許センターで解除の手続をする必要があります。',
    triesLeft: () => card.licenceTriesLeft(),
    async read(pin1, confirmLastTry) {
      const r = await card.readLicence({ pin1, confirmLastTry });
      if (!r.ok) return err({ kind: r.error.kind, message: licenceErrorMessage(r.error) });
      const { licence, evidence } = r.value;
      if (licence.expired) {
        return err({
          kind: 'card-expired',
          message: `この運転免許証は有効期限（${formatDateJa(licence.expiryDate)}）が切れています。本人確認には使えません。他の本人確認書類を見ながら手入力で進めてください。`,
        });
      }
      return ok({
        fields: { name: licence.name, birthDate: licence.birthDate, address: licence.address },
        evidence: { source: 'drivers-licence', unlockedWith: 'pin', checks: [...evidence.checks] },
      });
    },
  };
}

/** Only for procedures that legally need the My Number (番号法): 照合番号B cannot open EF 0001. */
export function myNumberPinRead(card: CardService): PinRead<CardResult> {
  return {
    pinLabel: '暗証番号',
    instructions:
      'この手続には個人番号が必要です。マイナンバーカードをリーダーに置き、ご本人に券面事項入力補助用の暗証番号（数字4桁）を入力していただきます。職員には見えません。',
    lockConsequence:
      '間違えると暗証番号がロックされ、ご本人が市区町村の窓口で暗証番号の再設定をする必要があります。',
    triesLeft: () => card.pinTriesLeft(),
    async read(pin, confirmLastTry) {
      const r = await card.readWithPin({ pin, confirmLastTry });
      if (!r.ok) return err({ kind: r.error.kind, message: cardErrorMessage(r.error) });
      const info = r.value;
      return ok({
        fields: {
          name: info.name,
          birthDate: info.birthDate,
          sex: info.sex,
          address: info.address,
          myNumber: info.myNumber,
        },
        evidence: info.evidence,
      });
    },
  };
}
