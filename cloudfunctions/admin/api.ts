/**
 * The admin function's wire contract: every action's input and the `data` it answers. The
 * console web app is typed from `AdminApi`, and the actions in `function.ts` conform to it.
 * Every action but `login` carries the operator's `token`.
 */
import type { SaleTally } from '../core/flashReconcile'
import type { FlashSaleState } from '../core/flashSale'
import type { FlashSaleInput } from '../core/flashValidation'
import type { GroupNaming } from '../core/membership'
import type {
  AuditEntry,
  FlashSale,
  Group,
  GroupTier,
  Membership,
  Operator,
  Order,
  OutboxMessage,
  PriceDay,
  Product,
} from '../core/model'
import type { OrderStatus } from '../core/order/status'
import type { PriceDayInput } from '../core/priceDayValidation'

export type Role = Operator['role']

// ---------------------------------------------------------------------------------------------
// Limits the function enforces and the console's forms check as operators type.

/** Largest list price, in fen (¥1,000,000). */
export const PRODUCT_MAX_PRICE_FEN = 100_000_000
export const PRODUCT_MAX_STOCK = 1_000_000
export const PRODUCT_MAX_IMAGES = 9
/** Largest uploaded picture, decoded; the local gateway takes request bodies up to 1 MB. */
export const IMAGE_MAX_BYTES = 600 * 1024
/** Picture types `uploadImage` accepts (checked by their first bytes on the server). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const

// ---------------------------------------------------------------------------------------------

export interface OperatorView {
  username: string
  role: Role
}

export interface LoginOutput {
  token: string
  /** Epoch ms; the console signs out at this time. */
  expiresAt: number
  operator: OperatorView
}

/** A member of a group, with the member's nickname for display. */
export type MembershipView = Membership & { nickname: string }

/** What each list kind holds. */
export interface ListItems {
  products: Product
  orders: Order
  groups: Group
  memberships: MembershipView
  priceDays: PriceDay
  flashSales: FlashSale
  outbox: OutboxMessage
}
export type ListKind = keyof ListItems

/** Filters each list kind accepts besides paging. `day` is 'YYYY-MM-DD' in +08:00. */
export interface ListFilters {
  products: { status?: Product['status'] }
  /** `opengid`: orders of the group's current members. */
  orders: { status?: OrderStatus; day?: string; opengid?: string; saleId?: string }
  /** Pending (seen but unnamed) groups come first. */
  groups: { status?: Group['status'] }
  memberships: { opengid: string }
  priceDays: { status?: PriceDay['status'] }
  flashSales: { status?: FlashSale['status'] }
  outbox: { touser?: string }
}

export type ListInput<K extends ListKind = ListKind> = {
  [P in K]: { kind: P; skip?: number; limit?: number } & ListFilters[P]
}[K]

export interface ListOutput<T> {
  items: T[]
  /** Documents matching the filters, for the table's pager. */
  total: number
}

// ---------------------------------------------------------------------------------------------
// Config: upsert / remove per kind.

/**
 * What an operator edits on a product; `sold` and the timestamps belong to the server. Stock on
 * an edit is a change, never a value written over what orders have taken since the form loaded.
 */
export type ProductInput = Pick<Product, 'title' | 'subtitle' | 'images' | 'priceFen' | 'status' | 'sort' | 'detail'> & {
  /** Absent when creating: the server picks one (the console sends one so a retried save creates once). */
  _id?: string
  /**
   * Creating: the initial stock (required). Editing: the stock the operator typed, applied as
   * `stock - loadedStock` on the stored stock; absent (with no `stockDelta`) leaves it alone.
   */
  stock?: number
  /** Editing: the stock the form showed when it loaded; required with `stock` on an edit. */
  loadedStock?: number
  /** Editing: units to add (negative: to take away), instead of `stock` and `loadedStock`. */
  stockDelta?: number
}

/** Naming (registering) a group; `_id` is its opengid. */
export type GroupInput = GroupNaming & { _id: string }

/** A price day as the operator configures it; `status` defaults to active. */
export type PriceDayConfig = Omit<PriceDayInput, 'status'> & { status?: PriceDayInput['status']; _id?: string }

export interface ConfigDocs {
  products: Product
  groups: Group
  priceDays: PriceDay
  flashSales: FlashSale
}
export type ConfigKind = keyof ConfigDocs

export interface ConfigInputs {
  products: ProductInput
  groups: GroupInput
  priceDays: PriceDayConfig
  flashSales: FlashSaleInput
}

export type UpsertInput<K extends ConfigKind = ConfigKind> = {
  [P in K]: {
    kind: P
    doc: ConfigInputs[P]
    /** Optimistic check for edits: the `updatedAt` the operator loaded; CONFLICT when it moved. */
    baseUpdatedAt?: number
  }
}[K]

/** An INVALID_INPUT answer to `upsert` also names every bad field (path -> message). */
export interface FieldFailure {
  ok: false
  code: 'INVALID_INPUT'
  message: string
  fields: Record<string, string>
}

// ---------------------------------------------------------------------------------------------
// Numbers.

export interface PeriodFigures {
  /** Orders placed (any status). */
  orders: number
  /** Orders paid (status paid). */
  paidOrders: number
  /** Sum of `totalFen` over paid orders (refunds excluded). */
  gmvFen: number
  /** Distinct members with a paid order. */
  buyers: number
}

export interface DayFigures extends PeriodFigures {
  /** 'YYYY-MM-DD', China time. */
  day: string
}

export interface GroupFigures {
  opengid: string
  name: string
  tier: GroupTier
  topic?: string
  members: number
  /** Members of the group with a paid order in the last 7 days. */
  buyers: number
  /** buyers / members, 0 when the group has no members. */
  conversion: number
}

export interface Metrics {
  serverNow: number
  today: PeriodFigures
  last7Days: PeriodFigures
  /** The last 7 China days, oldest first, today last. */
  daily: DayFigures[]
  /** Registered groups, most members first. */
  groups: GroupFigures[]
  /** Groups seen but not yet named, waiting for an operator. */
  pendingGroups: number
  /** True when the 7-day window held more orders than one call reads (figures are then partial). */
  truncated: boolean
}

// ---------------------------------------------------------------------------------------------
// Flash sales.

export interface FlashLive {
  serverNow: number
  sale: FlashSale
  state: FlashSaleState
  /** Units in orders that are pending or paid. */
  sold: number
  /** Orders of the sale placed in the last 10 seconds, per second. */
  ordersPerSecond: number
}

export interface FlashReport {
  sale: FlashSale
  state: FlashSaleState
  /** Ms from the start to the order that took the last unit; null when it did not sell out. */
  sellThroughMs: number | null
  /** Units in orders (pending + paid + closed unpaid). */
  orderedUnits: number
  paidUnits: number
  /** paidUnits / units in every order placed; 0 without orders. */
  paidRate: number
  /** Distinct members with a pending or paid order. */
  buyers: number
  /** Buyers by the groups they belong to (a member of two groups counts in both). */
  buyersByGroup: Array<{ opengid: string; name: string; buyers: number; paidUnits: number }>
  /** Buyers in no registered group. */
  buyersWithoutGroup: number
}

export interface ReconcileOutput {
  sales: SaleTally[]
  clean: boolean
  checkedAt: number
}

export interface Authed {
  token: string
}

export interface AdminApi {
  login: [{ username: string; password: string }, LoginOutput]
  me: [Authed, OperatorView]
  list: [Authed & ListInput, ListOutput<ListItems[ListKind]>]
  /** Owner only. */
  addOperator: [Authed & { username: string; password: string; role: Role }, OperatorView]
  /** Operator or owner: creates or replaces one config document; audited. */
  upsert: [Authed & UpsertInput, ConfigDocs[ConfigKind]]
  /** Operator or owner: deletes one config document; audited. */
  remove: [Authed & { kind: ConfigKind; id: string }, { id: string }]
  /** The audit log, newest first. */
  audit: [Authed & { kind?: string; skip?: number; limit?: number }, ListOutput<AuditEntry>]
  metrics: [Authed, Metrics]
  /** Operator or owner: stores an image (png, jpeg, webp, gif) and answers where it is. */
  uploadImage: [Authed & { name: string; contentBase64: string }, { url: string }]
  /** Operator or owner: the kill switch; no unit is sold after it answers. Audited. */
  flashStop: [Authed & { saleId: string }, FlashSale]
  flashLive: [Authed & { saleId: string }, FlashLive]
  flashReport: [Authed & { saleId: string }, FlashReport]
  /** Every sale (or one): quantity == left + reserved + paid, nobody over the limit. */
  flashReconcile: [Authed & { saleId?: string }, ReconcileOutput]
}

export type AdminAction = keyof AdminApi
export type AdminInput<A extends AdminAction> = AdminApi[A][0]
export type AdminOutput<A extends AdminAction> = AdminApi[A][1]
