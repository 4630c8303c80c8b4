import { describe, expect, it } from 'vitest';
import { restoreMap } from '../../src/model/restore';
import { fixture } from '../fixtures';
import { sampleById } from '../../src/model/samples';
import { templateById } from '../../src/model/templates';

// Schema 2 gave maps a language; a map saved before gets the one its text is written in.
describe('the language of a map saved before maps had one', () => {
  const v1 = fixture('v1/map.json') as Record<string, unknown>;

  it.each([
    ['th', 'ต่ออายุแพ็กเกจมือถือ', ['ค้นหาโปรโมชัน', 'โทรหาคอนแทคเซ็นเตอร์']],
    ['fa', 'سفر مشتری در مرکز تماس', ['تماس با مرکز تماس', 'پیگیری شکایت']],
    ['vi', 'Hành trình khách hàng', ['Gọi tổng đài', 'Chờ phản hồi quá lâu']],
    ['en', 'Renewing a mobile plan', ['Calls the contact center', 'Waits too long']],
  ])('a map written in %s opens as a %s map', (language, title, texts) => {
    const cards = (v1.cards as Record<string, unknown>[]).map((c, i) => ({ ...c, text: texts[i % texts.length] }));
    const result = restoreMap({ ...v1, title, description: '', cards });
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(result.doc.language).toBe(language);
  });

  it('a stored map of schema 2 keeps its language', () => {
    const result = restoreMap(fixture('v2/map.json'));
    expect(result.kind === 'ok' && result.doc.language).toBe('th');
  });
});

describe('a map made in a language', () => {
  it('names its default channels in that language, brands as they are', () => {
    const th = sampleById('sample-th')!.build();
    expect(th.language).toBe('th');
    const name = (id: string) => th.channels.find((c) => c.id === id)?.name;
    expect(name('phone')).toBe('โทรศัพท์');
    expect(name('line')).toBe('LINE');
    expect(sampleById('sample-fa')!.build().channels.find((c) => c.id === 'web')?.name).toBe('وب‌سایت');
    expect(templateById('classic-five')!.build().channels.find((c) => c.id === 'phone')?.name).toBe('Phone');
  });
});
