/**
 * Big journey maps for the benchmark: pure, deterministic (a seeded PRNG; fixed ids and
 * dates), and valid (JourneyMapSchema and the model's invariants; tests/bench checks both).
 *
 * Shape: 10 to 20 stages (one per 50 cards, clamped), 8 lanes covering every lane kind
 * (three text lanes and one of each other kind), an emotion curve of one to three points
 * per stage, cards of every kind spread unevenly over the cells (some cells hold a dozen
 * cards, some none), pain points linked to touchpoints of their stage, a loop back from
 * the last stage, and one connection for every ten cards (a customer's path between
 * touchpoints of neighbouring stages, plus some longer jumps).
 *
 * Texts are real sentences in Thai, Persian, Vietnamese and English (from the seed
 * articles in /work/shared/seeds and src/model/samples.ts), of varied length, so text
 * shaping, bidi and the card height estimate see what users write.
 */
import { CHANNEL_IDS, DEFAULT_CHANNELS, type ChannelId } from '../src/model/channels';
import {
  CURRENT_SCHEMA_VERSION,
  KPI_METRICS,
  OPPORTUNITY_STATUSES,
  PRIORITIES,
  SEVERITIES,
  type Card,
  type Connection,
  type JourneyMap,
  type Lane,
  type LaneKind,
  type Stage,
} from '../src/model/schema';

export interface BenchMapOptions {
  /** Total number of cards (emotion points included). At least 40. */
  cards: number;
  /** Seed of the generator: the same seed and size always give the same map. */
  seed?: number;
  /** Number of stages; default: cards / 50, clamped to 10..20. */
  stages?: number;
}

/** mulberry32: small, fast and good enough to spread cards; deterministic across engines. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES: readonly string[] = [
  // Thai (seeds 000, 001, 002)
  'ได้รับข้อมูลที่เป็นประโยชน์เกี่ยวกับสินค้าและบริการ',
  'เปรียบเทียบกับคู่แข่งก่อนตัดสินใจซื้อ',
  'หาข้อมูลจาก web site, social media หรือไปตาม outlet',
  'แจ้งปัญหาครั้งแรกทางอีเมล ครั้งที่สองผ่านทาง Facebook',
  'ลูกค้าไม่ต้องการจะบอกเล่าถึงความต้องการซ้ำแล้วซ้ำอีก',
  'ไม่ได้รับการตอบกลับในเวลาที่เหมาะสม จึงติดต่อเข้ามาอีกครั้งในช่องทางอื่นๆ',
  'ดูแลการบริการทุกช่องทางให้เสมือนเป็นหนึ่งเดียว',
  'ลูกค้าสามารถสั่งซื้อสินค้าผ่านทาง Online Shopping และ ช่องทาง Social Media ซึ่งเป็นที่นิยมมากขึ้น',
  'ระบบ CRM เก็บข้อมูลการติดต่อของลูกค้าให้ครบถ้วน',
  'เครื่องมือการจัดการการเดินทางของลูกค้าที่มีประสิทธิภาพช่วยให้ธุรกิจสามารถประสาน เพิ่มประสิทธิภาพ และวิเคราะห์แต่ละขั้นตอนของการเดินทาง',
  // Persian (seed 003), right to left
  'برای رسیدن به سمت مدیر در شرکت خود تلاش می کند',
  'خرید یک محصول، ثبت نام برای یک دوره آزمایشی یا یافتن پاسخ یک سوال',
  'ایمیل ها باید در عرض 24 ساعت پاسخ داده شوند',
  'انتقال میان کارشناسان و زمان انتظار طولانی',
  'مشتری می‌خواهد وضعیت سفارش را بداند و دوباره توضیح ندهد',
  'کال سنتر ها برای ارائه تجربه مشتری عالی باید درک عمیقی از سفر مشتری داشته باشند',
  'هر زمان، هر کجا و به هر روشی که تمایل دارد ارتباط برقرار می کند',
  // Vietnamese (seed 004)
  'Tìm sản phẩm / dịch vụ phù hợp với nhu cầu',
  'Gọi tổng đài để được tư vấn trước khi mua hàng',
  'Khách hàng bị chuyển qua IVR, hoặc các tổng đài viên khác nhau trước khi gặp được đúng người',
  'Trao quyền nhân viên thông qua việc đào tạo kỹ lưỡng và chuyên nghiệp',
  'Hành trình khách hàng được tạo ra bởi tất cả những khoảnh khắc diễn ra trước, đang và sau khi mua hàng',
  'Đơn giản hóa lưu đồ cuộc gọi',
  // English
  'The customer compares offers on the web and in stores',
  'Calls back after the chat went unanswered for two hours',
  'Wants one agent who already knows the order history',
  'Self-service portal for returns, with a tracking link by SMS',
  'Repeats the account number to the IVR, the agent and the supervisor; gives up and writes a review instead',
  'Onboarding email',
];

const STAGE_NAMES: readonly string[] = [
  'การสร้างการรับรู้',
  'Research',
  'مشتریان خود را بشناسید',
  'Mua hàng',
  'การติดต่อครั้งแรก',
  'Onboarding',
  'دلیل تماس مشتریان',
  'Dịch vụ hỗ trợ',
  'การซื้อ',
  'First use',
  'نحوه تماس مشتریان',
  'Hậu mãi sau bán hàng',
  'หลังการขาย',
  'Support',
  'تعامل با مشتری',
  'Đánh giá và trung thành',
  'ทบทวนและนำเสนอสำหรับรอบถัดไป',
  'Renewal',
  'پیگیری برای پایان مثبت',
  'Advocacy',
];

const OWNERS: readonly string[] = ['Contact Center', 'การตลาด', 'مرکز تماس', 'Chăm sóc khách hàng', 'Sales', 'تیم دیجیتال', 'HR'];
const UNITS: readonly string[] = ['%', '/5', 'ساعت', 'phút', 'min', ''];

/** The eight lanes: every kind, the text kind three times (goals, actions, backstage). */
const LANE_PLAN: readonly { kind: LaneKind; title: string; weight: number }[] = [
  { kind: 'text', title: 'สิ่งที่ลูกค้าต้องการ (Goals)', weight: 1.2 },
  { kind: 'text', title: 'Hành động (Actions)', weight: 1.4 },
  { kind: 'touchpoint', title: 'نقاط تماس (Touchpoints)', weight: 1.6 },
  { kind: 'emotion', title: 'Emotion · อารมณ์', weight: 0 },
  { kind: 'pain', title: 'Điểm khó khăn (Pain points)', weight: 1 },
  { kind: 'opportunity', title: 'فرصت های بهبود (Opportunities)', weight: 0.9 },
  { kind: 'text', title: 'Backstage · เบื้องหลัง', weight: 0.8 },
  { kind: 'kpi', title: 'ตัวชี้วัด (KPI)', weight: 0.6 },
];

const CREATED = '2025-01-15T09:00:00.000Z';
const UPDATED = '2025-03-01T10:00:00.000Z';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const benchMapId = (cards: number) => `bench-map-${cards}`;

export function generateBenchMap(options: BenchMapOptions): JourneyMap {
  const total = Math.floor(options.cards);
  if (!(total >= 40)) throw new Error(`a bench map needs at least 40 cards (asked for ${options.cards})`);
  const rand = prng(options.seed ?? 20250301);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

  const stageCount = options.stages ?? Math.max(10, Math.min(20, Math.round(total / 50)));
  const stages: Stage[] = Array.from({ length: stageCount }, (_, i) => ({
    id: `bench-s${pad(i + 1, 2)}`,
    name: STAGE_NAMES[i % STAGE_NAMES.length] as string,
    description: i % 3 === 0 ? pick(PHRASES) : '',
    notes: '',
  }));
  // Journeys cycle: the last stage leads back to the fourth (re-purchase returns to buying).
  const last = stages[stageCount - 1];
  if (last && stageCount > 4) last.loopsTo = stages[3]?.id;

  const lanes: Lane[] = LANE_PLAN.map((l, i) => ({ id: `bench-l${i + 1}`, kind: l.kind, title: l.title }));

  // Emotion curve: one to three points per stage.
  const emotionPerStage = stages.map(() => int(1, 3));
  const emotionTotal = emotionPerStage.reduce((a, b) => a + b, 0);
  const boxTotal = total - emotionTotal;

  // Spread the other cards over the cells, unevenly: each cell gets a random weight.
  const boxLanes = LANE_PLAN.map((l, i) => ({ ...l, index: i })).filter((l) => l.kind !== 'emotion');
  const cells: { stage: number; lane: number; weight: number }[] = [];
  for (let s = 0; s < stageCount; s++) {
    for (const l of boxLanes) {
      const empty = rand() < 0.08;
      cells.push({ stage: s, lane: l.index, weight: empty ? 0 : l.weight * (0.3 + rand() * 1.7) });
    }
  }
  const weightSum = cells.reduce((a, c) => a + c.weight, 0);
  const counts = cells.map((c) => Math.floor((c.weight / weightSum) * boxTotal));
  let left = boxTotal - counts.reduce((a, b) => a + b, 0);
  while (left > 0) {
    const i = Math.floor(rand() * cells.length);
    if ((cells[i]?.weight ?? 0) > 0) {
      counts[i] = (counts[i] ?? 0) + 1;
      left -= 1;
    }
  }

  let serial = 0;
  const nextId = () => `bench-c${pad(++serial, 5)}`;
  const text = () => {
    const r = rand();
    if (r < 0.06) return '';
    const first = pick(PHRASES);
    // One card in six carries two sentences, so heights vary.
    return r > 0.83 ? `${first}\n${pick(PHRASES)}` : first;
  };

  const cards: Card[] = [];
  const touchpointsByStage = new Map<number, string[]>();
  // Cells are visited stage by stage, lane by lane; touchpoints come before pains in each stage.
  cells.forEach((cell, ci) => {
    const lane = lanes[cell.lane] as Lane;
    const stage = stages[cell.stage] as Stage;
    const n = counts[ci] ?? 0;
    for (let order = 0; order < n; order++) {
      const base = { id: nextId(), stageId: stage.id, laneId: lane.id, order, text: text() };
      switch (lane.kind) {
        case 'touchpoint': {
          cards.push({ ...base, kind: 'touchpoint', channel: rand() < 0.05 ? null : (pick(CHANNEL_IDS) as ChannelId), owner: pick(OWNERS) });
          const list = touchpointsByStage.get(cell.stage) ?? [];
          list.push(base.id);
          touchpointsByStage.set(cell.stage, list);
          break;
        }
        case 'pain': {
          const tps = touchpointsByStage.get(cell.stage) ?? [];
          const link = tps.length > 0 && rand() < 0.5 ? pick(tps) : undefined;
          cards.push({ ...base, kind: 'pain', severity: pick(SEVERITIES), ...(link ? { touchpointId: link } : {}) });
          break;
        }
        case 'opportunity':
          cards.push({
            ...base,
            kind: 'opportunity',
            owner: pick(OWNERS),
            status: pick(OPPORTUNITY_STATUSES),
            priority: pick(PRIORITIES),
            impact: pick(PRIORITIES),
            effort: pick(PRIORITIES),
          });
          break;
        case 'kpi': {
          const target = int(1, 100);
          cards.push({
            ...base,
            kind: 'kpi',
            metric: pick(KPI_METRICS),
            value: rand() < 0.1 ? null : Math.round(target * (0.5 + rand()) * 10) / 10,
            target: rand() < 0.1 ? null : target,
            unit: pick(UNITS),
          });
          break;
        }
        default:
          cards.push({ ...base, kind: 'text' });
      }
    }
  });

  const emotionLane = lanes.find((l) => l.kind === 'emotion') as Lane;
  stages.forEach((stage, s) => {
    const n = emotionPerStage[s] ?? 1;
    for (let order = 0; order < n; order++) {
      cards.push({
        id: nextId(),
        stageId: stage.id,
        laneId: emotionLane.id,
        order,
        kind: 'emotion',
        score: int(-2, 2),
        text: rand() < 0.5 ? pick(PHRASES) : '',
      });
    }
  });

  // Connections: one per ten cards. Mostly touchpoint -> touchpoint of the next stage (the
  // customer's path between channels), some to any card further on.
  const connections: Connection[] = [];
  const wanted = Math.round(total / 10);
  const seen = new Set<string>();
  const boxCards = cards.filter((c) => c.kind !== 'emotion');
  let attempts = 0;
  while (connections.length < wanted && attempts < wanted * 50) {
    attempts += 1;
    let from: string | undefined;
    let to: string | undefined;
    if (rand() < 0.7) {
      const s = int(0, stageCount - 2);
      const a = touchpointsByStage.get(s) ?? [];
      const b = touchpointsByStage.get(s + 1) ?? [];
      if (a.length === 0 || b.length === 0) continue;
      from = pick(a);
      to = pick(b);
    } else {
      from = pick(boxCards).id;
      to = pick(boxCards).id;
    }
    if (!from || !to || from === to || seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    connections.push({ id: `bench-k${pad(connections.length + 1, 5)}`, from, to, label: rand() < 0.3 ? pick(['next', 'ถัดไป', 'بعدی', 'tiếp theo']) : '' });
  }

  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: benchMapId(total),
    title: `Benchmark · ${total} cards · แผนที่ทดสอบ · نقشه آزمون · Bản đồ thử nghiệm`,
    description: `Generated by bench/generate.ts (seed ${options.seed ?? 20250301}): ${stageCount} stages, ${lanes.length} lanes, ${total} cards, ${connections.length} connections.`,
    createdAt: CREATED,
    updatedAt: UPDATED,
    personaIds: [],
    direction: 'ltr',
    language: 'en',
    stages,
    lanes,
    cards,
    connections,
    channels: DEFAULT_CHANNELS.map((c) => ({ ...c })),
  };
}
