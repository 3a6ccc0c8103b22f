/**
 * The admin function's wire contract: every action's input and the `data` it answers. The
 * console web app is typed from `AdminApi`, and the actions in `function.ts` conform to it.
 * Every action but `login` carries the operator's `token`.
 */
import type { Operator, Order, Product } from '../core/model'
import type { OrderStatus } from '../core/order/status'

export type Role = Operator['role']

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

/** What each list kind holds. Issue 3 adds groups, priceDays, ... here. */
export interface ListItems {
  products: Product
  orders: Order
}
export type ListKind = keyof ListItems

/** Filters each list kind accepts besides paging. `day` is 'YYYY-MM-DD' in +08:00. */
export interface ListFilters {
  products: { status?: Product['status'] }
  orders: { status?: OrderStatus; day?: string }
}

export type ListInput<K extends ListKind = ListKind> = {
  [P in K]: { kind: P; skip?: number; limit?: number } & ListFilters[P]
}[K]

export interface ListOutput<T> {
  items: T[]
  /** Documents matching the filters, for the table's pager. */
  total: number
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
}

export type AdminAction = keyof AdminApi
export type AdminInput<A extends AdminAction> = AdminApi[A][0]
export type AdminOutput<A extends AdminAction> = AdminApi[A][1]
