import { describe, expect, it } from 'vitest';
import { directionOf, guessLocale, initialLocale, LOCALE_STORAGE_KEY, pickLocale } from '../../src/i18n/locales';
import { parseLocalizedNumber, toAsciiDigits } from '../../src/i18n/digits';
import { sampleById } from '../../src/model/samples';

// Opening lines of the seed articles (../shared/seeds), English terms and all.
const SEEDS = {
  th: 'Customer Journey เป็นเส้นทางเดินในวงจรชีวิตของลูกค้าแต่ละราย ตั้งแต่ก่อนเริ่มเป็นลูกค้า เริ่มสนใจในสินค้าและบริการ การติดต่อในแต่ละ touch point ขององค์กร',
  fa: 'سفر مشتری (Customer Journey) چیست؟ سفر مشتری در مرکز تماس. کال سنتر ها برای ارائه تجربه مشتری عالی باید درک عمیقی از سفر مشتری داشته باشند.',
  vi: 'Hành trình khách hàng (Customer Journey) liên quan đến mọi tương tác của khách hàng với doanh nghiệp. Khi khách hàng phát sinh 1 giao dịch với công ty',
};

describe('which language a visitor gets', () => {
  it('takes the first browser language we speak, by its language subtag', () => {
    expect(pickLocale(['fa-IR', 'en-US'])).toBe('fa');
    expect(pickLocale(['de-DE', 'th-TH'])).toBe('th');
    expect(pickLocale(['vi'])).toBe('vi');
    expect(pickLocale(['de', 'fr'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it('prefers the choice remembered on this device, and survives storage that throws', () => {
    const saved = { getItem: (k: string) => (k === LOCALE_STORAGE_KEY ? 'vi' : null) };
    expect(initialLocale(saved, ['fa'])).toBe('vi');
    expect(initialLocale({ getItem: () => 'klingon' }, ['fa'])).toBe('fa');
    const throwing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(initialLocale(throwing, ['th'])).toBe('th');
  });

  it('runs Persian right to left, the others left to right', () => {
    expect(directionOf('fa')).toBe('rtl');
    expect(['en', 'th', 'vi'].map((l) => directionOf(l as 'en'))).toEqual(['ltr', 'ltr', 'ltr']);
  });
});

describe('the language of a text (for maps saved before maps had one)', () => {
  it('reads the seed articles as the language they are written in', () => {
    expect(guessLocale(SEEDS.th)).toBe('th');
    expect(guessLocale(SEEDS.fa)).toBe('fa');
    expect(guessLocale(SEEDS.vi)).toBe('vi');
  });

  it('reads the sample maps as the language they are written in', () => {
    for (const [id, language] of [['sample-th', 'th'], ['sample-fa', 'fa'], ['sample-vi', 'vi']] as const) {
      const map = sampleById(id)!.build();
      const text = [map.title, ...map.stages.map((s) => s.name), ...map.lanes.map((l) => l.title), ...map.cards.map((c) => c.text)].join('\n');
      expect(guessLocale(text), id).toBe(language);
    }
  });

  it('reads English as English, and a text without letters as the default', () => {
    expect(guessLocale('Customer journey in the contact center')).toBe('en');
    expect(guessLocale('12 / 34')).toBe('en');
  });
});

describe('numbers as our users type them', () => {
  it('reads Persian, Arabic-Indic and Thai digits as plain numbers', () => {
    expect(parseLocalizedNumber('۹۵')).toBe(95);
    expect(parseLocalizedNumber('٩٥')).toBe(95);
    expect(parseLocalizedNumber('๙๕')).toBe(95);
    expect(parseLocalizedNumber('۱۲٫۵')).toBe(12.5);
    expect(parseLocalizedNumber('۱٬۲۰۰')).toBe(1200);
    expect(parseLocalizedNumber(' 1,200 ')).toBe(1200);
    expect(parseLocalizedNumber('−3')).toBe(-3);
    // As Intl writes a negative number in Persian: a direction mark first.
    expect(parseLocalizedNumber(new Intl.NumberFormat('fa').format(-3))).toBe(-3);
  });

  it('refuses what is not one number', () => {
    for (const text of ['', 'abc', '1.2.3', '۹۵ دقیقه', '--1', '.']) expect(parseLocalizedNumber(text)).toBeNull();
  });

  it('changes only the digits of a text', () => {
    expect(toAsciiDigits('FCR ۶۸٪ · ๓ นาที')).toBe('FCR 68٪ · 3 นาที');
  });
});
