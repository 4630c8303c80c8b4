/**
 * Number fields of the side panel take the digits a Persian, Arabic or Thai keyboard types
 * (type="number" refuses them) and store plain numbers; they show the stored number in the
 * interface's digits.
 */
import { setupI18n } from '@lingui/core';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { EditorStoreContext } from '../../src/editor/context';
import { SidePanel } from '../../src/editor/SidePanel';
import { createEditorStore } from '../../src/editor/store';
import { i18n, type I18n } from '../../src/i18n';
import { I18nProvider } from '../../src/i18n/react';
import { messages as faMessages } from '../../src/locales/fa.po';
import { addCard, addLane } from '../../src/model/operations';
import type { Card, JourneyMap } from '../../src/model/schema';
import { editorFixture } from './helpers';

afterEach(cleanup);

/** The fixture with a KPI lane and one KPI card, k1 (CSAT 70, target 85). */
function kpiMap(): JourneyMap {
  const d = addLane(editorFixture(), { id: 'lk', kind: 'kpi', title: 'KPIs' });
  return addCard(d, { id: 'k1', stageId: 's1', laneId: 'lk', metric: 'csat', value: 70, target: 85, unit: '%' });
}

function setup(selected: string, instance: I18n = i18n) {
  const store = createEditorStore({ i18n: instance, doc: kpiMap() });
  act(() => store.getState().select([selected]));
  render(
    <I18nProvider i18n={instance}>
      <EditorStoreContext.Provider value={store}>
        <SidePanel />
      </EditorStoreContext.Provider>
    </I18nProvider>,
  );
  const card = (id: string) => store.getState().doc.cards.find((c) => c.id === id) as (Card & { value?: number | null; target?: number | null }) | undefined;
  return { store, card, user: userEvent.setup() };
}

describe('number fields of the side panel', () => {
  it('stores 95 for "۹۵" typed in Persian digits in the KPI value', async () => {
    const { user, card } = setup('k1');
    const value = within(screen.getByRole('complementary', { name: 'Details' })).getByRole('textbox', { name: 'Value' });
    expect(value).toHaveValue('70');
    await user.clear(value);
    await user.type(value, '۹۵');
    expect(card('k1')?.value).toBe(95);
    expect(value).toHaveValue('۹۵');
  });

  it('stores 95 for "๙๕" typed in Thai digits in the KPI value', async () => {
    const { user, card } = setup('k1');
    const value = screen.getByRole('textbox', { name: 'Value' });
    await user.clear(value);
    await user.type(value, '๙๕');
    expect(card('k1')?.value).toBe(95);
  });

  it('takes Arabic-Indic digits and the Persian decimal mark in the target; an empty value is no value', async () => {
    const { user, card } = setup('k1');
    const target = screen.getByRole('textbox', { name: 'Target' });
    await user.clear(target);
    await user.type(target, '٩٠٫٥');
    expect(card('k1')?.target).toBe(90.5);
    await user.clear(screen.getByRole('textbox', { name: 'Value' }));
    expect(card('k1')?.value).toBeNull();
  });

  it('keeps what is not a number out of the document, and marks the field', async () => {
    const { user, card } = setup('k1');
    const value = screen.getByRole('textbox', { name: 'Value' });
    await user.clear(value);
    await user.type(value, '9x');
    expect(card('k1')?.value).toBe(9);
    expect(value).toHaveValue('9x');
    expect(value).toHaveAttribute('aria-invalid', 'true');
  });

  it('stores a response target typed in Thai digits, whole minutes only', async () => {
    const { user, store } = setup('p1');
    const minutes = screen.getByRole('textbox', { name: 'Response target (minutes, this map)' });
    await user.clear(minutes);
    await user.type(minutes, '๑๒๐');
    expect(store.getState().doc.channels.find((c) => c.id === 'phone')?.responseTargetMinutes).toBe(120);
    await user.type(minutes, '.5');
    expect(store.getState().doc.channels.find((c) => c.id === 'phone')?.responseTargetMinutes).toBe(120);
  });

  it('shows the stored number in Persian digits under a Persian interface, and an undo shows the number before', async () => {
    const fa = setupI18n({ locale: 'fa', messages: { fa: faMessages } });
    const { user, card, store } = setup('k1', fa);
    const value = screen.getByRole('textbox', { name: fa._('editor.panel.value') });
    expect(value).toHaveValue('۷۰');
    await user.clear(value);
    await user.type(value, '۹۵');
    expect(card('k1')?.value).toBe(95);
    act(() => store.getState().undo());
    expect(card('k1')?.value).toBe(70);
    expect(value).toHaveValue('۷۰');
  });
});
