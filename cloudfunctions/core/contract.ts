/**
 * The wire contract: for every function and action, its input and the `data` it answers.
 * The client's `services/cloud.ts` is typed from `Api`; the functions' actions must conform.
 * Inputs never carry identity: the openid comes from the context.
 */
import type { Order } from './model'
import type { OrderStatus } from './order/status'
import type { PaymentParams } from '../platform/ports'

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

export interface HomeView {
  /** Server time when answered; the client keeps `serverNow - Date.now()` as its clock offset. */
  serverNow: number
  member: MemberView | null
  products: ProductCard[]
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
    profile: [Record<string, never>, MemberView & { orderCounts: Partial<Record<OrderStatus, number>> }]
  }
  order: {
    create: [{ requestId: string; productId: string; qty: number }, OrderView]
    pay: [{ orderId: string }, { order: OrderView; payment: PaymentParams }]
    cancel: [{ orderId: string }, OrderView]
    list: [{ status?: OrderStatus; skip?: number }, Page<OrderView>]
    detail: [{ orderId: string }, OrderView]
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [infer I, unknown] ? I : never
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [unknown, infer O] ? O : never

