import { describe, expect, it } from 'vitest';
import { fileStem } from '../../src/export/filename';

describe('fileStem', () => {
  it('keeps Thai, Persian (with ZWNJ) and Vietnamese letters and marks', () => {
    expect(fileStem('การเดินทางของลูกค้า')).toBe('การเดินทางของลูกค้า');
    expect(fileStem('سفر مشتری می‌خواهد')).toBe('سفر مشتری می‌خواهد');
    expect(fileStem('Hành trình khách hàng')).toBe('Hành trình khách hàng');
  });

  it('replaces path separators and reserved characters', () => {
    expect(fileStem('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
  });

  it('removes bidi controls that could disguise an extension', () => {
    expect(fileStem('invoice\u202Egnp.exe')).toBe('invoicegnp.exe');
  });

  it('falls back when nothing usable is left and avoids reserved Windows names', () => {
    expect(fileStem('   ')).toBe('journey-map');
    expect(fileStem('///')).toBe('journey-map');
    expect(fileStem('CON')).toBe('CON_');
  });

  it('limits the length without splitting a Thai grapheme', () => {
    const stem = fileStem('ที่'.repeat(200));
    expect(Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(stem))).toHaveLength(80);
    expect(stem.endsWith('ที่')).toBe(true);
  });
});
