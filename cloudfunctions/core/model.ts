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

/** Small key/value documents: secrets, counters that are not hot, schema versions. */
export interface Setting {
  _id: string
  value: unknown
  updatedAt: number
}

export interface Collections {
  products: Product
  members: Member
  orders: Order
  operators: Operator
  audit: AuditEntry
  settings: Setting
}

export type CollectionName = keyof Collections
