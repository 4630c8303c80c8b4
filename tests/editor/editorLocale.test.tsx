/**
 * The editor speaks the interface's language: its controls, the canvas's headers and cards,
 * the numbers in its chrome; a switch of language re-words what is on screen.
 */
import { setupI18n } from '@lingui/core';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Editor } from '../../src/editor/Editor';
import { I18nProvider } from '../../src/i18n/react';
import { messages as en } from '../../src/locales/en.po';
import { messages as fa } from '../../src/locales/fa.po';
import { editorFixture, stubFlowMeasuring } from './helpers';

beforeAll(stubFlowMeasuring);

afterEach(cleanup);

describe('<Editor> in the interface language', () => {
  it('words its toolbar, headers and cards in Persian, with Persian digits, and back in English after a switch', async () => {
    const i18n = setupI18n({ locale: 'fa', messages: { en, fa } });
    render(
      <I18nProvider i18n={i18n}>
        <Editor map={editorFixture()} saveStatus={{ state: 'saved' }} />
      </I18nProvider>,
    );
    const toolbar = screen.getByRole('toolbar', { name: 'ویرایشگر نقشه' });
    expect(within(toolbar).getByRole('button', { name: 'افزودن مرحله' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'وضعیت ذخیره' })).toHaveTextContent('ذخیره شد');
    expect(await screen.findByRole('button', { name: 'مرحله ۱: One' })).toBeInTheDocument();
    // React Flow's controls too, and the stage number seen on the header.
    expect(screen.getByRole('button', { name: 'بزرگ‌نمایی' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'بزرگ‌نمایی روی مرحله ۱' })).toBeInTheDocument();
    await waitFor(() => expect(document.querySelectorAll('[aria-roledescription="کارت"]').length).toBeGreaterThan(0));

    act(() => i18n.activate('en'));
    expect(screen.getByRole('toolbar', { name: 'Map editor' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Stage 1: One' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zoom In' })).toBeInTheDocument();
    expect(document.querySelectorAll('[aria-roledescription="card"]').length).toBeGreaterThan(0);
  });
});
