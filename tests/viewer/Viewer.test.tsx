import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createPersona } from '../../src/model/factory';
import { sampleById } from '../../src/model/samples';
import type { JourneyMap } from '../../src/model/schema';
import { Viewer } from '../../src/viewer/Viewer';
import { chromeText, VIEWER_LANGUAGES, VIEWER_STRINGS, viewerStrings } from '../../src/viewer/strings';

afterEach(() => cleanup());

function sample(id: string): JourneyMap {
  return sampleById(id)!.build() as JourneyMap;
}

describe('Viewer', () => {
  it('shows the map in a main landmark, and search marks the matching cards and counts them', async () => {
    const map = sample('sample-vi');
    const s = VIEWER_STRINGS.vi;
    const user = userEvent.setup();
    render(<Viewer map={map} personas={[]} images={[]} strings={s} />);
    const main = screen.getByRole('main');
    const region = within(main).getByRole('region', { name: s.mapRegion });
    const word = 'khách';
    // A card matches by its text or its owner (both are on the card).
    const expected = map.cards
      .filter((c) => [c.text, 'owner' in c ? c.owner : ''].some((t) => t.toLocaleLowerCase().includes(word)))
      .map((c) => c.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    await user.type(screen.getByRole('searchbox', { name: s.search }), word);
    expect(screen.getByRole('status')).toHaveTextContent(s.matches(expected.length));
    const marked = [...region.querySelectorAll<HTMLElement>('[data-match="true"]')].map((el) => el.dataset.cardId).sort();
    expect(marked).toEqual(expected);
    await user.clear(screen.getByRole('searchbox', { name: s.search }));
    expect(region.querySelectorAll('[data-match]')).toHaveLength(0);
  });

  it('zooms from the keyboard in the map region and from the buttons', async () => {
    const s = VIEWER_STRINGS.en;
    const user = userEvent.setup();
    render(<Viewer map={sample('sample-th')} personas={[]} images={[]} strings={s} />);
    screen.getByRole('region', { name: s.mapRegion }).focus();
    await user.keyboard('++');
    expect(screen.getByRole('group', { name: s.zoom(125) })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: s.zoomOut }));
    expect(screen.getByRole('group', { name: s.zoom(110) })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: s.zoomReset }));
    expect(screen.getByRole('group', { name: s.zoom(100) })).toBeInTheDocument();
  });

  it('shows the map’s personas with their photos, and says so when it has none', async () => {
    const map = sample('sample-fa');
    const s = VIEWER_STRINGS.fa;
    const user = userEvent.setup();
    const maryam = { ...createPersona({ name: 'مریم احمدی' }, '2025-01-01T00:00:00.000Z'), avatarImageId: 'img-1' };
    const other = createPersona({ name: 'Not on this map' }, '2025-01-01T00:00:00.000Z');
    const photo = 'data:image/png;base64,iVBORw0KGgo=';
    const { unmount } = render(
      <Viewer map={{ ...map, personaIds: [maryam.id] }} personas={[other, maryam]} images={[{ id: 'img-1', type: 'image/png', dataUrl: photo }]} strings={s} />,
    );
    await user.click(screen.getByRole('button', { name: s.personas }));
    const profile = screen.getByRole('region', { name: /Persona profile/ });
    expect(within(profile).getByRole('heading', { name: 'مریم احمدی' })).toBeInTheDocument();
    expect(profile.querySelector('img')?.getAttribute('src')).toBe(photo);
    expect(screen.queryByText('Not on this map')).toBeNull();
    unmount();
    render(<Viewer map={map} personas={[]} images={[]} strings={s} />);
    await user.click(screen.getByRole('button', { name: s.personas }));
    expect(screen.getByText(s.noPersonas)).toBeInTheDocument();
  });

  it('presents the map with the app’s slides, notes hidden, and Escape comes back to the map', async () => {
    const map = sample('sample-th');
    const s = VIEWER_STRINGS.th;
    const user = userEvent.setup();
    render(<Viewer map={map} personas={[]} images={[]} strings={s} />);
    await user.click(screen.getByRole('button', { name: s.present }));
    expect(screen.getByRole('region', { name: `Slide 1 of ${map.stages.length + 2}: ${map.title}` })).toBeInTheDocument();
    expect(screen.queryByRole('complementary', { name: 'Speaker notes' })).toBeNull();
    await user.keyboard('{PageDown}');
    expect(screen.getByRole('region', { name: `Slide 2 of ${map.stages.length + 2}: ${map.stages[0]!.name}` })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('region', { name: s.mapRegion })).toBeInTheDocument();
  });
});

describe('viewer strings', () => {
  it('has every word in every language, and falls back to English', () => {
    for (const lang of VIEWER_LANGUAGES) for (const text of chromeText(lang)) expect(text.trim()).not.toBe('');
    expect(viewerStrings('fa-IR')).toBe(VIEWER_STRINGS.fa);
    expect(viewerStrings('de')).toBe(VIEWER_STRINGS.en);
  });
});
