import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { i18n, i18nFor } from '../../src/i18n';
import { I18nProvider } from '../../src/i18n/react';
import { PrintStudio } from '../../src/export/PrintStudio';
import { PrintView } from '../../src/export/PrintView';
import { estimateMapPageMm, mapPageRoomMm, printLayout, type MapPageSpec, type PrintOptions } from '../../src/export/printLayout';
import { templateById } from '../../src/model/templates';
import { persona, tallMap, TEXTS, wideMap } from './arbitraries';

const XSS = '<img src=x onerror=alert(1)>';

describe('PrintView', () => {
  it('renders every stage once per map page set, lane headers on every page, texts as text', () => {
    const map = wideMap(12);
    map.cards[0] = { ...map.cards[0]!, text: XSS };
    const people = [persona('persona-1', 'Kevin Smith')];
    const layout = printLayout(i18n, map, people, { size: 'A4', orientation: 'landscape' });
    const { container } = render(<PrintView map={map} personas={people} layout={layout} date={new Date('2025-03-02T00:00:00Z')} />);

    const sheets = container.querySelectorAll('section.jbp-sheet');
    expect(sheets).toHaveLength(layout.pages.length);
    const mapSheets = container.querySelectorAll('section.jbp-sheet-map');
    expect(mapSheets).toHaveLength(3);
    const stageNames = [...container.querySelectorAll('.jbp-sheet-map .jbp-stage-name')].map((n) => n.textContent);
    expect(stageNames).toEqual(map.stages.map((s) => s.name));
    for (const sheet of mapSheets) {
      const lanes = [...sheet.querySelectorAll('.jbp-lane-title')].map((n) => n.textContent);
      expect(lanes).toEqual(map.lanes.map((l) => l.title));
    }
    // Imported text is data: shown as text, never as an element.
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByText(XSS)).toBeInTheDocument();
    // Every text of the document is marked dir="auto".
    expect(screen.getByText(XSS)).toHaveAttribute('dir', 'auto');
    expect([...container.querySelectorAll('.jbp-card-body')].filter((n) => n.getAttribute('dir') !== 'auto').map((n) => n.outerHTML)).toEqual([]);
    // Cover and persona page.
    expect(within(sheets[0] as HTMLElement).getByRole('heading', { level: 1 })).toHaveTextContent(map.title);
    expect(within(sheets[0] as HTMLElement).getByText('March 2, 2025')).toBeInTheDocument();
    expect(within(sheets[1] as HTMLElement).getByRole('heading', { name: 'Kevin Smith' })).toBeInTheDocument();
    expect(container.querySelector('style')?.textContent).toBe('@page { size: 297mm 210mm; margin: 10mm; }');
  });

  it('takes the map direction on map pages', () => {
    const map = wideMap(2, { direction: 'rtl' });
    const layout = printLayout(i18n, map, [], { size: 'A4', orientation: 'landscape' });
    const { container } = render(<PrintView map={map} personas={[]} layout={layout} />);
    expect(container.querySelector('table.jbp-map')).toHaveAttribute('dir', 'rtl');
    expect(screen.getAllByText(new RegExp(TEXTS.fa)).length).toBeGreaterThan(0);
  });
});

describe('PrintView: the pages made for paper', () => {
  const contactCenter = templateById('contact-center-lifecycle')!.build();

  it('the cover carries the title, the personas with photo, name and role, the summary and the KPI scorecard', () => {
    const people = [
      persona('persona-1', 'มาลี ใจดี', { occupation: 'พนักงานบัญชี', avatarImageId: 'img-1' }),
      persona('persona-2', 'Kevin Smith', { occupation: 'Engineer' }),
    ];
    const map = { ...contactCenter, personaIds: people.map((p) => p.id) };
    const layout = printLayout(i18n, map, people);
    const { container } = render(<PrintView map={map} personas={people} layout={layout} avatarUrls={{ 'img-1': 'blob:photo' }} />);
    const cover = within(container).getByRole('region', { name: /^Page 1 of \d+: Cover$/ });
    expect(within(cover).getByRole('heading', { level: 1 })).toHaveTextContent('Contact-center life cycle');
    expect(within(cover).getByText('5 stages, 9 lanes, 32 cards')).toBeInTheDocument();
    for (const stage of map.stages) expect(within(cover).getByText(stage.name, { selector: 'li' })).toBeInTheDocument();
    // Cards by kind.
    expect(within(cover).getByText('Touchpoints').nextElementSibling).toHaveTextContent('6');
    // Personas: photo, name and role.
    expect(within(cover).getByText('มาลี ใจดี')).toHaveAttribute('dir', 'auto');
    expect(within(cover).getByText('พนักงานบัญชี')).toBeInTheDocument();
    expect(within(cover).getByText('Engineer')).toBeInTheDocument();
    expect(cover.querySelector('img.jbp-avatar')).toHaveAttribute('src', 'blob:photo');
    // The scorecard: a row per KPI card with its name, metric, stage, value, target and status.
    const scorecard = within(cover).getByRole('table');
    const rows = within(scorecard).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toContainEqual(['CSAT', 'CSAT', 'Buying', '4.3 /5', '4.5 /5', '✗ Below target']);
    expect(rows).toHaveLength(map.cards.filter((c) => c.kind === 'kpi').length);
    expect(within(cover).getByText(/^Printed/)).toBeInTheDocument();
  });

  it('a KPI that meets its target says so; lower is better for response time', () => {
    const map = structuredClone(contactCenter);
    const kpis = map.cards.filter((c) => c.kind === 'kpi');
    map.cards = map.cards.map((c) =>
      c.id === kpis[0]!.id ? { ...c, metric: 'response-time' as const, value: 20, target: 24, unit: 'h', text: 'Reply time' } : c,
    );
    const { container } = render(<PrintView map={map} personas={[]} layout={printLayout(i18n, map, [])} />);
    const scorecard = within(within(container).getByRole('region', { name: /Cover$/ })).getByRole('table');
    expect(within(scorecard).getByRole('row', { name: /Reply time/ })).toHaveTextContent('✓ On target');
  });

  it('a response time over its target is "above target", not "below" (an email reply of 30 h against 24 h)', () => {
    const map = structuredClone(contactCenter);
    const first = map.cards.find((c) => c.kind === 'kpi')!;
    map.cards = map.cards.map((c) => (c.id === first.id ? { ...c, metric: 'response-time' as const, value: 30, target: 24, unit: 'h', text: 'Email reply' } : c));
    const { container } = render(<PrintView map={map} personas={[]} layout={printLayout(i18n, map, [])} />);
    const scorecard = within(within(container).getByRole('region', { name: /Cover$/ })).getByRole('table');
    const row = within(scorecard).getByRole('row', { name: /Email reply/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent).slice(3)).toEqual(['30 h', '24 h', '✗ Above target']);
  });

  it('each tile has one row of stage headers and one header per lane, naming the lane once', () => {
    const layout = printLayout(i18n, contactCenter, [], { size: 'A4', orientation: 'landscape', cover: false });
    const { container } = render(<PrintView map={contactCenter} personas={[]} layout={layout} />);
    const tiles = container.querySelectorAll('section.jbp-sheet-map');
    expect(tiles.length).toBeGreaterThan(1);
    for (const tile of tiles) {
      expect(tile.querySelectorAll('thead tr')).toHaveLength(1);
      const headers = within(tile as HTMLElement).getAllByRole('rowheader');
      expect(headers.map((h) => h.querySelector('.jbp-lane-title')!.textContent)).toEqual(contactCenter.lanes.map((l) => l.title));
      // "Touchpoints", not "Touchpoints / Touchpoints"; the kind only where the title does not say it.
      for (const h of headers) {
        const words = [...h.querySelectorAll('span')].map((s) => s.textContent!.toLowerCase());
        expect(new Set(words).size, h.textContent!).toBe(words.length);
      }
      expect(headers.find((h) => h.textContent!.includes('Touchpoints'))!.textContent).toBe('Touchpoints');
    }
  });

  it('without the cover the map pages come first; fit to one page draws one zoomed table', () => {
    const layout = printLayout(i18n, contactCenter, [], { size: 'A4', orientation: 'portrait', fitToPage: true, cover: false });
    const { container } = render(<PrintView map={contactCenter} personas={[]} layout={layout} />);
    expect(container.querySelectorAll('section.jbp-sheet')).toHaveLength(1);
    const table = container.querySelector<HTMLElement>('section.jbp-sheet-map table')!;
    const scale = (layout.pages[0] as MapPageSpec).scale;
    expect(Number(table.dataset.scale)).toBe(scale);
    expect(table.style.zoom).toBe(String(scale));
  });
});

describe('PrintView in the map’s language', () => {
  it('words the pages, their digits and their dates in the language it is given, and lays out those words', async () => {
    const fa = await i18nFor('fa');
    const map = templateById('contact-center-lifecycle')!.build();
    const layout = printLayout(fa, map, []);
    const { container } = render(
      <I18nProvider i18n={fa}>
        <PrintView map={map} personas={[]} layout={layout} date={new Date('2025-03-02T12:00:00Z')} />
      </I18nProvider>,
    );
    const cover = within(container).getByRole('region', { name: /^صفحه ۱ از [۰-۹]+: جلد$/ });
    expect(within(cover).getByText('۵ مرحله، ۹ ردیف، ۳۲ کارت')).toBeInTheDocument();
    expect(within(cover).getByText('نقاط تماس').nextElementSibling).toHaveTextContent('۶');
    expect(within(cover).getByRole('columnheader', { name: 'هدف' })).toBeInTheDocument();
    expect(cover.querySelector('time')?.textContent).toBe(fa.date(new Date('2025-03-02T12:00:00Z'), { dateStyle: 'long' }));
    expect(container.textContent).not.toMatch(/Printed|Map, page|KPI scorecard/);
    // The captions are Persian too.
    expect(container.querySelector('.jbp-sheet-map .jbp-muted')?.textContent).toMatch(/^ · (نقشه، صفحه|هر )/);
  });
});

describe('card meta lines', () => {
  it('isolate every value from the document (dir="auto"), so an RTL map keeps "Response time: 30 ساعت · target 24 ساعت" in order', () => {
    const map = wideMap(1, { direction: 'rtl' });
    map.channels = map.channels.map((c) => (c.id === 'phone' ? { ...c, name: 'تلفن' } : c));
    map.cards = map.cards.map((c) => {
      if (c.kind === 'kpi') return { ...c, metric: 'response-time', value: 30, target: 24, unit: 'ساعت' };
      if (c.kind === 'touchpoint') return { ...c, owner: 'مرکز تماس' };
      return c;
    });
    const { container } = render(<PrintView map={map} personas={[]} layout={printLayout(i18n, map, [])} />);
    const meta = (kind: string) => container.querySelector(`.jbp-card-${kind} .jbp-card-meta`)!;
    const values = (kind: string) => [...meta(kind).querySelectorAll('bdi')].map((b) => [b.getAttribute('dir'), b.textContent]);

    expect(meta('kpi')).toHaveAttribute('dir', 'auto');
    expect(meta('kpi').textContent).toBe('Response time: 30 ساعت · target 24 ساعت · ✗ Above target');
    expect(values('kpi')).toEqual([
      ['auto', '30 ساعت'],
      ['auto', '24 ساعت'],
    ]);
    expect(meta('touchpoint').textContent).toBe('تلفن · real-time · responds at onceOwner: مرکز تماس');
    expect(values('touchpoint')).toEqual([
      ['auto', 'تلفن'],
      ['auto', 'مرکز تماس'],
    ]);
    // Every span of every meta line picks its own direction.
    const spans = [...container.querySelectorAll('.jbp-card-meta > span')];
    expect(spans.length).toBeGreaterThan(5);
    expect(spans.filter((s) => s.getAttribute('dir') !== 'auto')).toEqual([]);
  });
});

describe('PrintStudio', () => {
  it('has labelled page-size and orientation selects, and prints after the fonts are ready', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const map = wideMap(12);
    const { container } = render(<PrintStudio map={map} personas={[]} backHref="#/maps/x" />);
    const size = screen.getByRole('combobox', { name: 'Page size' });
    const orientation = screen.getByRole('combobox', { name: 'Orientation' });
    expect(container.querySelectorAll('section.jbp-sheet-map')).toHaveLength(3);
    // The count the toolbar gives is the layout's: one page per sheet (the cover and 3 map pages).
    expect(screen.getByRole('status')).toHaveTextContent(/^4 pages$/);

    await user.selectOptions(size, 'A3');
    expect(container.querySelectorAll('section.jbp-sheet-map')).toHaveLength(2);
    await user.selectOptions(orientation, 'portrait');
    expect(container.querySelectorAll('section.jbp-sheet-map').length).toBeGreaterThan(2);
    await user.selectOptions(size, 'A2');
    expect(container.querySelector('.jbp-print')).toHaveAttribute('data-size', 'A2');
    // Fit to one page and the cover are checkboxes that work from the keyboard (Space toggles the focused one).
    const fit = screen.getByRole('checkbox', { name: 'Fit to one page' });
    fit.focus();
    await user.keyboard(' ');
    expect(fit).toBeChecked();
    expect(container.querySelectorAll('section.jbp-sheet-map')).toHaveLength(1);
    expect(container.querySelector('section.jbp-sheet-map table')).toHaveAttribute('data-scale');
    expect(orientation).toBeEnabled();
    const cover = screen.getByRole('checkbox', { name: 'Cover page' });
    expect(cover).toBeChecked();
    expect(container.querySelectorAll('section.jbp-sheet-cover')).toHaveLength(1);
    cover.focus();
    await user.keyboard(' ');
    expect(container.querySelectorAll('section.jbp-sheet')).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent(/^1 page$/);

    await user.click(screen.getByRole('button', { name: 'Print / Save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.title).toBe(map.title);
    print.mockRestore();
  });

  it('re-lays out with taller estimates when the browser finds a map page taller than its paper, and counts the pages that print', async () => {
    // jsdom lays nothing out. Pretend to be a browser whose text is 30% taller than the estimates:
    // a sheet body measures 1.3 x the unscaled estimate of the page it shows.
    const options: PrintOptions = { size: 'A4', orientation: 'portrait' };
    const map = tallMap();
    const PX_PER_MM = 96 / 25.4;
    const observers: (() => void)[] = [];
    const saved = globalThis.ResizeObserver;
    globalThis.ResizeObserver = class {
      constructor(private callback: () => void) {
        observers.push(() => this.callback());
      }
      observe() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const sheet = this.closest<HTMLElement>('section.jbp-sheet');
      if (!this.classList.contains('jbp-sheet-body') || !sheet) return new DOMRect(0, 0, 0, 0);
      if (sheet.dataset.kind !== 'map') return new DOMRect(0, 0, 700, 300);
      const scale = Number(this.closest<HTMLElement>('[data-height-scale]')!.dataset.heightScale);
      const layout = printLayout(i18n, map, [], options, { heightScale: scale });
      const page = layout.pages[Number(sheet.dataset.page) - 1] as MapPageSpec;
      return new DOMRect(0, 0, 700, 1.3 * estimateMapPageMm(i18n, map, page, layout) * PX_PER_MM);
    });
    try {
      const { container } = render(<PrintStudio map={map} personas={[]} initialOptions={options} />);
      await act(async () => {
        for (let i = 0; i < 6; i++) observers.forEach((o) => o());
        await Promise.resolve();
      });
      const frame = container.querySelector<HTMLElement>('[data-height-scale]')!;
      const scale = Number(frame.dataset.heightScale);
      expect(scale).toBeGreaterThan(1.25);
      const layout = printLayout(i18n, map, [], options, { heightScale: scale });
      const sheets = container.querySelectorAll('section.jbp-sheet');
      expect(sheets).toHaveLength(layout.pages.length);
      expect(layout.pages.length).toBeGreaterThan(printLayout(i18n, map, [], options).pages.length);
      // Now every map page fits its paper, and the toolbar counts one page per sheet.
      for (const page of layout.pages.filter((p): p is MapPageSpec => p.kind === 'map')) {
        expect(1.3 * estimateMapPageMm(i18n, map, page, layout)).toBeLessThanOrEqual(mapPageRoomMm(layout) + 4);
      }
      expect(within(container).getByRole('status')).toHaveTextContent(`${layout.pages.length} pages`);
      expect(frame).toHaveAttribute('data-ready', 'true');
    } finally {
      rect.mockRestore();
      globalThis.ResizeObserver = saved;
    }
  });
});
