/**
 * Sample maps in the languages our users write, made from the source articles'
 * own words (shared/seeds): Thai (seed 000, with 002 on omni-channel service),
 * Persian (seed 003, right-to-left) and Vietnamese (seed 004). They show the app
 * working in each script and double as test material for layout and export.
 */
import { buildMap, type MapBlueprint } from './factory';
import type { MapTemplate } from './templates';

const thai: MapBlueprint = {
  title: 'Customer Journey กับ Contact Center',
  description:
    'Customer Journey เป็นเส้นทางเดินในวงจรชีวิตของลูกค้าแต่ละราย ตั้งแต่ก่อนเริ่มเป็นลูกค้า จนถึงช่วงปลายของ life cycle เพื่อให้กลับมาซื้อสินค้าและบริการใหม่',
  direction: 'ltr',
  language: 'th',
  stages: [
    { key: 'aware', name: 'การสร้างการรับรู้', description: 'หน้าที่ของการตลาดในการโฆษณา ประชาสัมพันธ์ผ่านสื่อต่างๆ เพื่อให้เกิดการรับรู้ในสินค้าและบริการ' },
    { key: 'initial', name: 'การติดต่อครั้งแรก', description: 'เริ่มหาข้อมูลมากขึ้น จาก web site, social media หรือไปตาม outlet เพื่อเปรียบเทียบกับคู่แข่ง' },
    { key: 'buy', name: 'การซื้อ', description: 'Contact Center จะเป็น welcome and feedback center ในการต้อนรับเข้ามาสู่ครอบครัวของเรา' },
    { key: 'after', name: 'หลังการขาย', description: 'การดูแลเพื่อให้ลูกค้าอยู่กับเราอย่างยั่งยืน' },
    {
      key: 'review',
      name: 'ทบทวนและนำเสนอสำหรับรอบถัดไป',
      description: 'ถ้าเกิดการซื้อใหม่ก็จะกลับมาเป็นลูกค้าในขั้นตอนที่ 3',
      loopsTo: 'buy',
    },
  ],
  lanes: [
    { key: 'goals', kind: 'text', title: 'สิ่งที่ลูกค้าต้องการ' },
    { key: 'actions', kind: 'text', title: 'การกระทำของลูกค้า' },
    { key: 'tp', kind: 'touchpoint', title: 'จุดสัมผัส (Touchpoint)' },
    { key: 'emotion', kind: 'emotion', title: 'อารมณ์ของลูกค้า' },
    { key: 'pain', kind: 'pain', title: 'ปัญหาของลูกค้า (Pain point)' },
    { key: 'opp', kind: 'opportunity', title: 'โอกาสในการปรับปรุง' },
    { key: 'back', kind: 'text', title: 'เบื้องหลัง' },
    { key: 'kpi', kind: 'kpi', title: 'ตัวชี้วัด (KPI)' },
  ],
  cards: [
    { stage: 'aware', lane: 'goals', text: 'ได้รับข้อมูลที่เป็นประโยชน์เกี่ยวกับสินค้าและบริการ' },
    { stage: 'initial', lane: 'goals', text: 'เปรียบเทียบกับคู่แข่งก่อนตัดสินใจซื้อ' },
    { stage: 'after', lane: 'goals', text: 'ได้รับการดูแลเป็นพิเศษ' },
    { stage: 'aware', lane: 'actions', text: 'ติดต่อเข้ามาหลังเห็นโฆษณาประชาสัมพันธ์' },
    { stage: 'initial', lane: 'actions', text: 'หาข้อมูลจาก web site, social media หรือไปตาม outlet' },
    { stage: 'after', lane: 'actions', text: 'แจ้งปัญหาครั้งแรกทางอีเมล ครั้งที่สองผ่านทาง Facebook' },
    { key: 'tpLead', stage: 'aware', lane: 'tp', channel: 'phone', owner: 'Contact Center', text: 'Lead Generation: ปิดการขายได้ทางโทรศัพท์' },
    { key: 'tpPromo', stage: 'initial', lane: 'tp', channel: 'facebook', owner: 'การตลาด', text: 'ส่งข่าวสารที่น่าสนใจ promotion พิเศษ' },
    { stage: 'initial', lane: 'tp', channel: 'web', owner: 'การตลาด', text: 'web site ของสินค้าบริการ' },
    { key: 'tpWelcome', stage: 'buy', lane: 'tp', channel: 'phone', owner: 'Contact Center', text: 'โทรสอบถามความพึงพอใจและบริการต่างๆ ที่ได้รับ' },
    { key: 'tpRepair', stage: 'after', lane: 'tp', channel: 'line', owner: 'Feedback center', text: 'ประสานงานในการแจ้งซ่อม หรือการรับแลกของรางวัล' },
    { stage: 'after', lane: 'tp', channel: 'phone', owner: 'Customer Experience Center', text: 'ติดต่อในโอกาสพิเศษ เช่นวันเกิด' },
    { key: 'tpOffer', stage: 'review', lane: 'tp', channel: 'phone', owner: 'Contact Center', text: 'นำเสนอสินค้าบริการใหม่ๆ เพื่อทดแทนสินค้าเดิม' },
    { stage: 'aware', lane: 'emotion', score: 0, text: 'เริ่มสนใจ' },
    { stage: 'initial', lane: 'emotion', score: 1 },
    { stage: 'buy', lane: 'emotion', score: 2, text: 'รู้สึกได้รับการต้อนรับ' },
    { stage: 'after', lane: 'emotion', score: -1, text: 'ต้องเล่าปัญหาซ้ำ' },
    { stage: 'review', lane: 'emotion', score: 1 },
    {
      stage: 'after',
      lane: 'pain',
      severity: 'high',
      touchpoint: 'tpRepair',
      text: 'ลูกค้าไม่ต้องการจะบอกเล่าถึงความต้องการซ้ำแล้วซ้ำอีก',
    },
    {
      stage: 'initial',
      lane: 'pain',
      severity: 'medium',
      touchpoint: 'tpPromo',
      text: 'ไม่ได้รับการตอบกลับในเวลาที่เหมาะสม จึงติดต่อเข้ามาอีกครั้งในช่องทางอื่นๆ',
    },
    { stage: 'buy', lane: 'opp', owner: 'หน่วย CRM', status: 'planned', priority: 'high', text: 'ส่ง campaign เช่น reward card การสะสมเพื่อได้รับสิทธิ์พิเศษ' },
    { stage: 'after', lane: 'opp', owner: 'Contact Center', status: 'idea', priority: 'high', text: 'ดูแลการบริการทุกช่องทางให้เสมือนเป็นหนึ่งเดียว' },
    { stage: 'aware', lane: 'back', text: 'ประสานงานไปยังฝ่ายขายต่อไป' },
    { stage: 'after', lane: 'back', text: 'ระบบ CRM เก็บข้อมูลการติดต่อของลูกค้าให้ครบถ้วน' },
    { stage: 'aware', lane: 'kpi', metric: 'conversion', value: 12, target: 15, unit: '%', text: 'ปิดการขายทางโทรศัพท์' },
    { stage: 'buy', lane: 'kpi', metric: 'csat', value: 4.2, target: 4.5, unit: '/5', text: 'ความพึงพอใจของลูกค้า' },
    { stage: 'after', lane: 'kpi', metric: 'fcr', value: 72, target: 80, unit: '%', text: 'อัตราการแก้ไขปัญหา (First Call Resolution Rate)' },
  ],
  connections: [
    { from: 'tpLead', to: 'tpPromo', label: 'หาข้อมูลเพิ่ม' },
    { from: 'tpOffer', to: 'tpWelcome', label: 'ซื้อใหม่: กลับมาขั้นตอนที่ 3' },
  ],
};

const persian: MapBlueprint = {
  title: 'سفر مشتری در مرکز تماس',
  description:
    'سفر مشتری مرکز تماس از زمانی که فردی یاد می گیرد که چگونه با شرکت شما تماس بگیرد شروع می شود و زمانی که به هدف خود می رسد به پایان می رسد.',
  direction: 'rtl',
  language: 'fa',
  stages: [
    { key: 'know', name: 'مشتریان خود را بشناسید', description: 'کوین اسمیت، 28 ساله، متاهل و در حومه شهر زندگی می کند' },
    { key: 'why', name: 'دلیل تماس مشتریان', description: 'اگر مشتری برای اولین بار با شما تماس می گیرد، به یک خوشامدگویی اولیه نیاز دارد' },
    { key: 'how', name: 'نحوه تماس مشتریان', description: 'یک لیست کامل از تمام کانال های ارتباطی سازمان با مشتریان تهیه کنید' },
    { key: 'interaction', name: 'تعامل با مشتری', description: 'فرصت این را دارید تا اثبات کنید که برند شما شایسته وفاداری است' },
    { key: 'follow', name: 'پیگیری برای پایان مثبت', description: 'هر تعاملی را حل کنید و در عین حال مشتری را راضی نگه دارید' },
  ],
  lanes: [
    { key: 'goals', kind: 'text', title: 'هدف مشتری' },
    { key: 'actions', kind: 'text', title: 'اقدامات مشتری' },
    { key: 'tp', kind: 'touchpoint', title: 'نقاط تماس' },
    { key: 'emotion', kind: 'emotion', title: 'احساس مشتری' },
    { key: 'pain', kind: 'pain', title: 'موانع و نقاط درد' },
    { key: 'opp', kind: 'opportunity', title: 'فرصت های بهبود' },
    { key: 'back', kind: 'text', title: 'ابزارهای مرکز تماس' },
    { key: 'kpi', kind: 'kpi', title: 'شاخص ها' },
  ],
  cards: [
    { stage: 'know', lane: 'goals', text: 'برای رسیدن به سمت مدیر در شرکت خود تلاش می کند' },
    { stage: 'why', lane: 'goals', text: 'خرید یک محصول، ثبت نام برای یک دوره آزمایشی یا یافتن پاسخ یک سوال' },
    { stage: 'why', lane: 'goals', text: 'مشتری قدیمی: دانستن اینکه شما او را میشناسید' },
    { stage: 'why', lane: 'actions', text: 'برای اولین بار با مرکز تماس تماس می گیرد' },
    { stage: 'how', lane: 'actions', text: 'هر زمان، هر کجا و به هر روشی که تمایل دارد ارتباط برقرار می کند' },
    { stage: 'interaction', lane: 'actions', text: 'تعامل با یک کارشناس' },
    { key: 'tpEmail', stage: 'how', lane: 'tp', channel: 'email', owner: 'کارشناسان ایمیل', text: 'ایمیل ها باید در عرض 24 ساعت پاسخ داده شوند' },
    { key: 'tpChat', stage: 'how', lane: 'tp', channel: 'chat', owner: 'کارشناسان چت', text: 'چت زنده باید تنها در چند دقیقه پاسخ داده شود' },
    { key: 'tpCall', stage: 'interaction', lane: 'tp', channel: 'phone', owner: 'مرکز تماس', text: 'تماس ها باید در لحظه برقرار شوند' },
    { stage: 'follow', lane: 'tp', channel: 'sms', owner: 'تیم تجربه مشتری', text: 'نظرسنجی از مشتریان' },
    { stage: 'know', lane: 'emotion', score: 0 },
    { stage: 'why', lane: 'emotion', score: -1, text: 'به راهنمایی نیاز دارد' },
    { stage: 'how', lane: 'emotion', score: -1 },
    { stage: 'interaction', lane: 'emotion', score: 1, text: 'نتیجه مثبت' },
    { stage: 'follow', lane: 'emotion', score: 2, text: 'رضایت بیشتر' },
    {
      stage: 'interaction',
      lane: 'pain',
      severity: 'high',
      touchpoint: 'tpCall',
      text: 'انتقال میان کارشناسان و زمان انتظار طولانی',
    },
    { stage: 'how', lane: 'pain', severity: 'medium', touchpoint: 'tpEmail', text: 'ایمیل در عرض 24 ساعت پاسخ داده نشد' },
    { stage: 'how', lane: 'opp', owner: 'مدیر مرکز تماس', status: 'planned', priority: 'high', text: 'یک استراتژی omnichannel برای مرکز تماس' },
    { stage: 'follow', lane: 'opp', owner: 'تیم دیجیتال', status: 'idea', text: 'ابزارهایی مانند خدمات سلفسرویس را ارائه دهید' },
    { stage: 'interaction', lane: 'opp', owner: 'آموزش', status: 'in-progress', text: 'به کارشناسان خود در زمینه خدمات مشتری آموزش دهید' },
    { stage: 'why', lane: 'back', text: 'نرمافزار CRM و نرمافزار نظارت بر تماسها' },
    { stage: 'interaction', lane: 'back', text: 'دستورالعمل مرکز تماس با بهترین روش' },
    { stage: 'how', lane: 'kpi', metric: 'response-time', value: 30, target: 24, unit: 'ساعت', text: 'زمان پاسخ ایمیل' },
    { stage: 'follow', lane: 'kpi', metric: 'csat', value: 4.1, target: 4.5, unit: '/5', text: 'شاخص CST' },
    { stage: 'follow', lane: 'kpi', metric: 'nps', value: 32, target: 40, text: 'شاخص NPS' },
  ],
  connections: [
    { from: 'tpEmail', to: 'tpChat', label: 'پاسخ نگرفت: کانال دیگر' },
    { from: 'tpChat', to: 'tpCall', label: 'انتقال به کارشناس' },
  ],
};

const vietnamese: MapBlueprint = {
  title: 'Hành trình khách hàng (Customer Journey)',
  description: 'Hành trình khách hàng được tạo ra bởi tất cả những khoảnh khắc diễn ra trước, đang và sau khi mua hàng.',
  direction: 'ltr',
  language: 'vi',
  stages: [
    { key: 'aware', name: 'Nhận thức nhu cầu', description: 'Bắt đầu từ khi có nhận thức về nhu cầu đối với sản phẩm / dịch vụ' },
    { key: 'buy', name: 'Mua hàng' },
    { key: 'support', name: 'Dịch vụ hỗ trợ' },
    { key: 'after', name: 'Hậu mãi sau bán hàng' },
    {
      key: 'loyal',
      name: 'Đánh giá và trung thành',
      description: 'Các giao dịch, đánh giá, và mức độ trung thành của khách hàng trong tương lai phụ thuộc vào tổng số trải nghiệm',
    },
  ],
  lanes: [
    { key: 'goals', kind: 'text', title: 'Mục tiêu của khách hàng' },
    { key: 'actions', kind: 'text', title: 'Hành động' },
    { key: 'tp', kind: 'touchpoint', title: 'Điểm tiếp xúc' },
    { key: 'emotion', kind: 'emotion', title: 'Cảm xúc' },
    { key: 'pain', kind: 'pain', title: 'Điểm khó khăn' },
    { key: 'opp', kind: 'opportunity', title: 'Cơ hội cải thiện' },
    { key: 'back', kind: 'text', title: 'Bộ phận phía sau' },
    { key: 'kpi', kind: 'kpi', title: 'Chỉ số' },
  ],
  cards: [
    { stage: 'aware', lane: 'goals', text: 'Tìm sản phẩm / dịch vụ phù hợp với nhu cầu' },
    { stage: 'support', lane: 'goals', text: 'Gặp được đúng người có thể giải quyết vấn đề' },
    { stage: 'buy', lane: 'actions', text: 'Gọi tổng đài để được tư vấn trước khi mua hàng' },
    { stage: 'support', lane: 'actions', text: 'Gọi phàn nàn / khiếu nại' },
    { stage: 'loyal', lane: 'actions', text: 'Đánh giá công ty với bạn bè' },
    { stage: 'aware', lane: 'tp', channel: 'web', owner: 'Marketing', text: 'Website và truyền thông xã hội' },
    { key: 'tpSales', stage: 'buy', lane: 'tp', channel: 'phone', owner: 'Sales', text: 'Cuộc gọi tư vấn mua hàng' },
    { key: 'tpIvr', stage: 'support', lane: 'tp', channel: 'ivr', owner: 'Contact Center', text: 'Tổng đài IVR' },
    { key: 'tpAgent', stage: 'support', lane: 'tp', channel: 'phone', owner: 'Contact Center', text: 'Tổng đài viên' },
    { stage: 'after', lane: 'tp', channel: 'zalo', owner: 'Chăm sóc khách hàng', text: 'Hỗ trợ hậu mãi qua Zalo' },
    { stage: 'aware', lane: 'emotion', score: 1 },
    { stage: 'buy', lane: 'emotion', score: 1 },
    { stage: 'support', lane: 'emotion', score: -2, text: 'Bị chuyển qua nhiều tổng đài viên' },
    { stage: 'after', lane: 'emotion', score: 0 },
    { stage: 'loyal', lane: 'emotion', score: 1 },
    {
      stage: 'support',
      lane: 'pain',
      severity: 'critical',
      touchpoint: 'tpIvr',
      text: 'Khách hàng bị chuyển qua IVR, hoặc các tổng đài viên khác nhau trước khi gặp được đúng người',
    },
    { stage: 'support', lane: 'opp', owner: 'Contact Center', status: 'planned', priority: 'high', text: 'Đơn giản hóa lưu đồ cuộc gọi' },
    { stage: 'after', lane: 'opp', owner: 'HR', status: 'idea', text: 'Trao quyền nhân viên thông qua việc đào tạo kỹ lưỡng và chuyên nghiệp' },
    { stage: 'aware', lane: 'back', text: 'Marketing, Sales, Contact Center, HR và thậm chí cả IT' },
    { stage: 'support', lane: 'back', text: 'Theo dõi và kiểm soát ở mọi thời điểm tiếp xúc' },
    { stage: 'buy', lane: 'kpi', metric: 'conversion', value: 18, target: 25, unit: '%', text: 'Tỷ lệ chuyển đổi cuộc gọi' },
    { stage: 'support', lane: 'kpi', metric: 'fcr', value: 65, target: 80, unit: '%', text: 'Giải quyết ngay lần gọi đầu tiên' },
    { stage: 'loyal', lane: 'kpi', metric: 'retention', value: 60, target: 70, unit: '%', text: 'Mức độ trung thành' },
  ],
  connections: [
    { from: 'tpSales', to: 'tpIvr', label: 'Cần hỗ trợ sau khi mua' },
    { from: 'tpIvr', to: 'tpAgent', label: 'Chuyển cuộc gọi' },
  ],
};

export const SAMPLES: readonly MapTemplate[] = [
  {
    id: 'sample-th',
    name: 'ตัวอย่าง: Customer Journey กับ Contact Center',
    description: 'Thai: the contact center at each stage of the life cycle, looping back to buying.',
    build: () => buildMap(thai),
  },
  {
    id: 'sample-fa',
    name: 'نمونه: سفر مشتری در مرکز تماس',
    description: 'Persian, right to left: the contact-center journey in five steps.',
    build: () => buildMap(persian),
  },
  {
    id: 'sample-vi',
    name: 'Ví dụ: Hành trình khách hàng',
    description: 'Vietnamese: from awareness to after-sales, and the calls in between.',
    build: () => buildMap(vietnamese),
  },
];

export function sampleById(id: string): MapTemplate | undefined {
  return SAMPLES.find((s) => s.id === id);
}
