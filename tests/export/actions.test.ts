import { beforeEach, describe, expect, it, vi } from 'vitest';
import { wideMap } from './arbitraries';

// The library as storage would give it, and the download, both stood in for: this tests the decision.
vi.mock('../../src/export/source', () => ({
  loadLibraryForExport: vi.fn(async () => ({ maps: [wideMap(3)], personas: [], imageBlobs: {}, skipped: [] })),
  loadMapForExport: vi.fn(),
}));
vi.mock('../../src/export/download', () => ({ downloadText: vi.fn(), downloadBlob: vi.fn() }));

const { downloadLibraryBackup } = await import('../../src/export/actions');
const { downloadText } = await import('../../src/export/download');

describe('downloadLibraryBackup', () => {
  beforeEach(() => vi.mocked(downloadText).mockClear());

  it('writes a backup that an import can read without asking', async () => {
    const confirm = vi.fn(() => true);
    const result = await downloadLibraryBackup({ confirmOversize: confirm });
    expect(confirm).not.toHaveBeenCalled();
    expect(result).toMatchObject({ maps: 1, written: true, tooLargeToRestore: false });
    expect(downloadText).toHaveBeenCalledTimes(1);
  });

  it('asks before writing a backup too large to import back, and writes nothing without a yes', async () => {
    const no = vi.fn((_size: { bytes: number; maxBytes: number }) => false);
    const declined = await downloadLibraryBackup({ confirmOversize: no, maxBackupBytes: 1024 });
    expect(no).toHaveBeenCalledWith({ bytes: expect.any(Number), maxBytes: 1024 });
    expect(no.mock.calls[0]![0].bytes).toBeGreaterThan(1024);
    expect(declined).toMatchObject({ written: false, tooLargeToRestore: true });
    expect(downloadText).not.toHaveBeenCalled();
    // Without anyone to ask, nothing is written either.
    expect((await downloadLibraryBackup({ maxBackupBytes: 1024 })).written).toBe(false);
    expect(downloadText).not.toHaveBeenCalled();

    const accepted = await downloadLibraryBackup({ confirmOversize: () => true, maxBackupBytes: 1024 });
    expect(accepted).toMatchObject({ written: true, tooLargeToRestore: true });
    expect(downloadText).toHaveBeenCalledTimes(1);
  });
});
