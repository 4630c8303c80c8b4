import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChannelIcon } from '../../src/editor/ChannelIcon';
import { CHANNEL_IDS } from '../../src/model/channels';

afterEach(cleanup);

describe('<ChannelIcon>', () => {
  it('draws every channel as inline SVG, each its own drawing, hidden from assistive technology', () => {
    const drawings = new Set<string>();
    for (const id of CHANNEL_IDS) {
      const { container, unmount } = render(<ChannelIcon id={id} />);
      const svg = container.querySelector('svg')!;
      expect(svg).toHaveAttribute('aria-hidden', 'true');
      expect(svg).toHaveAttribute('focusable', 'false');
      expect(svg.querySelectorAll('path, circle, rect').length).toBeGreaterThan(0);
      // No text inside: no glyph that a missing font could turn into a box.
      expect(svg.textContent).toBe('');
      drawings.add(svg.innerHTML);
      unmount();
    }
    expect(drawings.size).toBe(CHANNEL_IDS.length);
  });

  it('draws a placeholder when there is no channel', () => {
    const { container } = render(<ChannelIcon id={null} />);
    expect(container.querySelector('svg')).toHaveAttribute('data-channel', 'none');
  });
});
