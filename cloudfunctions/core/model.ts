/**
 * Documents as they are stored, one interface per collection. Money is integer fen, time is
 * epoch ms. `Collections` maps a collection name to its document so the database port is typed.
 */
import type { OrderStatus } from './order/status'

export interface Product {
  _id: string
  title: string
  subtitle: string
  /** Image URLs (local file store) or cloud fileIDs (production). The first is the cover. */
  images: string[]
  /** List price. */
  priceFen: number
  /** Units available for normal (non-sale) orders; taken by a conditional write. */
  stock: number
  /** Units in paid orders. */
  sold: number
  status: 'listed' | 'unlisted'
  /** Lower sorts first on the shelf. */
  sort: number
  detail: string
  createdAt: number
  updatedAt: number
}

export interface Member {
  /** The member's openid. */
  _id: string
  nickname: string
  createdAt: number
  lastSeenAt: number
  /**
   * The groups the member opened the mini program from (a copy of their memberships, so the
   * home page needs no extra read). Unregistered or removed groups are filtered out on display.
   */
  groups?: MemberGroupRef[]
}

export interface MemberGroupRef {
  opengid: string
  /** When the member first opened the mini program from this group. */
  since: number
}

/** Where an order's unit price came from; recorded on the order. */
export type PriceSource = 'list' | 'priceDay' | 'flash'

export interface Order {
  /** Deterministic: derived from the buyer and the client's requestId (idempotency). */
  _id: string
  openid: string
  requestId: string
  productId: string
  title: string
  image: string
  qty: number
  listPriceFen: number
  unitPriceFen: number
  totalFen: number
  priceSource: PriceSource
  /** The sale or price day the price came from, when not the list price. */
  sourceId?: string
  /** Price-day orders: the per-member counter (`priceDayClaims`) this order's units count against. */
  priceDayClaimId?: string
  /**
   * The flash sale whose units this order holds (taken from and returned to the sale, not the
   * product). Set even if the price fell back to the list price.
   */
  saleId?: string
  status: OrderStatus
  createdAt: number
  /** An unpaid order expires at this time. */
  expireAt: number
  paidAt?: number
  closedAt?: number
  /** WeChat Pay transaction id, once paid. */
  transactionId?: string
  refundedAt?: number
  /** Why the order was refunded, e.g. paid after expiry. */
  refundReason?: string
  updatedAt: number
}

export interface Operator {
  /** The username. */
  _id: string
  /** scrypt, encoded as `scrypt$N$r$p$saltB64$hashB64`. */
  passwordHash: string
  role: 'owner' | 'operator' | 'viewer'
  createdAt: number
}

export interface AuditEntry {
  _id: string
  operator: string
  action: string
  kind: string
  targetId: string
  before: unknown
  after: unknown
  at: number
}

/**
 * Sign-in attempts on one operator username in one fixed 15-minute window: the admin login
 * rate limit's counter. `_id` is deterministic (username hash and window start), so concurrent
 * attempts meet on one document.
 */
export interface LoginAttempts {
  _id: string
  username: string
  /** Epoch ms the window starts at (a multiple of its length). */
  windowStart: number
  /** Wrong passwords in the window, plus attempts being checked right now (a right one gives its back). */
  failures: number
  updatedAt: number
}

/** Small key/value documents: secrets, counters that are not hot, schema versions. */
export interface Setting {
  _id: string
  value: unknown
  updatedAt: number
}

/** 核心群, 普通群, 垂类群 (with a topic such as 科技), 点赞群. */
export type GroupTier = 'core' | 'ordinary' | 'topic' | 'like'

export interface Group {
  /** The group's opengid. */
  _id: string
  /** `pending`: seen (someone opened the mini program from it) but not yet named by an operator. */
  status: 'pending' | 'registered'
  name: string
  tier: GroupTier
  /** For topic groups: 科技, 美妆, ... */
  topic?: string
  firstSeenAt: number
  /** The openid that first opened the mini program from this group. */
  firstSeenBy: string
  /** The latest open from this group while pending, so the console lists the newest first. */
  lastSeenAt?: number
  lastSeenBy?: string
  registeredAt?: number
  updatedAt: number
}

/** A member's membership of a registered group. `_id` is `${opengid}:${openid}`. */
export interface Membership {
  _id: string
  opengid: string
  openid: string
  /** When the member first opened the mini program from this group. */
  since: number
  lastSeenAt: number
}

/**
 * A limited flash sale (限量秒杀). Units are taken from `left` by one conditional write per
 * order; `reserved` (pending orders) and `paid` move with it, so at every moment
 * `quantity == left + reserved + paid`.
 */
export interface FlashSale {
  _id: string
  productId: string
  title: string
  flashPriceFen: number
  /** Units the sale started with. */
  quantity: number
  /** Units not yet in an order. */
  left: number
  /** Units in pending (unpaid) orders. */
  reserved: number
  /** Units in paid orders. */
  paid: number
  perMemberLimit: number
  /** Group tiers whose members may buy; empty means members of any registered group. */
  tiers: GroupTier[]
  startAt: number
  endAt: number
  /** `stopped`: the operator pulled the kill switch; no unit is sold after `stoppedAt`. */
  status: 'scheduled' | 'stopped'
  stoppedAt?: number
  createdAt: number
  updatedAt: number
}

/**
 * The windows of one product's sales (`_id` is the product's id), the record the no-overlap rule
 * is checked against: every save of a sale reads and rewrites it in the save's transaction, so
 * two operators scheduling the same product at once cannot both get past the rule. A sale stopped
 * or removed since may still be listed; a save re-reads a listed sale before refusing for it, and
 * drops it then.
 */
export interface FlashSlots {
  _id: string
  sales: FlashSlot[]
  updatedAt: number
}

export interface FlashSlot {
  saleId: string
  title: string
  startAt: number
  endAt: number
}

/** What one member holds of one sale. `_id` is `${saleId}:${openid}`; `bought` moves by conditional inc. */
export interface FlashClaim {
  _id: string
  saleId: string
  openid: string
  /** Units in this member's pending and paid orders of the sale. */
  bought: number
  updatedAt: number
}

/** A member's "remind me" for one sale. `_id` is `${saleId}:${openid}` (one per member per sale). */
export interface FlashReminder {
  _id: string
  saleId: string
  openid: string
  /** `sent` is written by a conditional update before sending, so a reminder goes out at most once. */
  status: 'waiting' | 'sent' | 'failed'
  createdAt: number
  sentAt?: number
  error?: string
}

/** A subscribe message the local cloud "sent" (the local stand-in for subscribeMessage.send). */
export interface OutboxMessage {
  _id: string
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  sentAt: number
}

/** When a price day runs: one China calendar day, or every given weekday (within optional bounds). */
export type PriceDayRule =
  | { kind: 'date'; /** 'YYYY-MM-DD', China time. */ day: string }
  | {
      kind: 'weekly'
      /** 0 = Sunday ... 6 = Saturday, China time. */
      weekday: number
      /** First day the rule may run, 'YYYY-MM-DD' (inclusive). */
      startDay?: string
      /** Last day the rule may run, 'YYYY-MM-DD' (inclusive). */
      endDay?: string
    }

export interface PriceDayItem {
  productId: string
  /** Below the product's list price. */
  memberPriceFen: number
  /** Units one member may buy at the member price on one price day. */
  limitPerMember: number
}

/** 群友价日: on its days, members of qualifying group tiers pay the member price. */
export interface PriceDay {
  _id: string
  title: string
  rule: PriceDayRule
  items: PriceDayItem[]
  /** Group tiers whose members qualify. */
  tiers: GroupTier[]
  status: 'active' | 'archived'
  createdAt: number
  updatedAt: number
}

/**
 * A member's units bought at a price day's member price for one product on one day: the
 * conditional counter behind the per-member limit. `_id` is from `priceDayClaimId` (core/priceDay).
 */
export interface PriceDayClaim {
  _id: string
  priceDayId: string
  /** 'YYYY-MM-DD', China time. */
  day: string
  productId: string
  openid: string
  /** Units held by pending or paid orders; cancel and expiry give theirs back. */
  qty: number
  createdAt: number
  updatedAt: number
}

export interface Collections {
  products: Product
  members: Member
  orders: Order
  operators: Operator
  audit: AuditEntry
  settings: Setting
  groups: Group
  memberships: Membership
  priceDays: PriceDay
  priceDayClaims: PriceDayClaim
  flashSales: FlashSale
  flashClaims: FlashClaim
  flashSlots: FlashSlots
  flashReminders: FlashReminder
  outbox: OutboxMessage
  loginAttempts: LoginAttempts
}

export type CollectionName = keyof Collections
