/**
 * "Whose path": the side panel of a selected arrow says which of the map's personas walks it
 * (presentation's persona focus follows these arrows). One choice is one undo step.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditorStoreContext } from '../../src/editor/context';
import { SidePanel } from '../../src/editor/SidePanel';
import { createEditorStore } from '../../src/editor/store';
import { createPersona } from '../../src/model/factory';
import { linkPersona } from '../../src/model/operations';
import type { JourneyMap } from '../../src/model/schema';
import { PersonaRepoContext } from '../../src/personas/repo';
import { MemoryRepo } from '../personas/memoryRepo';
import { editorFixture } from './helpers';
import { i18n } from '../../src/i18n';

afterEach(cleanup);

const kevin = createPersona({ id: 'kevin', name: 'Kevin Smith' }, '2025-01-01T00:00:00.000Z');
const mai = createPersona({ id: 'mai', name: 'Mai Nguyễn' }, '2025-01-01T00:00:00.000Z');

function setup(doc: JourneyMap, repo: MemoryRepo | null = new MemoryRepo([kevin, mai])) {
  const onChange = vi.fn<(doc: JourneyMap) => void>();
  const store = createEditorStore({ i18n, doc, onChange });
  act(() => store.getState().select(['c1']));
  const panel = <EditorStoreContext.Provider value={store}><SidePanel /></EditorStoreContext.Provider>;
  render(repo ? <PersonaRepoContext.Provider value={repo}>{panel}</PersonaRepoContext.Provider> : panel);
  const details = screen.getByRole('complementary', { name: 'Details' });
  return { store, onChange, details, s: () => store.getState() };
}

describe('side panel of an arrow: whose path', () => {
  it('lists the map’s personas and Everyone; choosing one is one undo step, Everyone clears it', async () => {
    const user = userEvent.setup();
    const { s, details } = setup(linkPersona(linkPersona(editorFixture(), 'kevin'), 'mai'));
    const select = within(details).getByRole('combobox', { name: 'Whose path' });
    expect(select).toHaveValue('');
    expect(await within(select).findByRole('option', { name: 'Kevin Smith' })).toBeInTheDocument();
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Everyone', 'Kevin Smith', 'Mai Nguyễn']);

    await user.selectOptions(select, 'Mai Nguyễn');
    expect(s().doc.connections[0]).toMatchObject({ id: 'c1', personaId: 'mai' });
    expect(select).toHaveValue('mai');
    expect(s().history.past).toHaveLength(1);

    await user.selectOptions(select, 'Everyone');
    expect(s().doc.connections[0]).not.toHaveProperty('personaId');
    expect(s().history.past).toHaveLength(2);

    act(() => s().undo());
    expect(s().doc.connections[0]?.personaId).toBe('mai');
    expect(select).toHaveValue('mai');
    act(() => s().undo());
    expect(s().doc.connections[0]).not.toHaveProperty('personaId');
  });

  it('is disabled, and says why, on a map without personas', () => {
    const { details } = setup(editorFixture());
    const select = within(details).getByRole('combobox', { name: 'Whose path' });
    expect(select).toBeDisabled();
    expect(select).toHaveAccessibleDescription('Add a persona to this map to give the arrow a persona’s path.');
  });

  it('works without a persona library (the editor on its own): the personas are there, unnamed', async () => {
    const user = userEvent.setup();
    const { s, details } = setup(linkPersona(editorFixture(), 'kevin'), null);
    const select = within(details).getByRole('combobox', { name: 'Whose path' });
    await user.selectOptions(select, 'kevin');
    expect(s().doc.connections[0]?.personaId).toBe('kevin');
  });
});
