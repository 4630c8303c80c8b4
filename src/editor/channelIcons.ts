import type { ChannelId } from '../model/channels';

/** A glyph per channel, shown next to its name (decorative: the name is always written out). */
const ICONS: Record<ChannelId, string> = {
  phone: '☎️',
  ivr: '🔢',
  email: '✉️',
  chat: '💬',
  video: '🎥',
  sms: '📱',
  facebook: '📘',
  line: '🟩',
  zalo: '🟦',
  instagram: '📷',
  x: '✖️',
  web: '🌐',
  app: '📲',
  store: '🏬',
  field: '🚗',
};

export function channelIcon(id: string): string {
  return (ICONS as Record<string, string>)[id] ?? '•';
}
