// The demo 転入届 recipe over the shared fixture, without a page: every rule turns the v2
// application's values into what the legacy screen takes. (Filling the real screen in Chromium:
// test/browser/recipe-fill.test.ts.)
import { describe, expect, it } from 'vitest';
import { findSummary } from '../../shared/procedures/registry.ts';
import { validateProcedure } from '../../shared/procedures/validate.ts';
import { YAMADA } from '../../test/fixtures/applications.ts';
import { demoLegacyTennyu } from './demo-legacy-tennyu.ts';
import { applyTransform } from './transforms.ts';

const byLabel = (label: string) => {
  const rule = demoLegacyTennyu.fields.find((r) => r.label === label);
  if (!rule) throw new Error(`no rule ${label}`);
  const value = YAMADA[rule.source as keyof typeof YAMADA];
  if (typeof value !== 'string') throw new Error(`${rule.source} is not a single value`);
  return applyTransform(rule.transform, value);
};

describe('demo legacy 転入届 recipe with the fixture application', () => {
  it('starts from an application the back office would accept', async () => {
    const tennyu = await findSummary('tennyu')?.load();
    expect(tennyu && validateProcedure(tennyu, YAMADA, '2026-12-01')).toEqual([]);
  });

  it('gives the screen its values: half-width kana, 和暦 parts, split postal code', () => {
    expect(byLabel('氏名')).toEqual({ ok: true, value: '山田　太郎' });
    expect(byLabel('フリガナ（半角カナ）')).toEqual({ ok: true, value: 'ﾔﾏﾀﾞ ﾀﾛｳ' });
    expect(['元号', '年', '月', '日'].map((p) => byLabel(`生年月日（${p}）`))).toEqual(
      ['S', '55', '2', '17'].map((value) => ({ ok: true, value })),
    );
    expect(['元号', '年', '月', '日'].map((p) => byLabel(`異動日（${p}）`))).toEqual(
      ['R', '8', '11', '20'].map((value) => ({ ok: true, value })),
    );
    expect(byLabel('性別')).toEqual({ ok: true, value: '1' });
    expect([byLabel('郵便番号（上3桁）'), byLabel('郵便番号（下4桁）')]).toEqual([
      { ok: true, value: '100' },
      { ok: true, value: '0013' },
    ]);
    expect(byLabel('住所')).toEqual({ ok: true, value: YAMADA.address });
    expect(byLabel('前住所')).toEqual({ ok: true, value: YAMADA.previousAddress });
  });
});
