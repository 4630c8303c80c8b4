import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueI18n, webPageCatalogue } from '../../src/export/webPage';
import type { I18n } from '../../src/i18n';
import type { Locale } from '../../src/i18n/locales';
import { I18nProvider } from '../../src/i18n/react';
import { createPersona } from '../../src/model/factory';
import { sampleById } from '../../src/model/samples';
import type { JourneyMap } from '../../src/model/schema';
import { Unreadable, Viewer } from '../../src/viewer/Viewer';

afterEach(() => cleanup());

function sample(id: string): JourneyMap {
  return sampleById(id)!.build() as JourneyMap;
}

/** The i18n the page starts with: the messages a page of a map in `language` carries (as main.tsx reads them). */
async function pageI18n(language: Locale): Promise<I18n> {
  return catalogueI18n(await webPageCatalogue({ language }));
}

function renderIn(i18n: I18n, ui: ReactElement) {
  return render(<I18nProvider i18n={i18n}>{ui}</I18nProvider>);
}

describe('Viewer', () => {
  it('shows the map in a main landmark, and search marks the matching cards and counts them', async () => {
    const map = sample('sample-vi');
    const i18n = await pageI18n('vi');
    const user = userEvent.setup();
    renderIn(i18n, <Viewer map={map} personas={[]} images={[]} />);
    const main = screen.getByRole('main');
    const region = within(main).getByRole('region', { name: i18n._('viewer.mapRegion') });
    expect(i18n._('viewer.mapRegion')).toMatch(/^Bản đồ: kéo/);
    const word = 'khách';
    // A card matches by its text or its owner (both are on the card).
    const expected = map.cards
      .filter((c) => [c.text, 'owner' in c ? c.owner : ''].some((t) => t.toLocaleLowerCase().includes(word)))
      .map((c) => c.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    await user.type(screen.getByRole('searchbox', { name: i18n._('viewer.search') }), word);
    expect(screen.getByRole('status')).toHaveTextContent(`${expected.length} thẻ khớp`);
    const marked = [...region.querySelectorAll<HTMLElement>('[data-match="true"]')].map((el) => el.dataset.cardId).sort();
    expect(marked).toEqual(expected);
    await user.clear(screen.getByRole('searchbox', { name: i18n._('viewer.search') }));
    expect(region.querySelectorAll('[data-match]')).toHaveLength(0);
  });

  it('zooms from the keyboard in the map region and from the buttons', async () => {
    const user = userEvent.setup();
    renderIn(await pageI18n('en'), <Viewer map={sample('sample-th')} personas={[]} images={[]} />);
    screen.getByRole('region', { name: 'The map: drag or use the arrow keys to move, + and - to zoom' }).focus();
    await user.keyboard('++');
    expect(screen.getByRole('group', { name: 'Zoom 125%' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(screen.getByRole('group', { name: 'Zoom 110%' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Actual size' }));
    expect(screen.getByRole('group', { name: 'Zoom 100%' })).toBeInTheDocument();
  });

  it('shows the map’s personas with their photos, and says so when it has none', async () => {
    const map = sample('sample-fa');
    const i18n = await pageI18n('fa');
    const user = userEvent.setup();
    const maryam = { ...createPersona({ name: 'مریم احمدی' }, '2025-01-01T00:00:00.000Z'), avatarImageId: 'img-1' };
    const other = createPersona({ name: 'Not on this map' }, '2025-01-01T00:00:00.000Z');
    const photo = 'data:image/png;base64,iVBORw0KGgo=';
    const { unmount } = renderIn(
      i18n,
      <Viewer map={{ ...map, personaIds: [maryam.id] }} personas={[other, maryam]} images={[{ id: 'img-1', type: 'image/png', dataUrl: photo }]} />,
    );
    await user.click(screen.getByRole('button', { name: 'پرسوناها' }));
    // The profile page speaks the map's language too: "Page 1 of 1: Persona profile" in Persian digits.
    const profile = screen.getByRole('region', { name: 'صفحه ۱ از ۱: نمایه پرسونا' });
    expect(within(profile).getByRole('heading', { name: 'مریم احمدی' })).toBeInTheDocument();
    expect(profile.querySelector('img')?.getAttribute('src')).toBe(photo);
    expect(screen.queryByText('Not on this map')).toBeNull();
    unmount();
    renderIn(i18n, <Viewer map={map} personas={[]} images={[]} />);
    await user.click(screen.getByRole('button', { name: 'پرسوناها' }));
    expect(screen.getByText('این نقشه پرسونا ندارد.')).toBeInTheDocument();
  });

  it('presents the map with the app’s slides, notes hidden, and Escape comes back to the map', async () => {
    const map = sample('sample-th');
    const i18n = await pageI18n('th');
    const user = userEvent.setup();
    renderIn(i18n, <Viewer map={map} personas={[]} images={[]} />);
    await user.click(screen.getByRole('button', { name: 'นำเสนอ' }));
    // The slides speak Thai too.
    expect(screen.getByRole('region', { name: `สไลด์ 1 จาก ${map.stages.length + 2}: ${map.title}` })).toBeInTheDocument();
    expect(screen.queryByRole('complementary', { name: 'โน้ตผู้บรรยาย' })).toBeNull();
    await user.keyboard('{PageDown}');
    expect(screen.getByRole('region', { name: `สไลด์ 2 จาก ${map.stages.length + 2}: ${map.stages[0]!.name}` })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('region', { name: i18n._('viewer.mapRegion') })).toBeInTheDocument();
  });

  it('shows no message id, in any language, on any of its views', async () => {
    for (const language of ['en', 'th', 'fa', 'vi'] as const) {
      const user = userEvent.setup();
      const maryam = createPersona({ name: 'مریم احمدی' }, '2025-01-01T00:00:00.000Z');
      const map = { ...sample('sample-fa'), personaIds: [maryam.id] };
      const { container, unmount } = renderIn(await pageI18n(language), <Viewer map={map} personas={[maryam]} images={[]} />);
      const ids = /\b(viewer|print|present|label)\.[a-z][A-Za-z.]*/;
      const texts = () => [container.textContent, ...[...container.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'))].join('\n');
      expect(texts()).not.toMatch(ids);
      for (const view of [1, 2]) {
        await user.click(screen.getAllByRole('button')[view]!);
        expect(texts(), `${language}, view ${view}`).not.toMatch(ids);
        await user.keyboard('{Escape}');
      }
      unmount();
    }
  });

  it('says when the page holds no map, and in English when it lost its messages too', async () => {
    renderIn(await pageI18n('vi'), <Unreadable />);
    expect(screen.getByText('Trang này không có bản đồ nào để hiển thị.')).toBeInTheDocument();
    cleanup();
    renderIn(catalogueI18n({ locale: 'en', messages: {} }), <Unreadable />);
    expect(screen.getByText('This page holds no map that can be shown.')).toBeInTheDocument();
  });
});
