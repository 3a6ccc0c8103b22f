/**
 * The wire contract: for every function and action, its input and the `data` it answers.
 * The client's `services/cloud.ts` is typed from `Api`; the functions' actions must conform.
 * Inputs never carry identity: the openid comes from the context.
 */
import type { GroupTier, Order } from './model'
import type { FlashButton, FlashSaleState } from './flashSale'
import type { OrderStatus } from './order/status'
import type { CloudIdField, PaymentParams } from '../platform/ports'

/** A product's member price on today's price day, as this caller sees it. */
export interface PriceDayOfferView {
  priceDayId: string
  title: string
  memberPriceFen: number
  /** Units one member may buy at the member price today. */
  limitPerMember: number
  /** Group tiers whose members qualify. */
  tiers: GroupTier[]
  /** True when this caller pays the member price (the card's `priceFen` is then the member price). */
  eligible: boolean
  /** Why not, when not eligible: '仅限核心群群友', or how to join for non-members. */
  reason?: string
  /** When the price day ends (23:59:59.999 China time), for a countdown. */
  endAt: number
}

/** A product as the shelf shows it. */
export interface ProductCard {
  _id: string
  title: string
  subtitle: string
  cover: string
  /** The price this caller would pay today. */
  priceFen: number
  listPriceFen: number
  /** Units left for normal orders. */
  stock: number
  soldOut: boolean
  /** Present on a price day that includes this product. */
  priceDay?: PriceDayOfferView
}

export interface ProductView extends ProductCard {
  images: string[]
  detail: string
  sold: number
}

export type OrderView = Omit<Order, 'openid' | 'requestId'>

export interface MemberView {
  openid: string
  nickname: string
  createdAt: number
}

/** A registered group the member belongs to. */
export interface MemberGroupView {
  opengid: string
  name: string
  tier: GroupTier
  /** For topic groups (垂类群): 科技, 美妆, ... */
  topic?: string
  /** When the member first opened the mini program from this group. */
  since: number
}

/** A price day running today, with its products as this caller sees them. */
export interface PriceDayTodayView {
  _id: string
  title: string
  tiers: GroupTier[]
  endAt: number
  /** Whether this caller's groups qualify; `reason` says why not. */
  eligible: boolean
  reason?: string
  /** Its listed products; each card carries `priceDay`. */
  items: ProductCard[]
}

export interface HomeView {
  /** Server time when answered; the client keeps `serverNow - Date.now()` as its clock offset. */
  serverNow: number
  member: MemberView | null
  products: ProductCard[]
  /** The caller's registered groups; empty for visitors and non-members (perks greyed out). */
  groups: MemberGroupView[]
  /** Price days running today (China time). */
  priceDays: PriceDayTodayView[]
  /** Start (epoch ms, 00:00 China time) of the next price day after today, for the countdown. */
  nextPriceDayAt: number | null
  /** Running flash sales, then the next ones to start (at most a few). */
  flashSales: FlashSaleCard[]
}

/** A flash sale as the home page shows it. `left` may lag a few seconds there. */
export interface FlashSaleCard {
  _id: string
  productId: string
  title: string
  cover: string
  flashPriceFen: number
  listPriceFen: number
  quantity: number
  left: number
  perMemberLimit: number
  /** Group tiers whose members may buy; empty: members of any group. */
  tiers: GroupTier[]
  startAt: number
  endAt: number
  /** At the answer's `serverNow`. */
  state: FlashSaleState
}

/** A flash sale with the caller's buy button. */
export interface FlashSaleView extends FlashSaleCard {
  button: FlashButton
  /** Why the button is not `buy`, in Chinese. */
  reason?: string
  /** Units the caller holds in pending and paid orders of this sale. */
  bought: number
  /** Whether the caller asked for a start reminder. */
  reminded: boolean
}

export interface FlashSaleDetail extends FlashSaleView {
  subtitle: string
  images: string[]
  detail: string
}

export interface Page<T> {
  items: T[]
  /** Pass back as `skip` to get the next page; absent on the last page. */
  nextSkip?: number
}

export interface Api {
  shop: {
    home: [Record<string, never>, HomeView]
    products: [{ skip?: number }, Page<ProductCard>]
    product: [{ productId: string }, ProductView]
  }
  member: {
    login: [{ nickname?: string }, MemberView & { isNew: boolean }]
    profile: [
      Record<string, never>,
      MemberView & { orderCounts: Partial<Record<OrderStatus, number>>; groups: MemberGroupView[] },
    ]
    /**
     * `group` is `cloud.CloudID(cloudID)` from `getGroupEnterInfo` in WeChat, `dev:<opengid>` on
     * the local cloud. Answers GROUP_NOT_REGISTERED for a group operators have not named yet.
     */
    bindGroup: [{ group: CloudIdField }, { group: MemberGroupView; groups: MemberGroupView[]; isNew: boolean }]
  }
  order: {
    /** With `saleId`: buy in that flash sale (its price, units and per-member limit). */
    create: [{ requestId: string; productId: string; qty: number; saleId?: string }, OrderView]
    pay: [{ orderId: string }, { order: OrderView; payment: PaymentParams }]
    cancel: [{ orderId: string }, OrderView]
    list: [{ status?: OrderStatus; skip?: number }, Page<OrderView>]
    detail: [{ orderId: string }, OrderView]
  }
  flash: {
    /**
     * Running and upcoming sales with this caller's button on each. `reminderTemplateId` is the
     * subscribe-message template to pass to `requestSubscribeMessage` before `remind`.
     */
    list: [Record<string, never>, { serverNow: number; items: FlashSaleView[]; reminderTemplateId: string }]
    detail: [{ saleId: string }, { serverNow: number; sale: FlashSaleDetail; reminderTemplateId: string }]
    /** Records one start reminder per member per sale (after `requestSubscribeMessage`). */
    remind: [{ saleId: string }, { saleId: string; remindAt: number; isNew: boolean }]
    /** Server time only: the cheapest call (clock sync; the benchmark's no-op ceiling). */
    ping: [Record<string, never>, { serverNow: number }]
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [infer I, unknown] ? I : never
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [unknown, infer O] ? O : never

