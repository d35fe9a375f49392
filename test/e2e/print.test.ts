// Every procedure's A4 print, rendered the way the app renders it (PrintForm + print.css) and
// printed to PDF by real Chromium: one PDF page per layout page, no page block overflowing its
// sheet, the values printed as the paper form shows them. Also writes the README's screenshot.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { PrintDocument, type PrintFormProps } from '../../pwa/print/PrintForm.tsx';
import { loadCatalogue } from '../../shared/procedures/registry.ts';
import type { ProcedureDefinition, ProcedureValues } from '../../shared/procedures/types.ts';
import { validateProcedure } from '../../shared/procedures/validate.ts';
import { launchTablet } from './browser.ts';

const ROOT = new URL('../../', import.meta.url);
const PRINT_CSS = readFileSync(new URL('pwa/print/print.css', ROOT), 'utf8');
const NOTIFIED_ON = '2026-12-01';
const RECEIPT = 'R8-0001234';
const catalogue = await loadCatalogue();

let browser: Browser;
let page: Page;
let signaturePng: string;

beforeAll(async () => {
  browser = await launchTablet();
  page = await browser.newPage();
  signaturePng = await page.evaluate(drawSampleSignature);
});

afterAll(async () => {
  await browser?.close();
});

function htmlDocument(body: string, css = PRINT_CSS): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`;
}

async function loadSample(id: string): Promise<ProcedureValues> {
  const file = new URL(`test/fixtures/samples/${id}.ts`, ROOT);
  if (!existsSync(file))
    throw new Error(`procedure ${id} has no print sample: write ${fileURLToPath(file)} exporting \`sample\``);
  const mod: { sample?: ProcedureValues } = await import(`../fixtures/samples/${id}.ts`);
  if (!mod.sample) throw new Error(`test/fixtures/samples/${id}.ts does not export \`sample\``);
  return mod.sample;
}

async function formOf(procedure: ProcedureDefinition): Promise<PrintFormProps> {
  return {
    procedure,
    values: await loadSample(procedure.id),
    signaturePng,
    receiptNumber: RECEIPT,
    notifiedOn: NOTIFIED_ON,
  };
}

/** Sets the page to the forms as the app prints them and waits until fonts and images are in. */
async function showForms(forms: readonly PrintFormProps[], extraCss = ''): Promise<void> {
  await page.setContent(htmlDocument(renderToString(h(PrintDocument, { forms })), PRINT_CSS + extraCss));
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => img.decode()));
  });
}

/**
 * The pages of a PDF: its `/Type /Page` dictionaries (not the `/Pages` tree nodes). Chromium's
 * PDF writer keeps them uncompressed; the tree's `/Count` must say the same.
 */
function pdfPages(pdf: Buffer): { objects: number; count: number; mediaBoxes: number[][] } {
  const text = pdf.toString('latin1');
  const objects = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const counts = [
    ...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g),
  ];
  const count = Math.max(0, ...counts.map((m) => Number(m[1] ?? m[2])));
  const mediaBoxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) =>
    (m[1] as string).trim().split(/\s+/).map(Number),
  );
  return { objects, count, mediaBoxes };
}

async function text(selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

async function printToPdf(): Promise<Buffer> {
  return Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
}

/** Each page block's overflow in print media (a block taller than its sheet would spill over). */
async function overflowingPages(): Promise<{ page: number; scrollHeight: number; clientHeight: number }[]> {
  return page.$$eval('.pf-page', (blocks) =>
    blocks
      .map((b, i) => ({
        page: i + 1,
        scrollHeight: b.scrollHeight,
        clientHeight: b.clientHeight,
        sw: b.scrollWidth,
        cw: b.clientWidth,
      }))
      .filter((b) => b.scrollHeight > b.clientHeight || b.sw > b.cw)
      .map(({ page: p, scrollHeight, clientHeight }) => ({ page: p, scrollHeight, clientHeight })),
  );
}

describe('printed forms', () => {
  it('counts PDF pages correctly (checked on known one- and two-page documents)', async () => {
    const sheet = (text: string) => `<div style="height:100mm;break-after:page">${text}</div>`;
    await page.setContent(htmlDocument(sheet('一'), '@page { size: A4; margin: 10mm }'));
    expect(pdfPages(await printToPdf())).toMatchObject({ objects: 1, count: 1 });
    await page.setContent(
      htmlDocument(sheet('一') + sheet('二').replace('break-after:page', ''), '@page { size: A4 }'),
    );
    const two = pdfPages(await printToPdf());
    expect(two).toMatchObject({ objects: 2, count: 2 });
    expect(two.mediaBoxes).toHaveLength(2);
    // A4 is 595.28 × 841.89 pt; Chromium rounds to its own device units.
    for (const box of two.mediaBoxes) {
      expect(box[2]).toBeCloseTo(595.3, -1);
      expect(box[3]).toBeCloseTo(841.9, -1);
    }
  });

  for (const procedure of catalogue.all) {
    it(`${procedure.id}: prints on ${procedure.print.pages.length} A4 page(s), none overflowing`, async () => {
      const form = await formOf(procedure);
      expect(
        validateProcedure(procedure, form.values, NOTIFIED_ON),
        'the sample is a valid application',
      ).toEqual([]);
      await showForms([form]);
      expect(await page.locator('.pf-page').count()).toBe(procedure.print.pages.length);
      expect(await overflowingPages()).toEqual([]);
      const pdf = pdfPages(await printToPdf());
      expect(pdf.objects).toBe(procedure.print.pages.length);
      expect(pdf.count).toBe(procedure.print.pages.length);
      expect(pdf.mediaBoxes).toHaveLength(procedure.print.pages.length);
      for (const box of pdf.mediaBoxes)
        expect([Math.round(box[2] ?? 0), Math.round(box[3] ?? 0)]).toEqual([595, 842]);
    });
  }

  it('detects a layout page that does not fit its sheet', async () => {
    const tennyu = catalogue.get('tennyu') as ProcedureDefinition;
    const [first] = tennyu.print.pages;
    // The same page with 異動する人 four times over: more than 277 mm of boxes.
    const movers = first?.sections.find((s) => s.heading === '異動する人');
    assert(first && movers, 'the tennyu layout has a 異動する人 section');
    const tooLong: ProcedureDefinition = {
      ...tennyu,
      print: {
        ...tennyu.print,
        pages: [
          { sections: [...first.sections, ...[1, 2, 3].map((n) => ({ ...movers, heading: `続き${n}` }))] },
        ],
      },
    };
    await showForms([await formOf(tooLong)]);
    const over = await overflowingPages();
    expect(over).toHaveLength(1);
    expect(over[0]?.scrollHeight).toBeGreaterThan(over[0]?.clientHeight ?? 0);
  });

  it('prints several forms one after another, each from a fresh sheet', async () => {
    const forms = await Promise.all([...catalogue.all, catalogue.all[0] as ProcedureDefinition].map(formOf));
    await showForms(forms);
    const expected = forms.reduce((n, f) => n + f.procedure.print.pages.length, 0);
    expect(pdfPages(await printToPdf()).objects).toBe(expected);
  });

  it('tennyu: prints the values as the paper form shows them, and writes the README screenshot', async () => {
    const tennyu = catalogue.get('tennyu') as ProcedureDefinition;
    // The page margins of the sheet (@page) do not apply to a screenshot: the body stands in for them.
    await page.setViewportSize({ width: 794, height: 1123 });
    await showForms([await formOf(tennyu)], '@media print { body { padding: 10mm; } }');
    expect(await text('.pf-title')).toBe('住民異動届（転入）');
    expect(await text('.pf-notified')).toContain('令和8年12月1日');
    const birth = await text('[data-print-field="birthDate"]');
    expect(birth).toContain('昭和59年7月9日');
    expect(birth).toContain('1984年7月9日');
    expect(await text('[data-print-field="sex"]')).toMatch(/☑\s*男\s*☐\s*女/);
    expect(await text('[data-print-field="postalCode"]')).toContain('〒100-0099');
    expect(await text('[data-print-field="phone"]')).toContain('090-0000-0000');
    const relationship = await text('[data-print-field="relationship"]');
    expect(relationship.match(/☑/g)).toHaveLength(1);
    expect(relationship).toMatch(/☑\s*世帯主/);
    // The 異動する人 table has every row of the paper form; the child's 令和元年 birth reads so.
    const rows = page.locator('[data-print-field="movers"] tbody tr');
    expect(await rows.count()).toBe(6);
    expect(await rows.nth(2).textContent()).toContain('令和元年5月1日');
    expect((await rows.nth(5).textContent())?.trim()).toBe('6');
    const signature = await page
      .locator('[data-print="signature"] img')
      .evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(signature).toBe(900);
    expect(await text('.pf-footer')).toMatch(new RegExp(`受付番号\\s*${RECEIPT}[\\s\\S]*1/1`));

    const out = fileURLToPath(new URL('docs/screenshots/print-tennyu.png', ROOT));
    mkdirSync(fileURLToPath(new URL('docs/screenshots/', ROOT)), { recursive: true });
    writeFileSync(out, await page.screenshot({ fullPage: false }));
    expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
  });

  it('prints an empty signature box and blank date and postal boxes when there is nothing to print', async () => {
    const tennyu = catalogue.get('tennyu') as ProcedureDefinition;
    await showForms([{ procedure: tennyu, values: {}, notifiedOn: NOTIFIED_ON }]);
    expect(await page.locator('[data-print="signature"] img').count()).toBe(0);
    expect(await page.locator('[data-print="signature"] .pf-blank').count()).toBe(1);
    expect(await text('[data-print-field="moveDate"]')).toMatch(/年\s*月\s*日/);
    expect(await text('[data-print-field="sex"]')).not.toContain('☑');
    expect(await page.locator('[data-print-field="movers"] tbody tr').count()).toBe(6);
    expect(await overflowingPages()).toEqual([]);
  });
});

/** A handwritten-looking signature, drawn on a canvas in the page as the pad would produce it. */
function drawSampleSignature(): string {
  const canvas = document.createElement('canvas');
  canvas.width = 900;
  canvas.height = 240;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 900, 240);
  ctx.strokeStyle = '#000';
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  // A few loops and a long tail, wider where the pen presses harder.
  let last = { x: 60, y: 150 };
  for (let i = 1; i <= 240; i++) {
    const t = i / 240;
    const x = 60 + t * 760;
    const y = 140 - Math.sin(t * Math.PI * 7) * 55 * (1 - t * 0.6) + Math.cos(t * Math.PI * 3) * 12;
    ctx.lineWidth = 2 + 5 * Math.sin(t * Math.PI) ** 2;
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(x, y);
    ctx.stroke();
    last = { x, y };
  }
  ctx.lineWidth = 4;
  ctx.beginPath();
  ctx.moveTo(300, 70);
  ctx.quadraticCurveTo(330, 200, 360, 60);
  ctx.stroke();
  return canvas.toDataURL('image/png');
}
