// Test side only: a strict RFC 4180 reader, so the tests read the export the way an import
// would. Every record must end in CRLF; a quote may only open a field or be doubled inside a
// quoted one; a bare CR or LF outside quotes is an error, not a line break.

function fail(message: string, at: number): never {
  throw new Error(`CSV: ${message} at ${at}`);
}

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  const at = (n: number) => text[n] ?? '';
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (at(i) === '"') {
        i++;
        for (;;) {
          if (i >= text.length) fail('unterminated quoted field', i);
          if (at(i) === '"') {
            if (at(i + 1) !== '"') break;
            field += '"';
            i += 2;
          } else {
            field += at(i);
            i++;
          }
        }
        i++; // the closing quote
      } else {
        while (i < text.length && !',\r\n"'.includes(at(i))) {
          field += at(i);
          i++;
        }
        if (at(i) === '"') fail('quote inside an unquoted field', i);
      }
      record.push(field);
      if (at(i) === ',') {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      fail('record does not end in CRLF', i);
    }
    records.push(record);
  }
  return records;
}
