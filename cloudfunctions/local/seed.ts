/**
 * The demo shop the local cloud creates on its first start: products with bundled images, three
 * demo members, two registered groups, two flash sales (one running, one the next evening) and
 * the operator `admin`. A `settings` document marks it done, so later starts (and the operator's
 * edits) are left alone.
 */
import { randomBytes } from 'node:crypto'
import { ensureOperator } from '../admin/operators'
import { MINUTE_MS } from '../core/config'
import type { FlashSale, Group, Member, Product } from '../core/model'
import { DAY_MS, startOfCnDay } from '../core/time'
import type { Db } from '../platform/ports'
import { reserveSlot } from '../services/flashSlots'

export const SEED_MARKER_ID = 'localSeed'
/** Where the gateway serves `seed/images/`. */
export const SEED_IMAGE_PREFIX = '/files/seed/'

export const DEMO_MEMBERS: ReadonlyArray<Pick<Member, '_id' | 'nickname'>> = [
  { _id: 'demo-alice', nickname: '小爱' },
  { _id: 'demo-bob', nickname: '阿宝' },
  { _id: 'demo-carol', nickname: '卡罗' },
]

/** Registered demo groups; the dev user switcher opens the shop "from" one with `dev:<_id>`. */
export const DEMO_GROUPS: ReadonlyArray<Pick<Group, '_id' | 'name' | 'tier' | 'topic'>> = [
  { _id: 'G-demo-core', name: '咖啡核心群', tier: 'core' },
  { _id: 'G-demo-tech', name: '数码好物群', tier: 'topic', topic: '科技' },
]

type SeedProduct = Pick<Product, '_id' | 'title' | 'subtitle' | 'priceFen' | 'stock' | 'detail'> & { images: string[] }

const PRODUCTS: SeedProduct[] = [
  {
    _id: 'p-coffee-beans',
    title: '云南小粒咖啡豆 250g',
    subtitle: '保山高海拔产区，中深烘焙，坚果与焦糖风味',
    priceFen: 6800,
    stock: 120,
    images: ['coffee-beans.svg', 'coffee-beans-2.svg'],
    detail: '产自云南保山海拔 1400 米以上的咖啡园，日晒处理，烘焙后 7 天内发货。适合手冲、法压与意式。开袋后请密封避光保存，建议一个月内饮用完毕。',
  },
  {
    _id: 'p-dripper',
    title: '玻璃手冲滤杯套装',
    subtitle: 'V 型滤杯 + 分享壶，1-2 人份',
    priceFen: 12900,
    stock: 60,
    images: ['dripper.svg'],
    detail: '高硼硅玻璃分享壶耐冷热，V 型滤杯螺旋导流槽让萃取更均匀。套装附 40 张原木滤纸。新手也能冲出一杯干净好喝的咖啡。',
  },
  {
    _id: 'p-oolong',
    title: '桂花乌龙茶 罐装 100g',
    subtitle: '福建安溪铁观音窨制桂花，回甘清甜',
    priceFen: 5900,
    stock: 150,
    images: ['oolong.svg'],
    detail: '选用秋季新采金桂与安溪乌龙，三窨一提，花香入茶而不夺茶味。冷泡、热泡皆宜：热泡 95℃ 水 30 秒出汤，可续泡 6 次以上。',
  },
  {
    _id: 'p-celadon-cup',
    title: '龙泉青瓷品茗杯',
    subtitle: '梅子青釉，手工拉坯，单只装',
    priceFen: 8800,
    stock: 40,
    images: ['celadon-cup.svg'],
    detail: '浙江龙泉窑手工拉坯，釉色温润如玉。容量约 90ml，杯沿薄而不锋利。每只釉色略有差异，是手工器物的独特之处。附礼盒与杯托。',
  },
  {
    _id: 'p-tote',
    title: '群友限定帆布托特包',
    subtitle: '12 安加厚帆布，可装 14 寸电脑',
    priceFen: 4900,
    stock: 200,
    images: ['tote.svg'],
    detail: '加厚纯棉帆布，内置拉链小袋与笔插。群友专属徽标刺绣。尺寸约 38 × 40 × 10 cm，承重 10 kg。可机洗，建议冷水反面洗涤。',
  },
  {
    _id: 'p-candle',
    title: '薰衣草大豆香薰蜡烛',
    subtitle: '天然大豆蜡，燃烧约 40 小时',
    priceFen: 7900,
    stock: 80,
    images: ['candle.svg', 'candle-2.svg'],
    detail: '天然大豆蜡与法国薰衣草精油调制，棉芯无烟，燃烧约 40 小时。首次点燃请让蜡面完全融化后再熄灭，可避免隧道效应。',
  },
  {
    _id: 'p-soap',
    title: '玫瑰冷制手工皂 3 块装',
    subtitle: '冷制工艺保留甘油，温和清洁',
    priceFen: 3900,
    stock: 180,
    images: ['soap.svg'],
    detail: '橄榄油、椰子油与玫瑰精油冷制，熟成 6 周。适合面部与身体，洗后不紧绷。每块约 100g，请放在沥水皂盒中保持干燥。',
  },
  {
    _id: 'p-nuts',
    title: '每日坚果礼盒 30 袋',
    subtitle: '六种坚果果干科学配比，独立小包装',
    priceFen: 9900,
    stock: 100,
    images: ['nuts.svg'],
    detail: '腰果、巴旦木、核桃、榛子、蔓越莓干、蓝莓干六种搭配，每袋 25g，一天一袋刚刚好。低温烘焙，无添加盐和糖。保质期 9 个月。',
  },
  {
    _id: 'p-thermos',
    title: '316 不锈钢保温杯 500ml',
    subtitle: '12 小时保温，一键弹盖',
    priceFen: 11900,
    stock: 70,
    images: ['thermos.svg'],
    detail: '316 医用级不锈钢内胆，真空双层结构，热饮 12 小时保温、冷饮 24 小时保冷。弹盖带安全锁，单手即可开合，杯身磨砂防滑。',
  },
  {
    _id: 'p-notebook',
    title: '布面精装手账本',
    subtitle: 'A5 点阵内页，192 页，附书签带',
    priceFen: 4500,
    stock: 20,
    images: ['notebook.svg'],
    detail: '亚麻布面精装，100g 道林纸不洇墨，钢笔友好。5mm 点阵内页，页码预印，附双色书签带与后袋。可平摊 180° 书写。',
  },
]

type SeedSale = Pick<FlashSale, '_id' | 'productId' | 'title' | 'flashPriceFen' | 'quantity' | 'perMemberLimit' | 'tiers'>

/** Demo flash sales: the first runs from the first start for a week, the second opens the next evening for the core group. */
const SALES: Array<SeedSale & { window(now: number): Pick<FlashSale, 'startAt' | 'endAt'> }> = [
  {
    _id: 'fs-demo-thermos',
    productId: 'p-thermos',
    title: '保温杯群友秒杀',
    flashPriceFen: 7900,
    quantity: 30,
    perMemberLimit: 2,
    tiers: [],
    window: (now) => ({ startAt: now - MINUTE_MS, endAt: now + 7 * DAY_MS }),
  },
  {
    _id: 'fs-demo-celadon',
    productId: 'p-celadon-cup',
    title: '青瓷杯核心群秒杀',
    flashPriceFen: 4900,
    quantity: 20,
    perMemberLimit: 1,
    tiers: ['core'],
    // 20:00 to 22:00 China time, the day after the first start.
    window: (now) => {
      const startAt = startOfCnDay(now) + DAY_MS + 20 * 60 * MINUTE_MS
      return { startAt, endAt: startAt + 2 * 60 * MINUTE_MS }
    },
  },
]

async function seedSale(db: Db, { window, ...sale }: (typeof SALES)[number], now: number): Promise<void> {
  const doc: FlashSale = { ...sale, ...window(now), left: sale.quantity, reserved: 0, paid: 0, status: 'scheduled', createdAt: now, updatedAt: now }
  // Its window among the product's, as the console's save records it (a start that died half-way
  // added the sale already: the stored one is recorded).
  const stored = (await db.add('flashSales', doc)) ? doc : await db.get('flashSales', sale._id)
  if (stored) await db.transaction((tx) => reserveSlot(tx, db, stored, now))
}

export interface SeedResult {
  /** False when the database was seeded on an earlier start. */
  seeded: boolean
  /** The generated operator password, when none was given (printed once by the caller). */
  generatedPassword?: string
}

/** Seeds the demo shop unless done before. Every write is an `add` of a fixed id, so a start that died half-way is finished by the next one. */
export async function seedIfFirstStart(db: Db, options: { now: number; adminPassword?: string }): Promise<SeedResult> {
  if (await db.get('settings', SEED_MARKER_ID)) return { seeded: false }
  const { now } = options
  for (const [index, product] of PRODUCTS.entries()) {
    await db.add('products', {
      ...product,
      images: product.images.map((file) => SEED_IMAGE_PREFIX + file),
      sold: 0,
      status: 'listed',
      sort: (index + 1) * 10,
      createdAt: now,
      updatedAt: now,
    })
  }
  for (const member of DEMO_MEMBERS) {
    await db.add('members', { ...member, createdAt: now, lastSeenAt: now })
  }
  for (const group of DEMO_GROUPS) {
    await db.add('groups', { ...group, status: 'registered', firstSeenAt: now, firstSeenBy: '', registeredAt: now, updatedAt: now })
  }
  for (const sale of SALES) await seedSale(db, sale, now)
  const generatedPassword = options.adminPassword ? undefined : randomBytes(9).toString('base64url')
  const created = await ensureOperator(db, 'admin', options.adminPassword ?? generatedPassword!, now)
  await db.add('settings', { _id: SEED_MARKER_ID, value: { products: PRODUCTS.length }, updatedAt: now })
  return { seeded: true, generatedPassword: created ? generatedPassword : undefined }
}
