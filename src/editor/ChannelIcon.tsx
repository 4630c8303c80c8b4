/**
 * Small line drawings of the channels, our own, drawn inline (the app ships no emoji
 * font, and an emoji the system lacks shows as an empty box). Decorative: the
 * channel's name is always written next to them, so they are hidden from assistive
 * technology. They take the text colour.
 */
import type { ReactNode } from 'react';
import type { ChannelId } from '../model/channels';

/** Each drawing on a 16 × 16 grid, stroked with the current colour. */
const DRAWINGS: Record<ChannelId, ReactNode> = {
  phone: <path d="M4 2.5h2l1 3-1.5 1a7 7 0 0 0 4 4l1-1.5 3 1v2a1.5 1.5 0 0 1-1.5 1.5A10.5 10.5 0 0 1 2.5 4 1.5 1.5 0 0 1 4 2.5z" />,
  ivr: (
    <g>
      {[4, 8, 12].flatMap((y) => [4, 8, 12].map((x) => <circle key={`${x}${y}`} cx={x} cy={y} r="0.9" />))}
    </g>
  ),
  email: (
    <g>
      <rect x="2" y="3.5" width="12" height="9" rx="1" />
      <path d="M2.5 4.5 8 9l5.5-4.5" />
    </g>
  ),
  chat: (
    <g>
      <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
      <path d="M5.5 7h.01M8 7h.01M10.5 7h.01" />
    </g>
  ),
  video: (
    <g>
      <rect x="1.5" y="4.5" width="9" height="7" rx="1" />
      <path d="m10.5 7 4-2v6l-4-2" />
    </g>
  ),
  sms: (
    <g>
      <rect x="4" y="1.5" width="8" height="13" rx="1.5" />
      <path d="M6 5h4M6 7.5h3" />
    </g>
  ),
  facebook: (
    <g>
      <rect x="2" y="2" width="12" height="12" rx="2.5" />
      <path d="M10.5 5.5h-1a1.5 1.5 0 0 0-1.5 1.5v7M6.5 9h4" />
    </g>
  ),
  line: (
    <g>
      <path d="M8 2.5c3.3 0 6 2 6 4.6 0 2.9-3.2 5-6.7 6.6l.3-2C4.5 11.4 2 9.5 2 7.1 2 4.5 4.7 2.5 8 2.5z" />
      <path d="M5 5.8v2.6h1.3M7.6 5.8v2.6M9.3 8.4V5.8l1.7 2.6V5.8" />
    </g>
  ),
  zalo: (
    <g>
      <rect x="2" y="2" width="12" height="12" rx="4" />
      <path d="M5.5 6h5l-5 4.5h5" />
    </g>
  ),
  instagram: (
    <g>
      <rect x="2" y="2" width="12" height="12" rx="3.5" />
      <circle cx="8" cy="8" r="2.7" />
      <path d="M11.3 4.7h.01" />
    </g>
  ),
  x: <path d="m3 3 10 10M13 3 3 13" />,
  web: (
    <g>
      <circle cx="8" cy="8" r="6" />
      <path d="M2 8h12M8 2c-2.2 2-2.2 10 0 12M8 2c2.2 2 2.2 10 0 12" />
    </g>
  ),
  app: (
    <g>
      <rect x="4" y="1.5" width="8" height="13" rx="1.5" />
      <path d="M7 12.5h2M6.5 4.5h3v3h-3z" />
    </g>
  ),
  store: (
    <g>
      <path d="M2 6.5 3.5 2.5h9L14 6.5M2 6.5h12M2 6.5a2 2 0 0 0 4 0 2 2 0 0 0 4 0 2 2 0 0 0 4 0M3 8.5v5h10v-5" />
      <path d="M6.5 13.5v-3h3v3" />
    </g>
  ),
  field: (
    <g>
      <path d="M8 14.5s-4.5-4.2-4.5-7.5a4.5 4.5 0 0 1 9 0c0 3.3-4.5 7.5-4.5 7.5z" />
      <circle cx="8" cy="7" r="1.6" />
    </g>
  ),
};

/** No channel chosen yet: a dashed circle. */
const NONE = <circle cx="8" cy="8" r="5.5" strokeDasharray="2.5 2" />;

export function ChannelIcon({ id }: { id: string | null }) {
  const drawing = (id !== null && (DRAWINGS as Record<string, ReactNode>)[id]) || NONE;
  return (
    <svg
      className="jb-channel__icon"
      data-channel={id ?? 'none'}
      viewBox="0 0 16 16"
      width={14}
      height={14}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {drawing}
    </svg>
  );
}
