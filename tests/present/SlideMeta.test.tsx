import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMap } from '../../src/model/factory';
import { Presentation } from '../../src/present/Presentation';

afterEach(() => cleanup());

// A Persian (right-to-left) stage with a KPI, a pain point and an opportunity.
const map = buildMap(
  {
    title: 'سفر مشتری',
    direction: 'rtl',
    stages: [{ key: 's', name: 'خرید' }],
    lanes: [
      { key: 'k', kind: 'kpi', title: 'شاخص‌ها' },
      { key: 'p', kind: 'pain', title: 'نقاط درد' },
      { key: 'o', kind: 'opportunity', title: 'فرصت‌ها' },
    ],
    cards: [
      { stage: 's', lane: 'k', text: 'زمان پاسخ ایمیل', metric: 'response-time', value: 30, target: 24, unit: 'ساعت' },
      { stage: 's', lane: 'p', text: 'پاسخ دیر', severity: 'high' },
      { stage: 's', lane: 'o', text: 'پاسخ خودکار', status: 'in-progress', priority: 'high' },
    ],
  },
  '2025-01-01T00:00:00.000Z',
);

function stageSlide() {
  render(<Presentation map={map} personas={[]} backHref="#/" onLeave={vi.fn()} />);
  // On a right-to-left map the left arrow goes forward, to the first stage.
  fireEvent.keyDown(window, { key: 'ArrowLeft' });
  return screen.getByRole('region', { name: /^Slide 2 of/ });
}

describe('presentation card lines', () => {
  it('read as labels, and keep each value with its unit in order on a right-to-left map', () => {
    const slide = stageSlide();
    const meta = [...slide.querySelectorAll('.jbpres-meta')].map((p) => p.textContent);
    // An email reply of 30 hours against 24: over its target, which for a response time is a miss.
    expect(meta).toContain('Response time: 30 ساعت · target 24 ساعت · ✗ Above target');
    expect(meta).toContain('Severity: High');
    expect(meta).toContain('In progress · priority high');
    // The value and its unit are one isolate, so the bidi algorithm cannot move "ساعت" next to "target".
    const kpi = within(slide).getByText(/Response time/);
    expect([...kpi.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['30 ساعت', '24 ساعت']);
  });
});
