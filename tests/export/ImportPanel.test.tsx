import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import ImportPanel from '../../src/export/ImportPanel';
import { i18nFor } from '../../src/i18n';
import { I18nProvider } from '../../src/i18n/react';
import { exportMapFile } from '../../src/export/envelope';
import { SAMPLES } from '../../src/model/samples';
import * as storage from '../../src/storage';

// A storage that fails in a way nobody planned for: "Importing…" must still end, with a message.
const brokenIndexedDB = {
  open() {
    throw new TypeError('the disk went away');
  },
  deleteDatabase() {
    throw new TypeError('the disk went away');
  },
  cmp: () => 0,
  databases: async () => [],
} as unknown as IDBFactory;

afterEach(() => {
  cleanup();
  storage.bindDatabase(`after-${Math.random()}`);
});

describe('ImportPanel', () => {
  it('ends "Importing…" with a message when the import fails unexpectedly', async () => {
    storage.bindDatabase(new storage.JourneyboardDB(`broken-${Math.random()}`, { indexedDB: brokenIndexedDB, IDBKeyRange }));
    const file = exportMapFile(SAMPLES[1]!.build(), []);
    render(<ImportPanel />);
    await userEvent.upload(screen.getByLabelText('Import a file'), new File([file.text], file.filename, { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(file.filename);
    expect(alert).toHaveTextContent(/Nothing was imported/);
    expect(screen.queryByText('Importing…')).not.toBeInTheDocument();
  });

  it('says what it imported, and asks before replacing a map that is already here', async () => {
    storage.bindDatabase(`panel-${Math.random()}`);
    const map = SAMPLES[1]!.build();
    const file = exportMapFile(map, []);
    const upload = () => userEvent.upload(screen.getByLabelText('Import a file'), new File([file.text], file.filename, { type: 'application/json' }));
    render(<ImportPanel />);
    await upload();
    expect(await screen.findByText('Imported 1 map.')).toBeInTheDocument();

    await upload();
    const dialog = await screen.findByRole('dialog', { name: 'This map is already in your library' });
    expect(dialog).toHaveTextContent(`Already in your library: ${map.title}. Replace it, or keep both (the imported map becomes a copy)?`);
    await userEvent.click(screen.getByRole('button', { name: 'Keep both' }));
    expect(await screen.findByText('Imported 1 map.')).toBeInTheDocument();
  });

  it('speaks the interface’s language', async () => {
    storage.bindDatabase(`panel-fa-${Math.random()}`);
    const file = exportMapFile(SAMPLES[1]!.build(), []);
    render(
      <I18nProvider i18n={await i18nFor('fa')}>
        <ImportPanel />
      </I18nProvider>,
    );
    await userEvent.upload(screen.getByLabelText('وارد کردن فایل'), new File(['{"format": "journeyboard", '], 'cut.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('cut.json وارد نشد:');
    expect(alert).toHaveTextContent('این فایل JSON کاملی نیست: زودتر از انتظار تمام می‌شود (در سطر ۱، ستون ۲۸).');
    await userEvent.upload(screen.getByLabelText('وارد کردن فایل'), new File([file.text], file.filename, { type: 'application/json' }));
    expect(await screen.findByText('۱ نقشه وارد شد.')).toBeInTheDocument();
  });
});
