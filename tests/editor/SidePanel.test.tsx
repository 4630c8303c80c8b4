import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Editor } from '../../src/editor/Editor';
import type { JourneyMap } from '../../src/model/schema';
import { editorFixture, stubFlowMeasuring } from './helpers';

beforeAll(stubFlowMeasuring);

afterEach(cleanup);

async function setup() {
  const user = userEvent.setup();
  const onChange = vi.fn<(doc: JourneyMap) => void>();
  render(<Editor map={editorFixture()} onChange={onChange} saveStatus={{ state: 'saved' }} />);
  const panel = screen.getByRole('complementary', { name: 'Details' });
  const undoButton = screen.getByRole('button', { name: 'Undo' });
  // The canvas opens its view on the next frame, then draws the cards in it.
  await waitFor(() => expect(document.querySelectorAll('[aria-roledescription="card"]').length).toBeGreaterThan(0));
  return { user, onChange, panel, undoButton, last: () => onChange.mock.calls.at(-1)?.[0] };
}

/** Selects cards from the canvas with the keyboard, as a user would: the first card, then arrows. */
async function selectWithArrows(user: ReturnType<typeof userEvent.setup>, keys: string) {
  screen.getByLabelText(/^Map canvas/).focus();
  await user.keyboard(keys);
  await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-roledescription', 'card'));
}

describe('side panel fields and the undo history', () => {
  it('Ctrl+Z in a text field undoes the whole typing session and the field shows the text before it; Ctrl+Shift+Z redoes', async () => {
    const { user, panel, last, onChange } = await setup();
    await selectWithArrows(user, '{ArrowRight}');
    const text = within(panel).getByLabelText('Text');
    expect(text).toHaveValue('first');
    await user.click(text);
    await user.keyboard(' step');
    expect(text).toHaveValue('first step');
    const writes = onChange.mock.calls.length;

    await user.keyboard('{Control>}z{/Control}');
    expect(text).toHaveValue('first');
    expect(last()?.cards.find((c) => c.id === 't1')?.text).toBe('first');
    // One press, one change handed to autosave: the session as a whole.
    expect(onChange.mock.calls.length).toBe(writes + 1);

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(text).toHaveValue('first step');
    await user.keyboard('{Control>}z{/Control}');
    expect(text).toHaveValue('first');
    await user.keyboard('{Control>}y{/Control}');
    expect(text).toHaveValue('first step');
    expect(text).toHaveFocus();
  });

  it('Ctrl+Z on a select of the panel undoes its change', async () => {
    const { user, panel } = await setup();
    await selectWithArrows(user, '{ArrowRight}{ArrowDown}{ArrowDown}');
    const channel = within(panel).getByLabelText('Channel');
    expect(channel).toHaveValue('phone');
    await user.selectOptions(channel, 'sms');
    expect(channel).toHaveValue('sms');
    await user.keyboard('{Control>}z{/Control}');
    expect(channel).toHaveValue('phone');
  });

  it('two typing sessions in the same field are two undo steps', async () => {
    const { user, panel, undoButton } = await setup();
    await selectWithArrows(user, '{ArrowRight}');
    const text = within(panel).getByLabelText('Text');
    await user.click(text);
    await user.keyboard(' one');
    await user.tab(); // leaves the field: the session ends
    await user.click(text);
    await user.keyboard(' two');
    expect(text).toHaveValue('first one two');
    await user.click(undoButton);
    expect(text).toHaveValue('first one');
    await user.click(undoButton);
    expect(text).toHaveValue('first');
  });

  it('typing a response target is one undo step, not one per keystroke', async () => {
    const { user, panel, undoButton, last } = await setup();
    await selectWithArrows(user, '{ArrowRight}{ArrowDown}{ArrowDown}');
    const target = within(panel).getByLabelText('Response target (minutes, this map)');
    const before = (target as HTMLInputElement).value;
    await user.tripleClick(target);
    await user.keyboard('125');
    expect(target).toHaveValue('125');
    expect(last()?.channels.find((c) => c.id === 'phone')?.responseTargetMinutes).toBe(125);
    await user.click(undoButton);
    expect(target).toHaveValue(before);
    expect(undoButton).toBeDisabled();
  });
});
