import { describe, expect, it } from 'vitest';
import { hasNoItalic, quoteMarks } from '../../src/i18n/quotes';

describe('quoteMarks', () => {
  it('gives « » to Persian and Arabic text', () => {
    expect(quoteMarks('می‌خواهم سریع جواب بگیرم')).toEqual(['«', '»']);
    expect(quoteMarks('أريد إجابة سريعة')).toEqual(['«', '»']);
    // Presentation forms and Arabic Supplement letters count as Arabic script.
    expect(quoteMarks('\uFEFB')).toEqual(['«', '»']);
    expect(quoteMarks('\u0750')).toEqual(['«', '»']);
    expect(quoteMarks('\uFB8A')).toEqual(['«', '»']);
  });

  it('gives “ ” to every other script', () => {
    expect(quoteMarks('Don’t make me repeat myself.')).toEqual(['“', '”']);
    expect(quoteMarks('ถ้าตอบทาง LINE ได้เลย')).toEqual(['“', '”']);
    expect(quoteMarks('Tôi muốn hỏi nhanh qua Zalo.')).toEqual(['“', '”']);
    expect(quoteMarks('')).toEqual(['“', '”']);
    expect(quoteMarks('123 …')).toEqual(['“', '”']);
  });

  it('decides by the first strong character, skipping digits, spaces and punctuation', () => {
    expect(quoteMarks('  ۱۰ دقیقه پشت خط ماندم')).toEqual(['«', '»']);
    expect(quoteMarks('۱۰ minutes on hold')).toEqual(['“', '”']);
    expect(quoteMarks('(٣) «مرحبا»')).toEqual(['«', '»']);
    expect(quoteMarks('LINE را ترجیح می‌دهم')).toEqual(['“', '”']);
    expect(quoteMarks('پیامک SMS')).toEqual(['«', '»']);
  });

  it('follows directional marks, which are strong', () => {
    expect(quoteMarks('\u200Eسلام')).toEqual(['“', '”']);
    expect(quoteMarks('\u061C123 abc')).toEqual(['«', '»']);
  });
});

describe('hasNoItalic', () => {
  it('is true for Arabic-script and Thai text', () => {
    expect(hasNoItalic('می‌خواهم سریع جواب بگیرم')).toBe(true);
    expect(hasNoItalic('أريد إجابة سريعة')).toBe(true);
    expect(hasNoItalic('ถ้าตอบทาง LINE ได้เลย')).toBe(true);
  });

  it('is true for mixed text that contains either script', () => {
    expect(hasNoItalic('LINE ก็พอ')).toBe(true);
    expect(hasNoItalic('Zalo یا تلگرام')).toBe(true);
  });

  it('is false for Latin and Vietnamese text and for text without letters', () => {
    expect(hasNoItalic('Don’t make me repeat myself.')).toBe(false);
    expect(hasNoItalic('Tôi muốn hỏi nhanh qua Zalo.')).toBe(false);
    expect(hasNoItalic('')).toBe(false);
    expect(hasNoItalic('123')).toBe(false);
  });
});
