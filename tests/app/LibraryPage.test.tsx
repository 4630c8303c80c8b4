import { setupI18n } from '@lingui/core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeletedMap, LibraryEntry } from '../../src/app/library';
import { useStorageStatus } from '../../src/app/storageStatus';
import { I18nProvider } from '../../src/i18n/react';
import { messages as thMessages } from '../../src/locales/th.po';

// The library page against an in-memory stand-in for src/app/library.ts (the storage
// binding, tested on its own in tests/storage): what the page does with deletes and undo.

const fake = vi.hoisted(() => {
  const state = {
    entries: [] as LibraryEntry[],
    listener: null as ((entries: LibraryEntry[]) => void) | null,
    failRemove: null as Error | null,
  };
  const emit = () => state.listener?.([...state.entries]);
  const library = {
    watch(onEntries: (entries: LibraryEntry[]) => void) {
      state.listener = onEntries;
      emit();
      return () => {
        state.listener = null;
      };
    },
    pruneOldDeletions: () => {},
    remove: async (id: string): Promise<DeletedMap> => {
      if (state.failRemove) throw state.failRemove;
      const entry = state.entries.find((e) => e.id === id)!;
      state.entries = state.entries.filter((e) => e.id !== id);
      emit();
      return { map: { id, title: entry.title }, token: { mapId: id, title: entry.title, snapshotId: `snap-${id}` } };
    },
    undoRemove: async (deleted: readonly DeletedMap[]) => {
      for (const d of deleted) state.entries.push(entry(d.map.id, d.map.title));
      emit();
    },
    rename: async () => {},
    duplicate: async () => 'copy',
    createFromTemplate: async (_templateId: string, _locale?: string) => 'new',
  };
  function entry(id: string, title: string): LibraryEntry {
    return { id, title, personaNames: [], stageCount: 3, cardCount: 4, updatedAt: '2025-05-01T10:00:00.000Z', readOnly: false };
  }
  return { state, library, entry };
});

vi.mock('../../src/app/library', () => ({ library: fake.library }));

const { LibraryPage } = await import('../../src/app/LibraryPage');
const { StorageBanner } = await import('../../src/app/StorageBanner');

const items = () => within(screen.getByRole('list', { name: 'Maps' })).queryAllByRole('listitem');

beforeEach(() => {
  fake.state.entries = [fake.entry('a', 'Car service'), fake.entry('b', 'แผนที่การเดินทาง'), fake.entry('c', 'Hành trình')];
  fake.state.failRemove = null;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  useStorageStatus.getState().clear();
});

describe('LibraryPage: delete and undo', () => {
  it('a second delete keeps the first one undoable: one Undo brings both back', async () => {
    const user = userEvent.setup();
    const undo = vi.spyOn(fake.library, 'undoRemove');
    render(<LibraryPage />);
    await user.click(screen.getByRole('button', { name: 'Delete Car service' }));
    expect(screen.getByRole('status')).toHaveTextContent('Deleted “Car service”.');
    await user.click(screen.getByRole('button', { name: 'Delete แผนที่การเดินทาง' }));
    expect(items()).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Deleted 2 maps: “Car service” and “แผนที่การเดินทาง”.');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(undo).toHaveBeenCalledTimes(1);
    expect(undo.mock.calls[0]![0].map((d) => d.map.id)).toEqual(['a', 'b']);
    expect(items()).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('the undo window is 15 s from the last delete; typing in the search does not restart it', async () => {
    // Only the timers the page uses (React schedules its work with setImmediate here), and
    // fireEvent rather than userEvent, whose waits are setTimeout(0) calls too.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<LibraryPage />);
    const later = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Delete Car service' })));
    await later(10_000);
    // A second delete restarts the window for both.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Delete Hành trình' })));
    const search = screen.getByRole('searchbox', { name: 'Search maps by title' });
    let typed = '';
    for (const letter of 'แผนที่') {
      typed += letter;
      fireEvent.change(search, { target: { value: typed } });
      await later(2_000);
    }
    // 12 s of typing after the second delete: still offered; at 15 s, gone.
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    await later(2_999);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    await later(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('the focus goes to Undo after a delete, and to the restored map after the undo', async () => {
    const user = userEvent.setup();
    render(<LibraryPage />);
    await user.click(screen.getByRole('button', { name: 'Delete Car service' }));
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    // From the keyboard: Enter on the focused Undo.
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('link', { name: 'Car service' })).toHaveFocus();
  });

  it('an error stays on screen only until a later action succeeds', async () => {
    const user = userEvent.setup();
    render(
      <>
        <StorageBanner />
        <LibraryPage />
      </>,
    );
    fake.state.failRemove = Object.assign(new Error('Your browser’s storage is full.'), { kind: 'quota' });
    await user.click(screen.getByRole('button', { name: 'Delete Car service' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Your browser’s storage is full.');
    fake.state.failRemove = null;
    await user.click(screen.getByRole('button', { name: 'Delete Car service' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a map from a newer version cannot be duplicated or renamed, and says why', async () => {
    fake.state.entries = [{ ...fake.entry('n', 'From the future'), readOnly: true }, fake.entry('a', 'Car service')];
    render(<LibraryPage />);
    const reason = /Saved by a newer version of Journeyboard: this version can open and present it, but not rename or copy it/;
    for (const name of ['Duplicate From the future', 'Rename From the future']) {
      const button = screen.getByRole('button', { name });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(reason);
    }
    expect(screen.getByRole('button', { name: 'Duplicate Car service' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Duplicate Car service' })).not.toHaveAccessibleDescription(reason);
  });
});

describe('LibraryPage: a new map from a template', () => {
  it('names the templates in the interface language and builds the chosen one in it', async () => {
    // jsdom has no modal dialogs: opening one just shows it.
    const showModal = Object.getOwnPropertyDescriptor(HTMLDialogElement.prototype, 'showModal');
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      this.open = true;
    };
    try {
      const create = vi.spyOn(fake.library, 'createFromTemplate');
      const th = setupI18n({ locale: 'th', messages: { th: thMessages } });
      const user = userEvent.setup();
      render(
        <I18nProvider i18n={th}>
          <LibraryPage />
        </I18nProvider>,
      );
      await user.click(screen.getByRole('button', { name: th._('library.newMap') }));
      await user.click(await screen.findByRole('button', { name: /^วงจรชีวิตลูกค้ากับ Contact Center/ }));
      expect(create).toHaveBeenCalledWith('contact-center-lifecycle', 'th');
    } finally {
      if (showModal) Object.defineProperty(HTMLDialogElement.prototype, 'showModal', showModal);
      else delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).showModal;
    }
  });
});
