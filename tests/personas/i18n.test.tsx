/**
 * The persona pages in other languages: numbers typed and shown in the user's digits, words from
 * the catalogue, and quotes set in the typography of their own script.
 */
import { setupI18n } from '@lingui/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../src/i18n/react';
import { messages as fa } from '../../src/locales/fa.po';
import { PersonaEditor } from '../../src/personas/PersonaEditor';
import { PersonaHead } from '../../src/personas/PersonaHead';
import { PersonasPage } from '../../src/personas/PersonasPage';
import { mapRef, persona, renderWith } from './helpers';
import { MemoryRepo } from './memoryRepo';

const inPersian = (ui: ReactElement) => <I18nProvider i18n={setupI18n({ locale: 'fa', messages: { fa } })}>{ui}</I18nProvider>;

describe('the age field', () => {
  it.each([
    ['Persian', '۳۴', 34],
    ['Arabic-Indic', '٢٨', 28],
    ['Thai', '๔๕', 45],
    ['ASCII', '61', 61],
  ])('accepts %s digits and stores a plain number', async (_script, typed, stored) => {
    const p = persona('Kevin Smith');
    const repo = new MemoryRepo([p]);
    const user = userEvent.setup();
    renderWith(repo, <PersonaEditor personaId={p.id} />);
    const age = await screen.findByLabelText('Age');
    await user.type(age, typed);
    await waitFor(() => expect(repo.personas.get(p.id)!.age).toBe(stored));
    // What was typed stays as typed.
    expect(age).toHaveValue(typed);
  });

  it('keeps a text that is not an age, marks it, and does not store it', async () => {
    const p = persona('Kevin Smith', { age: 30 });
    const repo = new MemoryRepo([p]);
    const user = userEvent.setup();
    renderWith(repo, <PersonaEditor personaId={p.id} />);
    const age = await screen.findByLabelText('Age');
    await user.clear(age);
    await user.type(age, '200');
    expect(age).toHaveValue('200');
    expect(age).toHaveAttribute('aria-invalid', 'true');
    expect(age).toHaveAccessibleDescription('Enter a whole number from 0 to 150.');
    await waitFor(() => expect(repo.personas.get(p.id)!.age).toBe(20));
  });

  it('shows the stored age in Persian digits in Persian', async () => {
    const p = persona('سارا رضایی', { age: 34 });
    renderWith(new MemoryRepo([p]), inPersian(<PersonaEditor personaId={p.id} />));
    expect(await screen.findByLabelText('سن')).toHaveValue('۳۴');
  });
});

describe('quotes in the script of the quote', () => {
  const sara = persona('سارا رضایی', { quote: 'می‌خواهم سریع جواب بگیرم' });
  const somying = persona('สมหญิง ใจดี', { quote: 'ถ้าตอบทาง LINE ได้เลย' });
  const kevin = persona('Kevin Smith', { quote: 'Don’t make me repeat myself.' });

  it('in the head of a map: « » for Persian, upright for Persian and Thai, “ ” and italic for English', async () => {
    renderWith(new MemoryRepo([sara, somying, kevin]), <PersonaHead personaIds={[sara.id, somying.id, kevin.id]} />);
    const items = within(await screen.findByRole('list', { name: 'Personas of this map' })).getAllByRole('listitem');
    const [fa, th, en] = items.map((li) => li.querySelector('q')!);
    expect(fa!.style.quotes).toBe('"«" "»"');
    expect(th!.style.quotes).toBe('"“" "”"');
    expect(en!.style.quotes).toBe('"“" "”"');
    expect(fa).toHaveStyle({ fontStyle: 'normal' });
    expect(th).toHaveStyle({ fontStyle: 'normal' });
    expect(en!.style.fontStyle).toBe('');
    // The marks are drawn, not written: the text stays the persona's own.
    expect(fa).toHaveTextContent(/^می‌خواهم سریع جواب بگیرم$/);
  });

  it('on the library’s cards', async () => {
    renderWith(new MemoryRepo([sara, somying, kevin]), <PersonasPage />);
    const quoteOf = async (name: string) => (await screen.findByRole('link', { name })).closest('li')!.querySelector('.persona-quote q') as HTMLElement;
    const fa = await quoteOf('سارا رضایی');
    expect(fa).toHaveTextContent(/^می‌خواهم سریع جواب بگیرم$/);
    expect(fa.style.quotes).toBe('"«" "»"');
    expect(fa).toHaveStyle({ fontStyle: 'normal' });
    const th = await quoteOf('สมหญิง ใจดี');
    expect(th.style.quotes).toBe('"“" "”"');
    expect(th).toHaveStyle({ fontStyle: 'normal' });
    const en = await quoteOf('Kevin Smith');
    expect(en.style.quotes).toBe('"“" "”"');
    expect(en.style.fontStyle).toBe('');
  });
});

describe('the library in Persian', () => {
  it('speaks Persian, with Persian digits and plurals from the catalogue', async () => {
    const sara = persona('سارا رضایی', { occupation: 'پرستار', age: 34, location: 'تهران' });
    const repo = new MemoryRepo([sara], [mapRef('m1', 'سفر مشتری', [sara.id]), mapRef('m2', 'پشتیبانی', [sara.id])]);
    renderWith(repo, inPersian(<PersonasPage />));
    expect(await screen.findByRole('heading', { name: 'پرسوناها' })).toBeInTheDocument();
    const card = (await screen.findByRole('link', { name: 'سارا رضایی' })).closest('li')!;
    expect(card).toHaveTextContent('پرستار · ۳۴ · تهران');
    expect(card).toHaveTextContent('در ۲ نقشه به کار رفته');
    expect(within(card).getByRole('button', { name: 'حذف سارا رضایی' })).toBeInTheDocument();
  });
});
