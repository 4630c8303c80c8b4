/**
 * The web page viewer's own words (its chrome), in the four languages our users write. The map
 * has no language field, so the page speaks the language its text is written in (guessLanguage);
 * buildWebPage writes it into <html lang>, where the viewer reads it back. Pure data and functions:
 * the exporter (app and command line) uses them too.
 */
export const VIEWER_LANGUAGES = ['en', 'th', 'fa', 'vi'] as const;
export type ViewerLanguage = (typeof VIEWER_LANGUAGES)[number];

export interface ViewerStrings {
  views: string;
  map: string;
  present: string;
  personas: string;
  search: string;
  searchPlaceholder: string;
  matches: (n: number) => string;
  noMatches: string;
  zoomIn: string;
  zoomOut: string;
  zoomReset: string;
  zoom: (percent: number) => string;
  print: string;
  mapRegion: string;
  noPersonas: string;
  unreadable: string;
  footer: string;
}

export const VIEWER_STRINGS: Record<ViewerLanguage, ViewerStrings> = {
  en: {
    views: 'Views',
    map: 'Map',
    present: 'Present',
    personas: 'Personas',
    search: 'Search the map',
    searchPlaceholder: 'Search cards',
    matches: (n) => (n === 1 ? '1 card matches' : `${n} cards match`),
    noMatches: 'No card matches',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Actual size',
    zoom: (p) => `Zoom ${p}%`,
    print: 'Print',
    mapRegion: 'The map: drag or use the arrow keys to move, + and - to zoom',
    noPersonas: 'This map has no personas.',
    unreadable: 'This page holds no map that can be shown.',
    footer: 'Made with Journeyboard. Drop this file on the Journeyboard library to edit the map.',
  },
  th: {
    views: 'มุมมอง',
    map: 'แผนที่',
    present: 'นำเสนอ',
    personas: 'เพอร์โซนา',
    search: 'ค้นหาในแผนที่',
    searchPlaceholder: 'ค้นหาการ์ด',
    matches: (n) => `พบ ${n} การ์ด`,
    noMatches: 'ไม่พบการ์ดที่ตรงกัน',
    zoomIn: 'ขยาย',
    zoomOut: 'ย่อ',
    zoomReset: 'ขนาดจริง',
    zoom: (p) => `ซูม ${p}%`,
    print: 'พิมพ์',
    mapRegion: 'แผนที่: ลากหรือใช้ปุ่มลูกศรเพื่อเลื่อน ใช้ + และ - เพื่อซูม',
    noPersonas: 'แผนที่นี้ไม่มีเพอร์โซนา',
    unreadable: 'หน้านี้ไม่มีแผนที่ที่แสดงได้',
    footer: 'สร้างด้วย Journeyboard วางไฟล์นี้ในคลังของ Journeyboard เพื่อแก้ไขแผนที่',
  },
  fa: {
    views: 'نماها',
    map: 'نقشه',
    present: 'ارائه',
    personas: 'پرسوناها',
    search: 'جستجو در نقشه',
    searchPlaceholder: 'جستجوی کارت‌ها',
    matches: (n) => `${n} کارت پیدا شد`,
    noMatches: 'هیچ کارتی پیدا نشد',
    zoomIn: 'بزرگ‌نمایی',
    zoomOut: 'کوچک‌نمایی',
    zoomReset: 'اندازهٔ واقعی',
    zoom: (p) => `بزرگ‌نمایی ${p}٪`,
    print: 'چاپ',
    mapRegion: 'نقشه: برای جابه‌جایی بکشید یا از کلیدهای جهت استفاده کنید، + و - برای بزرگ‌نمایی',
    noPersonas: 'این نقشه پرسونا ندارد.',
    unreadable: 'این صفحه نقشه‌ای برای نمایش ندارد.',
    footer: 'ساخته‌شده با Journeyboard. برای ویرایش نقشه، این فایل را روی کتابخانهٔ Journeyboard رها کنید.',
  },
  vi: {
    views: 'Chế độ xem',
    map: 'Bản đồ',
    present: 'Trình chiếu',
    personas: 'Chân dung khách hàng',
    search: 'Tìm trong bản đồ',
    searchPlaceholder: 'Tìm thẻ',
    matches: (n) => `${n} thẻ khớp`,
    noMatches: 'Không có thẻ nào khớp',
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    zoomReset: 'Kích thước thật',
    zoom: (p) => `Thu phóng ${p}%`,
    print: 'In',
    mapRegion: 'Bản đồ: kéo hoặc dùng phím mũi tên để di chuyển, + và - để thu phóng',
    noPersonas: 'Bản đồ này chưa có chân dung khách hàng.',
    unreadable: 'Trang này không có bản đồ nào để hiển thị.',
    footer: 'Tạo bằng Journeyboard. Thả tệp này vào thư viện Journeyboard để chỉnh sửa bản đồ.',
  },
};

const THAI = /[\u0E01-\u0E5B]/gu;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]/gu;
// Letters only Vietnamese writes among our languages: ă â đ ê ô ơ ư and the tone-marked vowels.
const VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/gu;
const LATIN = /[A-Za-z]/gu;

/**
 * The language a map is written in, from its text's scripts: the script with the most letters
 * wins; Latin text is Vietnamese when enough of its letters are ones only Vietnamese writes (an
 * English word or two in a Vietnamese map does not make it English). No text at all: English.
 */
export function guessLanguage(texts: Iterable<string>): ViewerLanguage {
  let th = 0;
  let fa = 0;
  let vi = 0;
  let latin = 0;
  for (const text of texts) {
    th += text.match(THAI)?.length ?? 0;
    fa += text.match(ARABIC)?.length ?? 0;
    vi += text.match(VIETNAMESE)?.length ?? 0;
    latin += text.match(LATIN)?.length ?? 0;
  }
  if (th === 0 && fa === 0 && vi + latin === 0) return 'en';
  if (th >= fa && th >= vi + latin) return 'th';
  if (fa >= vi + latin) return 'fa';
  // About one letter in six of Vietnamese prose is one of these; English has none.
  return vi / (vi + latin) >= 0.03 ? 'vi' : 'en';
}

/** The texts a map's readers see (not the file's keys, which are English words). */
export function mapTexts(
  map: { title: string; description: string; stages: readonly { name: string; description: string }[]; lanes: readonly { title: string }[]; cards: readonly { text: string }[] },
  personas: readonly { name: string }[] = [],
): string[] {
  return [
    map.title,
    map.description,
    ...map.stages.flatMap((s) => [s.name, s.description]),
    ...map.lanes.map((l) => l.title),
    ...map.cards.map((c) => c.text),
    ...personas.map((p) => p.name),
  ];
}

export function isViewerLanguage(lang: string): lang is ViewerLanguage {
  return (VIEWER_LANGUAGES as readonly string[]).includes(lang);
}

/** The chrome for a page's <html lang>; English for anything else. */
export function viewerStrings(lang: string): ViewerStrings {
  const base = lang.toLowerCase().split('-')[0] ?? '';
  return isViewerLanguage(base) ? VIEWER_STRINGS[base] : VIEWER_STRINGS.en;
}

/** Every word a page in this language shows, for fontsForText. */
export function chromeText(lang: ViewerLanguage): string[] {
  const s = VIEWER_STRINGS[lang];
  return Object.values(s).map((v) => (typeof v === 'function' ? (v as (n: number) => string)(0) : v));
}
