import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PersonaHead } from '../../src/personas/PersonaHead';
import { persona, renderWith } from './helpers';
import { MemoryRepo } from './memoryRepo';

describe('PersonaHead', () => {
  it('shows avatar, name and quote of each persona, in the map’s order, skipping unknown ids', async () => {
    const a = persona('Nguyễn Thị Lan', { quote: 'Tôi muốn hỏi nhanh qua Zalo.' });
    const b = persona('سارا رضایی', { quote: 'می‌خواهم سریع جواب بگیرم' });
    const repo = new MemoryRepo([a, b]);
    renderWith(repo, <PersonaHead personaIds={[b.id, 'gone', a.id]} />);
    const list = await screen.findByRole('list', { name: 'Personas of this map' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('سارا رضایی');
    expect(items[0]).toHaveTextContent('می‌خواهم سریع جواب بگیرم');
    expect(items[1]).toHaveTextContent('NT');
    expect(within(items[1]!).getByRole('link', { name: 'Nguyễn Thị Lan' })).toHaveAttribute('href', `#/personas/${a.id}`);
    expect(items[0]!.querySelector('q')).toHaveAttribute('dir', 'auto');
  });

  it('follows edits to a persona', async () => {
    const a = persona('Kevin Smith', { quote: 'Old' });
    const repo = new MemoryRepo([a]);
    renderWith(repo, <PersonaHead personaIds={[a.id]} />);
    await screen.findByText('Old');
    await act(() => repo.save({ ...a, quote: 'New' }));
    await waitFor(() => expect(screen.getByText('New')).toBeInTheDocument());
  });

  it('renders nothing without personas', async () => {
    const { container } = renderWith(new MemoryRepo(), <PersonaHead personaIds={[]} />);
    await act(async () => undefined);
    expect(container).toBeEmptyDOMElement();
  });
});
