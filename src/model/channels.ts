import * as z from 'zod/mini';

/** The channels of domain.md. Ids are stable: they are stored in documents. */
export const CHANNEL_IDS = [
  'phone',
  'ivr',
  'email',
  'chat',
  'video',
  'sms',
  'facebook',
  'line',
  'zalo',
  'instagram',
  'x',
  'web',
  'app',
  'store',
  'field',
] as const;

export const ChannelIdSchema = z.enum(CHANNEL_IDS);
export type ChannelId = z.infer<typeof ChannelIdSchema>;

/** A channel as a map sees it: its response target can be changed per map. */
export const ChannelSchema = z.object({
  id: ChannelIdSchema,
  /** Capped like every other name in the document (schema.ts: Text(500)). */
  name: z.string().check(z.maxLength(500)),
  /** Real-time channels (phone, chat, video) are answered while the customer waits. */
  realtime: z.boolean(),
  /** Response target in minutes; 0 means "at once". */
  responseTargetMinutes: z.number().check(z.int(), z.minimum(0)),
});
export type Channel = z.infer<typeof ChannelSchema>;

const HOUR = 60;

export const DEFAULT_CHANNELS: readonly Channel[] = [
  { id: 'phone', name: 'Phone', realtime: true, responseTargetMinutes: 0 },
  { id: 'ivr', name: 'IVR', realtime: true, responseTargetMinutes: 0 },
  { id: 'email', name: 'Email', realtime: false, responseTargetMinutes: 24 * HOUR },
  { id: 'chat', name: 'Live chat', realtime: true, responseTargetMinutes: 2 },
  { id: 'video', name: 'Video call', realtime: true, responseTargetMinutes: 0 },
  { id: 'sms', name: 'SMS', realtime: false, responseTargetMinutes: 4 * HOUR },
  { id: 'facebook', name: 'Facebook', realtime: false, responseTargetMinutes: 1 * HOUR },
  { id: 'line', name: 'LINE', realtime: false, responseTargetMinutes: 1 * HOUR },
  { id: 'zalo', name: 'Zalo', realtime: false, responseTargetMinutes: 1 * HOUR },
  { id: 'instagram', name: 'Instagram', realtime: false, responseTargetMinutes: 1 * HOUR },
  { id: 'x', name: 'X', realtime: false, responseTargetMinutes: 1 * HOUR },
  { id: 'web', name: 'Web site', realtime: false, responseTargetMinutes: 0 },
  { id: 'app', name: 'Mobile app', realtime: false, responseTargetMinutes: 0 },
  { id: 'store', name: 'Store / branch', realtime: true, responseTargetMinutes: 10 },
  { id: 'field', name: 'Field visit', realtime: false, responseTargetMinutes: 48 * HOUR },
];

/** "at once", "2 min", "1 h", "24 h", "2 d": how a response target reads on a card. */
export function formatResponseTarget(minutes: number): string {
  if (minutes <= 0) return 'at once';
  if (minutes < HOUR) return `${minutes} min`;
  if (minutes < 48 * HOUR || minutes % (24 * HOUR) !== 0) {
    const hours = minutes / HOUR;
    return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
  }
  return `${minutes / (24 * HOUR)} d`;
}

export function channelById(channels: readonly Channel[], id: ChannelId): Channel | undefined {
  return channels.find((c) => c.id === id) ?? DEFAULT_CHANNELS.find((c) => c.id === id);
}
