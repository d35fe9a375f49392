// The A4 print of one procedure, in the look of its paper form: title in 明朝, addressee and 届出日
// (和暦), each section a ruled block with its heading down a narrow left column, the boxes of the
// layout on a 12-column grid, the footnote, and 受付番号 with page numbers at the foot of each
// sheet. One `.pf-page` per layout page; print.css makes each exactly one A4 sheet.
import { printedDate } from '../../shared/print/format.ts';
import type { ProcedureDefinition, ProcedureValues } from '../../shared/procedures/types.ts';
import { PrintCell } from './PrintCell.tsx';

export interface PrintFormProps {
  readonly procedure: ProcedureDefinition;
  readonly values: ProcedureValues;
  readonly signaturePng?: string | undefined;
  readonly receiptNumber?: string | undefined;
  readonly notifiedOn: string; // ISO date
}

export function PrintForm({ procedure, values, signaturePng, receiptNumber, notifiedOn }: PrintFormProps) {
  const { print } = procedure;
  const pages = print.pages;
  const notified = printedDate(notifiedOn);
  return (
    <article class="pf-form" lang="ja" data-procedure={procedure.id}>
      {pages.map((page, index) => (
        <section key={index} class="pf-page" data-page={index + 1}>
          {index === 0 ? (
            <header class="pf-header">
              <h1 class="pf-title">{print.title}</h1>
              <div class="pf-meta">
                <span class="pf-addressee">{print.addressee}</span>
                <span class="pf-notified">
                  届出日　{notified ? notified.wareki : notifiedOn}
                  {notified ? <small class="pf-western">（{notified.western}）</small> : null}
                </span>
              </div>
            </header>
          ) : (
            <header class="pf-header pf-continued">
              <h1 class="pf-title">{print.title}（つづき）</h1>
            </header>
          )}
          {page.sections.map((section) => (
            <div key={section.heading} class="pf-section">
              <SectionHeading text={section.heading} />
              <div class="pf-rows">
                {section.rows.map((row, r) => (
                  <div key={r} class="pf-row">
                    {row.map((cell, c) => (
                      <PrintCell
                        key={c}
                        cell={cell}
                        procedure={procedure}
                        value={'field' in cell ? values[cell.field] : undefined}
                        signaturePng={signaturePng}
                      />
                    ))}
                  </div>
                ))}
              </div>
            </div>
          ))}
          {index === pages.length - 1 && print.footnote ? <p class="pf-footnote">{print.footnote}</p> : null}
          <footer class="pf-footer">
            <span>
              受付番号　<span class="pf-receipt">{receiptNumber ?? ''}</span>
            </span>
            <span class="pf-basis">{procedure.basis}</span>
            <span class="pf-page-number">
              {index + 1}/{pages.length}
            </span>
          </footer>
        </section>
      ))}
    </article>
  );
}

/**
 * The heading down the section's left column. A long one is set tighter, and a bracketed remark
 * (「登録する本人（代理人が申請するとき）」) goes small in a second column beside it, as on the
 * paper forms, so the heading never makes its section taller than the boxes in it.
 */
function SectionHeading({ text }: { readonly text: string }) {
  const m = /^(.+?)([（(].*[）)])$/u.exec(text);
  const main = m?.[1] ?? text;
  const remark = m?.[2];
  const length = [...main].length;
  const size = length <= 4 ? '' : length <= 7 ? ' pf-heading-long' : ' pf-heading-longer';
  return (
    <h2 class={`pf-heading${size}`}>
      <span>{upright(main)}</span>
      {remark ? <small class="pf-heading-remark">{upright(remark)}</small> : null}
    </h2>
  );
}

/** Vertical text with one- and two-digit numbers set across the column (縦中横: 10点, 18歳). */
function upright(text: string) {
  return text.split(/(\d+)/).map((part, i) =>
    i % 2 === 1 && part.length <= 2 ? (
      <span key={i} class="pf-tcy">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

/** Several forms printed in one go (the procedures of one visit), each from a fresh sheet. */
export function PrintDocument({ forms }: { readonly forms: readonly PrintFormProps[] }) {
  return (
    <div class="pf-document">
      {forms.map((f, i) => (
        <PrintForm key={i} {...f} />
      ))}
    </div>
  );
}
