import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PersonasPage, personaLine } from '../../src/personas/PersonasPage';
import { mapRef, persona, renderWith } from './helpers';
import { MemoryRepo } from './memoryRepo';

function setup() {
  const kevin = persona('Kevin Smith', { occupation: 'Sales lead', age: 28, location: 'Manchester', quote: 'Don’t make me repeat myself.' });
  const somying = persona('สมหญิง ใจดี', { occupation: 'เจ้าของร้าน', location: 'เชียงใหม่' });
  const lan = persona('Nguyễn Thị Lan', { age: 24 });
  const repo = new MemoryRepo(
    [kevin, somying, lan],
    [mapRef('m1', 'Car service journey', [kevin.id, lan.id]), mapRef('m2', 'แผนที่การเดินทาง', [kevin.id]), mapRef('m3', 'Empty map')],
  );
  const onOpen = vi.fn();
  renderWith(repo, <PersonasPage onOpen={onOpen} />);
  return { repo, kevin, somying, lan, onOpen, user: userEvent.setup() };
}

const cards = () => within(screen.getByRole('list', { name: 'Personas' })).getAllByRole('listitem');

describe('PersonasPage', () => {
  it('shows every persona as a card with a line about them and how many maps use them', async () => {
    const { kevin } = setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    const card = screen.getByRole('link', { name: 'Kevin Smith' }).closest('li')!;
    expect(card).toHaveTextContent('Sales lead · 28 · Manchester');
    expect(card).toHaveTextContent('Used in 2 maps');
    expect(card).toHaveTextContent('Don’t make me repeat myself.');
    expect(screen.getByRole('link', { name: 'Kevin Smith' })).toHaveAttribute('href', `#/personas/${kevin.id}`);
    expect(screen.getByRole('link', { name: 'Nguyễn Thị Lan' }).closest('li')).toHaveTextContent('Used in 1 map');
    expect(screen.getByRole('link', { name: 'สมหญิง ใจดี' }).closest('li')).toHaveTextContent('Not in any map yet');
    // Names and lines in any script get their own direction.
    expect(screen.getByRole('link', { name: 'สมหญิง ใจดี' })).toHaveAttribute('dir', 'auto');
  });

  it('shows generated initials when there is no photo', async () => {
    setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(screen.getByRole('link', { name: 'Kevin Smith' }).closest('li')).toHaveTextContent('KS');
  });

  it('searches by name, occupation or place', async () => {
    const { user } = setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.type(screen.getByRole('searchbox', { name: 'Search personas' }), 'เชียงใหม่');
    expect(cards()).toHaveLength(1);
    expect(cards()[0]).toHaveTextContent('สมหญิง ใจดี');
    await user.clear(screen.getByRole('searchbox', { name: 'Search personas' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search personas' }), 'nobody');
    expect(screen.getByText(/No persona matches/)).toBeInTheDocument();
  });

  it('creates a blank persona and opens it', async () => {
    const { repo, user, onOpen } = setup();
    await user.click(screen.getByRole('button', { name: 'New persona' }));
    const dialog = screen.getByRole('dialog', { name: 'New persona' });
    await user.click(within(dialog).getByRole('button', { name: /Blank persona/ }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledOnce());
    const id = onOpen.mock.calls[0]![0] as string;
    expect(repo.personas.get(id)?.name).toBe('');
  });

  it('creates a persona from an example (Thai)', async () => {
    const { repo, user, onOpen } = setup();
    await user.click(screen.getByRole('button', { name: 'New persona' }));
    await user.click(screen.getByRole('button', { name: /Somying Jaidee/ }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledOnce());
    const created = repo.personas.get(onOpen.mock.calls[0]![0] as string)!;
    expect(created.name).toBe('สมหญิง ใจดี');
    expect(created.preferredChannels).toContain('line');
    expect(created.goals.length).toBeGreaterThan(0);
  });

  it('duplicates a persona with its own copy of the photo', async () => {
    const { repo, user, kevin } = setup();
    const photo = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    repo.images.set('photo-1', photo);
    repo.personas.set(kevin.id, { ...kevin, avatarImageId: 'photo-1' });
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Duplicate Kevin Smith' }));
    await screen.findByRole('link', { name: 'Copy of Kevin Smith' });
    const copy = [...repo.personas.values()].find((p) => p.name === 'Copy of Kevin Smith')!;
    expect(copy.id).not.toBe(kevin.id);
    expect(copy.quote).toBe(kevin.quote);
    expect(copy.avatarImageId).not.toBeNull();
    expect(copy.avatarImageId).not.toBe('photo-1');
    expect(repo.images.get(copy.avatarImageId!)).toBe(photo);
  });

  it('names the maps that use a persona before deleting it; cancel keeps it', async () => {
    const { repo, user, kevin } = setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Delete Kevin Smith' }));
    const dialog = screen.getByRole('dialog', { name: /Delete “Kevin Smith”\?/ });
    expect(dialog).toHaveAccessibleDescription(/These 2 maps use the persona/);
    expect(within(dialog).getByText('Car service journey')).toBeInTheDocument();
    expect(within(dialog).getByText('แผนที่การเดินทาง')).toBeInTheDocument();
    expect(within(dialog).queryByText('Empty map')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(repo.personas.has(kevin.id)).toBe(true);
  });

  it('deletes after confirming, unlinks it from its maps, and undo brings both back', async () => {
    const { repo, user, kevin, lan } = setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Delete Kevin Smith' }));
    await user.click(screen.getByRole('button', { name: 'Delete persona' }));
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(repo.personas.has(kevin.id)).toBe(false);
    expect(repo.maps.get('m1')!.personaIds).toEqual([lan.id]);
    expect(repo.maps.get('m2')!.personaIds).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('Deleted “Kevin Smith” and removed it from 2 maps.');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByRole('link', { name: 'Kevin Smith' });
    expect(repo.maps.get('m1')!.personaIds).toContain(kevin.id);
    expect(repo.maps.get('m2')!.personaIds).toEqual([kevin.id]);
    expect(screen.getByRole('link', { name: 'Kevin Smith' }).closest('li')).toHaveTextContent('Used in 2 maps');
  });

  it('the focus goes to Undo after a delete, and to the restored persona after the undo', async () => {
    const { user } = setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Delete Kevin Smith' }));
    await user.click(screen.getByRole('button', { name: 'Delete persona' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Kevin Smith' })).toHaveFocus());
  });

  it('a reported error is taken back after a later success', async () => {
    const repo = new MemoryRepo([persona('Kevin Smith')]);
    const onError = vi.fn();
    const onErrorCleared = vi.fn();
    renderWith(repo, <PersonasPage onError={onError} onErrorCleared={onErrorCleared} />);
    const user = userEvent.setup();
    await waitFor(() => expect(cards()).toHaveLength(1));
    repo.failSaves = true;
    await user.click(screen.getByRole('button', { name: 'Duplicate Kevin Smith' }));
    await waitFor(() => expect(onError).toHaveBeenCalledWith('The disk is full.'));
    expect(onErrorCleared).not.toHaveBeenCalled();
    repo.failSaves = false;
    await user.click(screen.getByRole('button', { name: 'Duplicate Kevin Smith' }));
    await waitFor(() => expect(onErrorCleared).toHaveBeenCalledTimes(1));
  });

  it('says plainly when no map uses the persona', async () => {
    const { user } = setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Delete สมหญิง ใจดี' }));
    expect(screen.getByRole('dialog')).toHaveTextContent('No map uses this persona.');
  });
});

describe('personaLine', () => {
  it('joins what is known', () => {
    expect(personaLine({ occupation: 'Nurse', age: 24, location: 'Đà Nẵng' })).toBe('Nurse · 24 · Đà Nẵng');
    expect(personaLine({ occupation: '', age: null, location: 'Hanoi' })).toBe('Hanoi');
    expect(personaLine({ occupation: ' ', age: 0, location: '' })).toBe('0');
  });
});
