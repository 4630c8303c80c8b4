// @vitest-environment node
/**
 * The import's refusals are messages (src/i18n/message.ts) that the interface words in its own
 * language: nested phrases and sizes included, in the language's digits.
 */
import { describe, expect, it } from 'vitest';
import { formatImportErrors, parseImport, type ImportResult } from '../../src/export/envelope';
import { i18nFor } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import { restoreMap } from '../../src/model/restore';

function errorsOf(result: ImportResult) {
  if (result.kind !== 'error') throw new Error('expected the import to be refused');
  return result.errors;
}

describe('import messages in every language', () => {
  it('says a size against its limit in the reader’s words and digits', async () => {
    const limit = 20 * 1024 * 1024;
    const [error] = errorsOf(parseImport(' '.repeat(limit + 200_000), { maxBytes: limit }));
    expect(say(await i18nFor('en'), error!.message)).toBe('The file is 20.2 MB; Journeyboard imports files up to 20.0 MB. Nothing was imported.');
    const fa = say(await i18nFor('fa'), error!.message);
    expect(fa).toContain('۲۰٫۲ مگابایت');
    expect(fa).toContain('۲۰٫۰ مگابایت');
    expect(say(await i18nFor('vi'), error!.message)).toContain('20,2 MB');
  });

  it('words the phrases a restore error is built of', async () => {
    const result = restoreMap({ title: 3 });
    if (result.kind !== 'invalid') throw new Error('expected invalid');
    const title = result.errors.find((e) => e.path === 'title')!;
    expect(say(await i18nFor('en'), title.message)).toBe('expected text of up to 500 characters, got 3');
    for (const locale of ['th', 'fa', 'vi'] as const) {
      const i18n = await i18nFor(locale);
      for (const line of formatImportErrors(i18n, result.errors)) {
        expect(line, locale).not.toMatch(/\[object Object\]|model\.|import\./);
        expect(line, locale).not.toMatch(/expected|missing/);
      }
    }
    expect(say(await i18nFor('th'), title.message)).toBe('ควรเป็นข้อความยาวไม่เกิน 500 ตัวอักษร แต่พบ 3');
  });
});
