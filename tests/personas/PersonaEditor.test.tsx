import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonaEditor } from '../../src/personas/PersonaEditor';
import { mapRef, persona, PNG_BYTES, renderWith } from './helpers';
import { MemoryRepo } from './memoryRepo';

function setup(extra: Parameters<typeof persona>[1] = {}) {
  const p = persona('Kevin Smith', { goals: ['Get promoted', 'Buy a house'], quote: 'Old quote', ...extra });
  const repo = new MemoryRepo([p], [mapRef('m1', 'Car service journey', [p.id]), mapRef('m2', 'แผนที่การเดินทาง'), mapRef('m3', 'Omni-channel')]);
  const user = userEvent.setup({ applyAccept: false });
  renderWith(repo, <PersonaEditor personaId={p.id} />);
  return { p, repo, user };
}

const saved = (repo: MemoryRepo, id: string) => repo.personas.get(id)!;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PersonaEditor', () => {
  it('says so when the persona does not exist', async () => {
    renderWith(new MemoryRepo(), <PersonaEditor personaId="nope" />);
    expect(await screen.findByRole('heading', { name: 'Persona not found' })).toBeInTheDocument();
  });

  it('shows every field with a label; every text input has dir="auto"', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: 'Kevin Smith' });
    for (const label of ['Name', 'Quote', 'Short story', 'Age', 'Occupation', 'Family', 'Location', 'Demographics notes']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByRole('textbox', { name: /Psychographics: what they need/ })).toBeInTheDocument();
    for (const h of ['Goals', 'Needs', 'Motivations', 'Frustrations', 'Behaviours']) {
      expect(screen.getByRole('heading', { name: h })).toBeInTheDocument();
    }
    const texts = [...document.querySelectorAll('input[type="text"], input[type="number"], textarea')];
    expect(texts.length).toBeGreaterThan(10);
    for (const el of texts) expect(el).toHaveAttribute('dir', 'auto');
  });

  it('saves edits shortly after typing stops (Thai name and quote)', async () => {
    const { p, repo, user } = setup();
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'สมชาย');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('สมชาย');
    const quote = screen.getByLabelText('Quote');
    await user.clear(quote);
    await user.type(quote, 'อยากได้คำตอบเร็ว');
    await waitFor(() => expect(saved(repo, p.id).quote).toBe('อยากได้คำตอบเร็ว'));
    expect(saved(repo, p.id).name).toBe('สมชาย');
    expect(saved(repo, p.id).updatedAt >= p.updatedAt).toBe(true);
    // Debounced: far fewer writes than keystrokes.
    expect(repo.saves.length).toBeLessThan(5);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('All changes saved'));
  });

  it('sets and clears the age', async () => {
    const { p, repo, user } = setup();
    const age = await screen.findByLabelText('Age');
    await user.type(age, '34');
    await waitFor(() => expect(saved(repo, p.id).age).toBe(34));
    await user.clear(age);
    await waitFor(() => expect(saved(repo, p.id).age).toBeNull());
  });

  it('edits list items one by one: add, edit, reorder, remove', async () => {
    const { p, repo, user } = setup();
    const goals = (await screen.findByRole('heading', { name: 'Goals' })).closest('section')!;
    const g = within(goals);
    expect(g.getByRole('textbox', { name: 'Goal 1' })).toHaveValue('Get promoted');

    await user.click(g.getByRole('button', { name: 'Add goal' }));
    const third = g.getByRole('textbox', { name: 'Goal 3' });
    expect(third).toHaveFocus();
    await user.type(third, 'Play football');

    await user.click(g.getByRole('button', { name: 'Move goal 3 up' }));
    expect(g.getByRole('textbox', { name: 'Goal 2' })).toHaveValue('Play football');
    expect(g.getByRole('button', { name: 'Move goal 2 up' })).toHaveFocus();
    expect(g.getByRole('button', { name: 'Move goal 1 up' })).toBeDisabled();

    await user.click(g.getByRole('button', { name: 'Remove goal 1' }));
    await waitFor(() => expect(saved(repo, p.id).goals).toEqual(['Play football', 'Buy a house']));

    await user.click(g.getByRole('textbox', { name: 'Goal 2' }));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(g.getByRole('textbox', { name: 'Goal 1' })).toHaveValue('Buy a house');
    expect(g.getByRole('textbox', { name: 'Goal 1' })).toHaveFocus();

    // Enter adds the next item; Backspace in an empty item removes it.
    await user.keyboard('{Enter}');
    expect(g.getByRole('textbox', { name: 'Goal 2' })).toHaveValue('');
    expect(g.getByRole('textbox', { name: 'Goal 2' })).toHaveFocus();
    await user.keyboard('{Backspace}');
    expect(g.getAllByRole('textbox')).toHaveLength(2);
    await waitFor(() => expect(saved(repo, p.id).goals).toEqual(['Buy a house', 'Play football']));

    const frustrations = within(screen.getByRole('heading', { name: 'Frustrations' }).closest('section')!);
    await user.click(frustrations.getByRole('button', { name: 'Add frustration' }));
    await user.keyboard('ต้องรอสายนาน');
    await waitFor(() => expect(saved(repo, p.id).frustrations).toEqual(['ต้องรอสายนาน']));
  });

  it('picks preferred channels from the catalogue and a tech comfort level', async () => {
    const { p, repo, user } = setup();
    const channels = within(await screen.findByRole('group', { name: 'Preferred channels' }));
    expect(channels.getAllByRole('checkbox')).toHaveLength(15);
    await user.click(channels.getByRole('checkbox', { name: 'LINE' }));
    await user.click(channels.getByRole('checkbox', { name: 'Live chat' }));
    await user.click(channels.getByRole('checkbox', { name: 'LINE' }));
    const tech = within(screen.getByRole('group', { name: 'Tech comfort' }));
    await user.click(tech.getByRole('radio', { name: /4 · confident/ }));
    await waitFor(() => expect(saved(repo, p.id)).toMatchObject({ preferredChannels: ['chat'], techComfort: 4 }));
    await user.click(tech.getByRole('radio', { name: 'Not known' }));
    await waitFor(() => expect(saved(repo, p.id).techComfort).toBeNull());
  });

  it('refuses a text file renamed .png: a clear message, and nothing changes', async () => {
    const { p, repo, user } = setup();
    const input = await screen.findByLabelText('Upload photo');
    await user.upload(input, new File(['just some notes'], 'photo.png', { type: 'image/png' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/“photo.png” is named like an image, but its contents are not/);
    expect(repo.images.size).toBe(0);
    expect(repo.saves).toHaveLength(0);
    expect(saved(repo, p.id).avatarImageId).toBeNull();
  });

  it('refuses SVG, also when dropped', async () => {
    const { repo } = setup();
    const zone = (await screen.findByLabelText('Upload photo')).closest('.persona-photo')!;
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.svg', { type: 'image/svg+xml' });
    fireEvent.drop(zone, { dataTransfer: { files: [svg] } });
    expect(await screen.findByRole('alert')).toHaveTextContent(/SVG is not accepted/);
    expect(repo.images.size).toBe(0);
  });

  it('resizes an accepted photo to 512 px on the longest side and stores it apart', async () => {
    const drawn: number[][] = [];
    vi.stubGlobal('createImageBitmap', async () => ({ width: 2048, height: 1536, close() {} }));
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        constructor(
          public width: number,
          public height: number,
        ) {
          drawn.push([width, height]);
        }
        getContext() {
          return { drawImage() {}, imageSmoothingQuality: 'low' };
        }
        async convertToBlob({ type }: { type: string }) {
          return new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type });
        }
      },
    );
    const { p, repo, user } = setup();
    const input = await screen.findByLabelText('Upload photo');
    await user.upload(input, new File([PNG_BYTES], 'me.png', { type: 'image/png' }));
    await waitFor(() => expect(saved(repo, p.id).avatarImageId).not.toBeNull());
    expect(drawn).toEqual([[512, 384]]);
    const id = saved(repo, p.id).avatarImageId!;
    expect(repo.images.get(id)?.type).toBe('image/png');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // Replacing it deletes the old image once the persona points at the new one.
    await user.upload(screen.getByLabelText('Replace photo'), new File([PNG_BYTES], 'me2.png', { type: 'image/png' }));
    await waitFor(() => expect(saved(repo, p.id).avatarImageId).not.toBe(id));
    await waitFor(() => expect(repo.images.has(id)).toBe(false));

    await user.click(screen.getByRole('button', { name: 'Remove photo' }));
    await waitFor(() => expect(saved(repo, p.id).avatarImageId).toBeNull());
    await waitFor(() => expect(repo.images.size).toBe(0));
  });

  it('lists the maps it is in and links/unlinks maps', async () => {
    const { p, repo, user } = setup();
    const maps = within((await screen.findByRole('heading', { name: 'Maps' })).closest('section')!);
    await waitFor(() => expect(maps.getByRole('link', { name: 'Car service journey' })).toHaveAttribute('href', '#/maps/m1'));
    await user.selectOptions(maps.getByLabelText('Add to a map'), 'แผนที่การเดินทาง');
    await user.click(maps.getByRole('button', { name: 'Add to map' }));
    await waitFor(() => expect(repo.maps.get('m2')!.personaIds).toEqual([p.id]));
    expect(await maps.findByRole('link', { name: 'แผนที่การเดินทาง' })).toBeInTheDocument();

    await user.click(maps.getByRole('button', { name: 'Remove from Car service journey' }));
    await waitFor(() => expect(repo.maps.get('m1')!.personaIds).toEqual([]));
    await waitFor(() => expect(maps.queryByRole('link', { name: 'Car service journey' })).not.toBeInTheDocument());
  });

  it('shows a failed save and retries it', async () => {
    const { p, repo, user } = setup();
    repo.failSaves = true;
    await user.type(await screen.findByLabelText('Occupation'), 'Nurse');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Not saved: The disk is full.'));
    repo.failSaves = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(saved(repo, p.id).occupation).toBe('Nurse'));
    expect(screen.getByRole('status')).toHaveTextContent('All changes saved');
  });

  it('writes pending edits at once when the page is hidden', async () => {
    const { p, repo, user } = setup();
    await user.type(await screen.findByLabelText('Family'), 'Married');
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await waitFor(() => expect(saved(repo, p.id).family).toBe('Married'));
  });
});
