import { describe, expect, it } from 'vitest';
import { lineCount, textWidth } from '../../src/editor/textMetrics';

describe('text metrics (glyph widths of the fonts we ship)', () => {
  it("measures Latin text from Noto Sans's advances, accented letters as their base letter", () => {
    // Noto Sans: "i" is narrow, "m" wide; 1000 px per em keeps the numbers in font units.
    expect(textWidth('i', 1000)).toBeLessThan(textWidth('m', 1000) / 2);
    expect(textWidth('Hành trình', 14)).toBeCloseTo(textWidth('Hanh trinh', 14), 5);
    expect(textWidth('ab', 14, true)).toBeGreaterThan(textWidth('ab', 14));
  });

  it('gives Thai marks no width of their own', () => {
    expect(textWidth('กั', 14)).toBe(textWidth('ก', 14));
  });

  it('joins Persian letters: a word is narrower than its letters apart', () => {
    const word = 'مشتری';
    const apart = [...word].reduce((w, ch) => w + textWidth(ch, 14), 0);
    expect(textWidth(word, 14)).toBeLessThan(apart * 0.9);
    // A zero-width non-joiner keeps the letters apart.
    expect(textWidth('می\u200cخواهم', 14)).toBeGreaterThan(textWidth('میخواهم', 14));
  });

  it('breaks lines after spaces, keeps words whole, and breaks a word longer than the line', () => {
    const w = textWidth('Reads reviews', 14);
    expect(lineCount('Reads reviews', w + 2)).toBe(1);
    expect(lineCount('Reads reviews', w - 2)).toBe(2);
    expect(lineCount('x'.repeat(100), textWidth('x'.repeat(30), 14))).toBe(4);
    expect(lineCount('', 200)).toBe(1);
  });

  it('keeps newlines only with pre-wrap (a card text), and breaks Thai between words', () => {
    expect(lineCount('a\nb\n\nc', 200, { preWrap: true })).toBe(4);
    expect(lineCount('a\nb', 200)).toBe(1);
    // "ลูกค้า|ต้องการ" is two words: in a box as wide as the wider one, each has a line.
    const widest = Math.max(textWidth('ลูกค้า', 14), textWidth('ต้องการ', 14));
    expect(lineCount('ลูกค้าต้องการ', widest + 1)).toBe(2);
    expect(lineCount('ลูกค้าต้องการ', textWidth('ลูกค้าต้องการ', 14) + 1)).toBe(1);
  });

  it('mixes sizes on a line', () => {
    const runs = [
      { text: '38 ', px: 16, bold: true },
      { text: '/ target 45', px: 13 },
    ];
    expect(lineCount(runs, 1000)).toBe(1);
    expect(lineCount(runs, textWidth('38 / target', 13))).toBe(2);
  });
});
