import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPersona } from '../../src/model/factory';
import { updateStage } from '../../src/model/operations';
import { sampleById } from '../../src/model/samples';
import type { JourneyMap, Persona } from '../../src/model/schema';
import { templateById } from '../../src/model/templates';
import * as storage from '../../src/storage';
import PresentPage from '../../src/present/PresentPage';
import { Presentation } from '../../src/present/Presentation';
import { wideMap } from '../export/arbitraries';
import { twoPaths } from './maps';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

function build(id: string): JourneyMap {
  const t = templateById(id) ?? sampleById(id);
  if (!t) throw new Error(id);
  return t.build();
}

function kevin(extra: Partial<Persona> = {}): Persona {
  return {
    ...createPersona({ name: 'Kevin Smith' }, '2025-01-01T00:00:00.000Z'),
    quote: 'I want to fix this before my weekend match.',
    avatarImageId: 'img-kevin',
    preferredChannels: ['phone'],
    ...extra,
  };
}

const slide = () => screen.getByRole('region', { name: /^Slide \d+ of \d+/ });
const cardTexts = () => within(slide()).queryAllByTestId('present-card').map((li) => li.querySelector('.jbpres-card-text')?.textContent);

function present(map: JourneyMap, props: Partial<Parameters<typeof Presentation>[0]> = {}) {
  const onLeave = vi.fn();
  const user = userEvent.setup();
  render(<Presentation map={map} personas={[]} backHref={`#/maps/${map.id}`} onLeave={onLeave} {...props} />);
  return { user, onLeave };
}

describe('presentation', () => {
  it('opens on the title slide: title, description, each persona with photo, name and quote', () => {
    const persona = kevin();
    const other = kevin({ id: 'p2', name: 'Somchai Jaidee', quote: '', avatarImageId: null });
    const map = { ...build('contact-center-lifecycle'), personaIds: [persona.id, other.id] };
    present(map, { personas: [persona, other], avatarUrls: { 'img-kevin': 'blob:kevin' } });
    expect(slide()).toHaveAccessibleName('Slide 1 of 7: Contact-center life cycle');
    expect(within(slide()).getByRole('heading', { level: 1 })).toHaveTextContent('Contact-center life cycle');
    expect(within(slide()).getByText(/One customer from first awareness/)).toBeInTheDocument();
    const people = within(within(slide()).getByRole('list', { name: 'Personas' })).getAllByRole('listitem');
    expect(people).toHaveLength(2);
    expect(people[0]?.querySelector('img')).toHaveAttribute('src', 'blob:kevin');
    expect(people[0]).toHaveTextContent('Kevin Smith');
    expect(people[0]).toHaveTextContent('I want to fix this before my weekend match.');
    // Without a photo: initials (in the avatar, which the name beside it makes decorative), not a broken image.
    expect(people[1]?.querySelector('img')).toBeNull();
    const avatar = people[1]?.querySelector('[aria-hidden="true"]');
    expect(avatar?.textContent).toBe('SJ');
    expect(people[1]).toHaveTextContent(/^SJSomchai Jaidee$/);
  });

  it('steps through every stage with the keys clickers send, showing the stage’s cards and the curve so far', async () => {
    const map = build('contact-center-lifecycle');
    const { user } = present(map);
    await user.keyboard('{ArrowRight}');
    expect(slide()).toHaveAccessibleName('Slide 2 of 7: Awareness');
    expect(cardTexts()).toEqual(
      expect.arrayContaining(['Find out whether this product fits my needs', 'Inbound call from the campaign (lead)', 'Calls closed as sales']),
    );
    expect(cardTexts()).not.toContain('Visits a store to see the product');
    expect(within(slide()).getByRole('img', { name: /^Emotion curve/ })).toHaveAccessibleName('Emotion curve: Awareness 0 (neutral)');
    await user.keyboard('{PageDown}');
    expect(slide()).toHaveAccessibleName('Slide 3 of 7: Initial contact');
    expect(cardTexts()).toContain('Visits a store to see the product');
    await user.keyboard(' ');
    expect(slide()).toHaveAccessibleName('Slide 4 of 7: Buying');
    await user.keyboard('{ArrowDown}');
    expect(slide()).toHaveAccessibleName('Slide 5 of 7: After sales');
    await user.keyboard('{PageUp}');
    expect(slide()).toHaveAccessibleName('Slide 4 of 7: Buying');
    await user.keyboard('{End}');
    expect(slide()).toHaveAccessibleName('Slide 7 of 7: The whole map');
    await user.keyboard('{ArrowRight}'); // already at the end: stays
    expect(slide()).toHaveAccessibleName('Slide 7 of 7: The whole map');
    expect(cardTexts()).toHaveLength(map.cards.length);
    await user.keyboard('{Home}');
    expect(slide()).toHaveAccessibleName('Slide 1 of 7: Contact-center life cycle');
  });

  it('shows where the talk is: "n / total" and a progress bar', async () => {
    const { user } = present(build('classic-five'));
    const bar = screen.getByRole('progressbar', { name: 'Progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(bar).toHaveAttribute('aria-valuemax', '7');
    await user.click(screen.getByRole('button', { name: 'Next slide' }));
    await user.click(screen.getByRole('button', { name: 'Next slide' }));
    expect(bar).toHaveAttribute('aria-valuenow', '3');
    expect(bar).toHaveAttribute('aria-valuetext', 'Slide 3 of 7');
    expect(screen.getByText('3 / 7')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous slide' })).toBeEnabled();
  });

  it('presses a focused button with Space once, without also turning the slide', async () => {
    const { user } = present(build('classic-five'));
    screen.getByRole('button', { name: 'Next slide' }).focus();
    await user.keyboard(' ');
    expect(slide()).toHaveAccessibleName('Slide 2 of 7: Awareness');
  });

  it('after a button is clicked with the mouse, Space turns the slide (it does not press the button again)', async () => {
    const base = build('classic-five');
    const map = updateStage(base, base.stages[0]?.id ?? '', { notes: 'Start with a story.' });
    const { user } = present(map);
    await user.click(screen.getByRole('button', { name: 'Next slide' }));
    await user.click(screen.getByRole('button', { name: 'Show speaker notes' }));
    expect(slide()).toHaveFocus();
    await user.keyboard(' ');
    expect(slide()).toHaveAccessibleName('Slide 3 of 7: Consideration');
    expect(screen.getByRole('button', { name: 'Show speaker notes' })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard(' ');
    expect(slide()).toHaveAccessibleName('Slide 4 of 7: Purchase');
    // Reached with Tab, the button keeps Space and Enter: they press it.
    const toggle = screen.getByRole('button', { name: 'Show speaker notes' });
    for (let i = 0; i < 8 && document.activeElement !== toggle; i++) await user.tab();
    expect(toggle).toHaveFocus();
    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(slide()).toHaveAccessibleName('Slide 4 of 7: Purchase');
  });

  it('jumps to a typed stage number, in Persian digits too', async () => {
    const { user } = present(build('sample-fa'));
    await user.keyboard('3');
    expect(slide()).toHaveAccessibleName('Slide 4 of 7: نحوه تماس مشتریان');
    await user.keyboard('۵');
    expect(slide()).toHaveAccessibleName('Slide 6 of 7: پیگیری برای پایان مثبت');
  });

  it('drops a stage number being typed when the slide is turned another way', () => {
    // Only the timeouts are faked (the digit pause is one). Keys go straight to the window, as
    // Testing Library's async helpers wait on real timeouts.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      render(<Presentation map={wideMap(12)} personas={[]} backHref="#/" onLeave={() => undefined} />);
      const press = (...keys: string[]) => keys.forEach((key) => act(() => void fireEvent.keyDown(window, { key })));
      const pause = () => act(() => vi.advanceTimersByTime(5000)); // long past the pause
      press('End', '1'); // "1" may become 10, 11 or 12: it waits
      expect(screen.getByRole('status')).toHaveTextContent('Stage 1…');
      press('ArrowLeft');
      expect(slide()).toHaveAccessibleName(/^Slide 13 of 14: Stage 12 /);
      expect(screen.queryByRole('status')).toBeNull();
      pause(); // no late jump to stage 1
      expect(slide()).toHaveAccessibleName(/^Slide 13 of 14: Stage 12 /);
      // Nor after Home, End, or Enter once the slide was turned.
      press('1', 'Home', 'Enter');
      pause();
      expect(slide()).toHaveAccessibleName('Slide 1 of 14: Wide map with 12 stages');
      press('1', 'End');
      pause();
      expect(slide()).toHaveAccessibleName('Slide 14 of 14: The whole map');
      // The bar's buttons drop it too.
      press('1');
      act(() => void fireEvent.click(screen.getByRole('button', { name: 'Previous slide' })));
      pause();
      expect(slide()).toHaveAccessibleName(/^Slide 13 of 14: Stage 12 /);
      // Without a turn the pause still jumps to stage 1, as before.
      press('1');
      pause();
      expect(slide()).toHaveAccessibleName(/^Slide 2 of 14: Stage 1 /);
    } finally {
      vi.useRealTimers();
    }
  });

  it('on a right-to-left map, ← goes forward and → goes back, and the slide reads right to left', async () => {
    const map = build('sample-fa');
    const { user } = present(map);
    expect(slide().closest('[dir]')).toHaveAttribute('dir', 'rtl');
    await user.keyboard('{ArrowLeft}');
    expect(slide()).toHaveAccessibleName('Slide 2 of 7: مشتریان خود را بشناسید');
    await user.keyboard('{ArrowLeft}');
    expect(slide()).toHaveAccessibleName('Slide 3 of 7: دلیل تماس مشتریان');
    await user.keyboard('{ArrowRight}');
    expect(slide()).toHaveAccessibleName('Slide 2 of 7: مشتریان خود را بشناسید');
    expect(within(slide()).getByRole('heading', { level: 1 })).toHaveAttribute('dir', 'auto');
  });

  it('keeps speaker notes off the audience view until asked, by button or N', async () => {
    const base = build('contact-center-lifecycle');
    const map = updateStage(base, base.stages[0]?.id ?? '', { notes: 'Ask the room: who called us last week?' });
    const { user } = present(map);
    await user.keyboard('{ArrowRight}');
    expect(screen.queryByRole('complementary', { name: 'Speaker notes' })).toBeNull();
    expect(screen.queryByText('Ask the room: who called us last week?')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show speaker notes' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('complementary', { name: 'Speaker notes' })).toHaveTextContent('Ask the room: who called us last week?');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('complementary', { name: 'Speaker notes' })).toHaveTextContent('No speaker notes for this slide.');
    await user.keyboard('n');
    expect(screen.queryByRole('complementary', { name: 'Speaker notes' })).toBeNull();
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows the notes always in the presenter view, with the next slide', async () => {
    const base = build('classic-five');
    const map = updateStage(base, base.stages[0]?.id ?? '', { notes: 'Start with a story.' });
    const { user } = present(map, { view: 'presenter' });
    await user.keyboard('{ArrowRight}');
    const notes = screen.getByRole('complementary', { name: 'Speaker notes' });
    expect(notes).toHaveTextContent('Start with a story.');
    expect(notes).toHaveTextContent(/Next: Consideration · \d+:\d\d elapsed$/);
    expect(screen.queryByRole('button', { name: 'Show speaker notes' })).toBeNull();
  });

  it('leaves with Esc', async () => {
    const { user, onLeave } = present(build('classic-five'));
    await user.keyboard('{Escape}');
    expect(onLeave).toHaveBeenCalledTimes(1);
  });

  it('goes back to the editor from the Leave link', () => {
    const map = build('classic-five');
    render(<Presentation map={map} personas={[]} backHref={`#/maps/${map.id}`} />);
    expect(screen.getByRole('link', { name: 'Leave presentation' })).toHaveAttribute('href', `#/maps/${map.id}`);
  });

  it('focus: only pain points, then only one channel, keeping the slide', async () => {
    const { user } = present(build('contact-center-lifecycle'));
    await user.keyboard('{ArrowRight}{ArrowRight}'); // Initial contact
    const focus = screen.getByRole('combobox', { name: 'Focus' });
    await user.selectOptions(focus, 'Only pain points');
    expect(slide()).toHaveAccessibleName('Slide 3 of 7: Initial contact');
    expect(cardTexts()).toEqual(['Prices on the web differ from the store']);
    await user.selectOptions(focus, 'Only Store / branch touchpoints');
    expect(cardTexts()).toEqual(['Showroom visit']);
    // A stage without any: said so, not a blank slide.
    await user.selectOptions(focus, 'Only LINE touchpoints');
    expect(cardTexts()).toEqual([]);
    expect(within(slide()).getByText(/Nothing in this stage/)).toBeInTheDocument();
    await user.selectOptions(focus, 'Everything');
    expect(cardTexts()).toHaveLength(7);
  });

  it('focus on a persona: only the cards on their path, with them on the slides and their preferred channels marked', async () => {
    const persona = kevin({ id: 'kevin' });
    const mai = kevin({ id: 'mai', name: 'Mai', quote: '', avatarImageId: null, preferredChannels: [] });
    const map = twoPaths('kevin', 'mai');
    const { user } = present(map, { personas: [persona, mai] });
    const focus = screen.getByRole('combobox', { name: 'Focus' });
    await user.selectOptions(focus, 'Kevin Smith’s path');
    expect(within(within(slide()).getByRole('list', { name: 'Persona' })).getAllByRole('listitem')).toHaveLength(1);
    await user.keyboard('{PageDown}');
    expect(focus).toHaveValue('persona:kevin');
    expect(slide()).toHaveAccessibleName('Slide 2 of 7: Awareness');
    expect(slide()).toHaveTextContent('Kevin Smith’s path');
    expect(slide()).toHaveTextContent('I want to fix this before my weekend match.');
    // Awareness has six cards; his path there is the inbound call, and how he felt.
    expect(cardTexts()).toEqual(['Inbound call from the campaign (lead)', '0 (neutral)']);
    expect(slide()).toHaveTextContent('Kevin Smith’s preferred channel'); // the call is on the phone
    await user.keyboard('{PageDown}');
    expect(cardTexts()).toEqual(['Product pages and promotion', '+1 (positive)', 'Prices on the web differ from the store']);
    await user.keyboard('{PageDown}'); // Buying: not on his path
    expect(cardTexts()).toEqual([]);
    expect(within(slide()).getByText('Nothing in this stage on Kevin Smith’s path.')).toBeInTheDocument();
    // Mai's path is a different one.
    await user.selectOptions(focus, 'Mai’s path');
    expect(cardTexts()).toEqual(['Welcome and satisfaction call', '+2 (very positive)']);
    expect(slide()).toHaveTextContent('Mai’s path');
  });

  it('gives the keys back to the slides after a filter is chosen, and arrows on the focused filter turn slides', async () => {
    const { user } = present(build('contact-center-lifecycle'));
    const focus = screen.getByRole('combobox', { name: 'Focus' });
    await user.selectOptions(focus, 'Only pain points');
    expect(slide()).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(slide()).toHaveAccessibleName('Slide 3 of 7: Initial contact');
    expect(slide()).toHaveFocus(); // the new slide's region, not <body>
    // Tabbed back to the filter (or clicked on it): a clicker's arrows still turn the slides.
    focus.focus();
    for (const key of ['{ArrowDown}', '{ArrowRight}', '{ArrowUp}', '{End}', '{Home}', '2']) await user.keyboard(key);
    expect(slide()).toHaveAccessibleName('Slide 3 of 7: Initial contact'); // ↓ → ↑ End Home, then stage 2
    expect(focus).toHaveValue('pain');
    expect(cardTexts()).toEqual(['Prices on the web differ from the store']);
  });

  it('offers a persona without arrows on the map, disabled, saying why', () => {
    const persona = kevin();
    present({ ...build('contact-center-lifecycle'), personaIds: [persona.id] }, { personas: [persona] });
    const option = within(screen.getByRole('combobox', { name: 'Focus' })).getByRole('option', { name: 'Kevin Smith’s path (no arrows on this map yet)' });
    expect(option).toBeDisabled();
  });

  it('offers no persona focus on a map without personas', () => {
    present(build('sample-th'));
    const values = within(screen.getByRole('combobox', { name: 'Focus' }))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(values.some((v) => v?.includes('path'))).toBe(false);
    expect(values).toContain('Only pain points');
  });

  it('hides the page’s scroll bars while presenting and gives them back after', () => {
    const map = build('classic-five');
    const { unmount } = render(<Presentation map={map} personas={[]} backHref="#/" />);
    expect(document.documentElement.style.overflow).toBe('hidden');
    unmount();
    expect(document.documentElement.style.overflow).toBe('');
  });
});

describe('PresentPage (the route)', () => {
  it('loads the map from storage and presents it', async () => {
    storage.bindDatabase(`present-${Math.random()}`);
    const map = build('sample-vi');
    await storage.saveMap(map);
    render(<PresentPage mapId={map.id} />);
    // A Vietnamese map presents in Vietnamese, whatever the interface's language.
    expect(await screen.findByRole('region', { name: 'Trang chiếu 1/7: Hành trình khách hàng (Customer Journey)' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /^Trang chiếu/ }).closest('[lang]')).toHaveAttribute('lang', 'vi');
  });

  it('says so when the map is not there', async () => {
    storage.bindDatabase(`present-${Math.random()}`);
    render(<PresentPage mapId="nope" />);
    expect(await screen.findByRole('heading', { name: 'Map not found' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Back to your maps' })).toHaveAttribute('href', '#/'));
  });
});

describe('presenter window sync', () => {
  it('follows the other window’s slide over a BroadcastChannel', async () => {
    const map = build('classic-five');
    render(<Presentation map={map} personas={[]} backHref="#/" view="presenter" />);
    const other = new BroadcastChannel(`journeyboard-present:${map.id}`);
    await act(async () => {
      other.postMessage({ type: 'state', index: 3, focus: 'all' });
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(slide()).toHaveAccessibleName('Slide 4 of 7: Purchase');
    other.close();
  });
});
