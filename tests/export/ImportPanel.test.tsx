import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import ImportPanel from '../../src/export/ImportPanel';
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

afterEach(() => storage.bindDatabase(`after-${Math.random()}`));

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
});
