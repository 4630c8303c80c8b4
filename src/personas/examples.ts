/**
 * Example personas to start from: specific, vivid people (domain.md), not segments.
 * Each `build()` gives a new persona with a fresh id.
 */
import { createPersona, type NewPersonaInput } from '../model/factory';
import type { Persona } from '../model/schema';

export interface ExamplePersona {
  id: string;
  /** What the "New persona" dialog shows: the name as written (content, not translated)… */
  label: string;
  /** …and a line about them, a catalogue id (its {age} placeholder takes `input.age`). */
  summaryId: string;
  input: NewPersonaInput;
}

export const EXAMPLE_PERSONAS: readonly ExamplePersona[] = [
  {
    id: 'kevin-smith',
    label: 'Kevin Smith',
    summaryId: /*i18n*/ 'personas.example.kevinSmith.summary',
    input: {
      name: 'Kevin Smith',
      age: 28,
      occupation: 'Sales team lead, working toward a manager position',
      family: 'Married, no children yet',
      location: 'Suburbs of Manchester, UK',
      quote: 'Just tell me what I need to do, and don’t make me explain it twice.',
      story:
        'Kevin loves his job and works long days. At weekends he plays in a local five-a-side football team. ' +
        'He bought his car on finance two years ago and contacts the dealer when something needs fixing, ' +
        'usually from his phone during a lunch break.',
      goals: ['Get his car serviced without taking a day off', 'Become a manager within two years'],
      needs: ['Clear, quick answers outside office hours', 'To be recognised as a long-time customer'],
      motivations: ['Saving time', 'Feeling in control of his plans'],
      frustrations: ['Repeating his problem to every new agent', 'Waiting on hold during his lunch break', 'Emails that go unanswered for days'],
      behaviours: ['Searches on the web first', 'Starts with live chat; phones only when chat fails', 'Reads reviews before buying'],
      preferredChannels: ['chat', 'app', 'phone'],
      techComfort: 4,
      demographics: 'Male, 28, married, university degree, mid income.',
      psychographics: 'Ambitious and practical. Values his time and loyalty that is returned; hates feeling like a number.',
    },
  },
  {
    id: 'somying-jaidee',
    label: 'สมหญิง ใจดี (Somying Jaidee)',
    summaryId: /*i18n*/ 'personas.example.somyingJaidee.summary',
    input: {
      name: 'สมหญิง ใจดี',
      age: 41,
      occupation: 'เจ้าของร้านเบเกอรี่ขนาดเล็ก (small bakery owner)',
      family: 'แต่งงานแล้ว ลูกสองคน (married, two children)',
      location: 'เชียงใหม่ ประเทศไทย (Chiang Mai, Thailand)',
      quote: 'ถ้าตอบทาง LINE ได้เลย ฉันก็ไม่ต้องโทรไปรอสาย',
      story:
        'สมหญิงเปิดร้านเบเกอรี่ตั้งแต่ตีห้า เธอสั่งวัตถุดิบและจ่ายบิลผ่านมือถือระหว่างรออบขนม ' +
        'เมื่อเครื่องอบเสีย เธอต้องการช่างภายในวันเดียว เพราะทุกวันที่ร้านปิดคือรายได้ที่หายไป',
      goals: ['ซ่อมอุปกรณ์ให้เสร็จภายในวันเดียว', 'ขยายร้านสาขาที่สอง'],
      needs: ['คำตอบที่ชัดเจนทาง LINE', 'นัดช่างเข้าร้านนอกเวลาขายของ'],
      motivations: ['รายได้ของครอบครัว', 'ลูกค้าประจำที่รอขนมทุกเช้า'],
      frustrations: ['ระบบตอบรับอัตโนมัติ (IVR) ที่มีตัวเลือกมากเกินไป', 'ต้องเล่าปัญหาซ้ำทุกครั้งที่โอนสาย'],
      behaviours: ['ส่งรูปปัญหาทาง LINE ก่อนโทร', 'อ่านรีวิวในกลุ่ม Facebook ของร้านค้าในเชียงใหม่'],
      preferredChannels: ['line', 'phone', 'facebook'],
      techComfort: 3,
      demographics: 'หญิง อายุ 41 ปี เจ้าของธุรกิจ รายได้ปานกลาง',
      psychographics: 'ขยัน ให้ความสำคัญกับความสัมพันธ์ที่ยาวนานและความน่าเชื่อถือ',
    },
  },
  {
    id: 'nguyen-thi-lan',
    label: 'Nguyễn Thị Lan',
    summaryId: /*i18n*/ 'personas.example.nguyenThiLan.summary',
    input: {
      name: 'Nguyễn Thị Lan',
      age: 24,
      occupation: 'Điều dưỡng (nurse) tại bệnh viện',
      family: 'Độc thân, sống cùng bố mẹ (single, lives with her parents)',
      location: 'Đà Nẵng, Việt Nam',
      quote: 'Tôi muốn hỏi nhanh qua Zalo, không phải chờ tổng đài.',
      story:
        'Lan làm ca đêm nên thường nhắn tin cho cửa hàng vào lúc khuya. Đây là lần đầu cô mua xe máy trả góp, ' +
        'nên cô cần được hướng dẫn từng bước và muốn biết rõ mọi chi phí trước khi ký.',
      goals: ['Mua chiếc xe máy đầu tiên trả góp', 'Hiểu rõ mọi khoản phí trước khi ký hợp đồng'],
      needs: ['Được hướng dẫn từng bước như một khách hàng mới', 'Trả lời ngoài giờ hành chính'],
      motivations: ['Tự lập', 'Đi làm ca đêm an toàn hơn'],
      frustrations: ['Tổng đài chỉ làm việc giờ hành chính', 'Thông tin giá khác nhau giữa web và cửa hàng'],
      behaviours: ['So sánh giá trên web và mạng xã hội', 'Hỏi bạn bè trước khi quyết định', 'Nhắn tin Zalo lúc nửa đêm'],
      preferredChannels: ['zalo', 'web', 'store'],
      techComfort: 4,
      demographics: 'Nữ, 24 tuổi, tốt nghiệp cao đẳng điều dưỡng, thu nhập trung bình thấp.',
      psychographics: 'Cẩn thận, cần cảm giác an tâm và được tôn trọng khi lần đầu làm khách hàng.',
    },
  },
];

export function buildExamplePersona(exampleId: string, now: Date | string = new Date()): Persona {
  const example = EXAMPLE_PERSONAS.find((e) => e.id === exampleId);
  if (!example) throw new Error(`There is no example persona "${exampleId}".`);
  return createPersona(example.input, now);
}
