import * as z from 'zod/mini';
import type { I18n } from '../i18n';
import type { Locale } from '../i18n/locales';
import { fixedNumber, say, type Message } from '../i18n/message';

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

/**
 * The names of the default channels in each language a map can be in. Brands (LINE, Facebook,
 * Zalo, …) and the acronyms the seed articles write in Latin letters (IVR, SMS) stay as they are.
 * A map stores its channels' names, so a map gets them in its language when it is made.
 */
const CHANNEL_NAMES: Record<Exclude<Locale, 'en'>, Partial<Record<ChannelId, string>>> = {
  th: { phone: 'โทรศัพท์', email: 'อีเมล', chat: 'แชตสด', video: 'วิดีโอคอล', web: 'เว็บไซต์', app: 'แอปมือถือ', store: 'หน้าร้าน / สาขา', field: 'ลงพื้นที่' },
  fa: { phone: 'تلفن', email: 'ایمیل', chat: 'گفت‌وگوی زنده', video: 'تماس تصویری', web: 'وب‌سایت', app: 'اپلیکیشن موبایل', store: 'فروشگاه / شعبه', field: 'بازدید میدانی' },
  vi: { phone: 'Điện thoại', email: 'Email', chat: 'Trò chuyện trực tuyến', video: 'Gọi video', web: 'Trang web', app: 'Ứng dụng di động', store: 'Cửa hàng / chi nhánh', field: 'Khảo sát tại chỗ' },
};

/** The default channel catalogue with its names in `locale`. */
export function defaultChannels(locale: Locale = 'en'): Channel[] {
  const names = locale === 'en' ? {} : CHANNEL_NAMES[locale];
  return DEFAULT_CHANNELS.map((c) => ({ ...c, name: names[c.id] ?? c.name }));
}

/** "at once", "2 min", "1.5 h", "2 d": a response target as a message (src/i18n/message.ts). */
export function responseTargetMessage(minutes: number): Message {
  if (minutes <= 0) return /*i18n*/ { id: 'model.responseTarget.atOnce' };
  if (minutes < HOUR) return /*i18n*/ { id: 'model.responseTarget.minutes', values: { minutes } };
  if (minutes < 48 * HOUR || minutes % (24 * HOUR) !== 0) {
    const hours = minutes / HOUR;
    return /*i18n*/ { id: 'model.responseTarget.hours', values: { hours: fixedNumber(hours, Number.isInteger(hours) ? 0 : 1) } };
  }
  return /*i18n*/ { id: 'model.responseTarget.days', values: { days: minutes / (24 * HOUR) } };
}

/**
 * "at once", "2 min", "1 h", "24 h", "2 d": how a response target reads on a card, in the language of
 * `i18n` (the interface's, or the map's for print and slides). Without one, in English, as before the
 * catalogues: callers that do not pass theirs yet keep working.
 */
export function formatResponseTarget(minutes: number, i18n?: I18n): string {
  if (i18n) return say(i18n, responseTargetMessage(minutes));
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
