import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Editor } from '../../src/editor/Editor';
import type { JourneyMap } from '../../src/model/schema';
import { editorFixture, stubFlowMeasuring } from './helpers';

beforeAll(stubFlowMeasuring);

afterEach(cleanup);

function setup(props: Partial<Parameters<typeof Editor>[0]> = {}) {
  const onChange = vi.fn<(doc: JourneyMap) => void>();
  const utils = render(<Editor map={editorFixture()} onChange={onChange} saveStatus={{ state: 'saved' }} {...props} />);
  const toolbar = screen.getByRole('toolbar', { name: 'Map editor' });
  return { ...utils, onChange, toolbar, last: () => onChange.mock.calls.at(-1)?.[0] };
}

describe('<Editor>', () => {
  it('has a toolbar of named controls and a save indicator', () => {
    const { toolbar } = setup();
    for (const name of ['Add stage', 'Add lane', 'Add card', 'Undo', 'Redo', 'Details panel']) {
      expect(within(toolbar).getByRole('button', { name })).toBeInTheDocument();
    }
    expect(within(toolbar).getByRole('combobox', { name: 'Kind of lane to add' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('searchbox', { name: 'Find in map' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Save status' })).toHaveTextContent('Saved');
    expect(within(toolbar).getByRole('button', { name: 'Undo' })).toBeDisabled();
  });

  it('shows saving and errors', () => {
    const { rerender } = setup({ saveStatus: { state: 'saving' } });
    expect(screen.getByRole('status', { name: 'Save status' })).toHaveTextContent('Saving…');
    rerender(<Editor map={editorFixture()} saveStatus={{ state: 'error', error: 'The disk is full.' }} />);
    expect(screen.getByRole('status', { name: 'Save status' })).toHaveTextContent('Not saved: The disk is full.');
  });

  it('adds a stage, renames it in place, and undoes with the button and Ctrl+Z', async () => {
    const user = userEvent.setup();
    const { toolbar, onChange, last } = setup();
    await user.click(within(toolbar).getByRole('button', { name: 'Add stage' }));
    expect(last()?.stages).toHaveLength(4);
    const field = await screen.findByRole('textbox', { name: 'Rename stage' });
    await user.clear(field);
    await user.type(field, 'ขั้นตอนใหม่{Enter}');
    expect(last()?.stages.at(-1)?.name).toBe('ขั้นตอนใหม่');
    expect(onChange).toHaveBeenCalledTimes(2);
    await user.click(within(toolbar).getByRole('button', { name: 'Undo' }));
    expect(last()?.stages.at(-1)?.name).toBe('Stage 4');
    act(() => {
      fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    });
    expect(last()?.stages).toHaveLength(3);
    act(() => {
      fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true });
    });
    expect(last()?.stages).toHaveLength(4);
  });

  it('adds a lane of the chosen kind; Escape cancels the rename', async () => {
    const user = userEvent.setup();
    const { toolbar, last } = setup();
    await user.selectOptions(within(toolbar).getByRole('combobox', { name: 'Kind of lane to add' }), 'kpi');
    await user.click(within(toolbar).getByRole('button', { name: 'Add lane' }));
    expect(last()?.lanes.at(-1)).toMatchObject({ kind: 'kpi', title: 'KPIs' });
    const field = await screen.findByRole('textbox', { name: 'Rename lane' });
    await user.type(field, 'zzz{Escape}');
    expect(last()?.lanes.at(-1)?.title).toBe('KPIs');
  });

  it('edits the map in the side panel when nothing is selected (one undo step per field)', async () => {
    const user = userEvent.setup();
    const { last, toolbar } = setup();
    const panel = screen.getByRole('complementary', { name: 'Details' });
    await user.type(within(panel).getByLabelText('Map title'), ' ใหม่');
    expect(last()?.title).toBe('Editor fixture ใหม่');
    await user.selectOptions(within(panel).getByLabelText('Reading direction'), 'rtl');
    expect(last()?.direction).toBe('rtl');
    await user.click(within(toolbar).getByRole('button', { name: 'Undo' }));
    await user.click(within(toolbar).getByRole('button', { name: 'Undo' }));
    expect(last()?.title).toBe('Editor fixture');
  });

  it('search counts matches and jumps', async () => {
    const user = userEvent.setup();
    const { toolbar } = setup();
    const box = within(toolbar).getByRole('searchbox', { name: 'Find in map' });
    await user.type(box, 'o');
    expect(within(toolbar).getByText(/found$/)).toBeInTheDocument();
    await user.type(box, '{Enter}');
    expect(within(toolbar).getByText(/^1 of \d+$/)).toBeInTheDocument();
    // The focus stays in the box: Enter again goes on to the next match.
    await new Promise((r) => setTimeout(r, 100));
    expect(box).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(toolbar).getByText(/^2 of \d+$/)).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'nothing like this');
    expect(within(toolbar).getByText('No matches')).toBeInTheDocument();
  });

  it('changes nothing when read-only', async () => {
    const { toolbar, onChange } = setup({ readOnly: true });
    expect(within(toolbar).getByRole('button', { name: 'Add stage' })).toBeDisabled();
    expect(within(toolbar).getByRole('button', { name: 'Add card' })).toBeDisabled();
    expect(within(toolbar).getByText('Read-only')).toBeInTheDocument();
    act(() => {
      fireEvent.keyDown(document.body, { key: 'a', ctrlKey: true });
      fireEvent.keyDown(document.body, { key: 'Delete' });
    });
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('<Editor> keys and focus', () => {
  it('Enter on a toolbar button presses the button, even with a card selected (it does not edit the card)', async () => {
    const user = userEvent.setup();
    const { toolbar, last } = setup();
    // Select a card from the canvas with the keyboard: arrow keys start at the first card.
    const canvas = screen.getByLabelText(/^Map canvas/);
    canvas.focus();
    await user.keyboard('{ArrowRight}');
    // The card takes the focus on the next frame; wait for it, as a user would see it.
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-roledescription', 'card'));
    expect(screen.queryByRole('textbox', { name: 'Card text' })).toBeNull();
    const stages = last()?.stages.length ?? editorFixture().stages.length;
    within(toolbar).getByRole('button', { name: 'Add stage' }).focus();
    await user.keyboard('{Enter}');
    expect(last()?.stages).toHaveLength(stages + 1);
    expect(screen.queryByRole('textbox', { name: 'Card text' })).toBeNull();
  });

  it('renders a head given by the page inside the editor (it can read the document)', () => {
    setup({ head: <p>Head of the page</p> });
    expect(screen.getByText('Head of the page')).toBeInTheDocument();
  });
});
