/**
 * The ports domain code talks to. Each has a `wechat` adapter (wx-server-sdk, production) and a
 * `local` adapter (embedded SQLite and simulators). Domain code imports this file only.
 */
import type { AppConfig } from '../core/config'
import type { CollectionName, Collections } from '../core/model'

// ---------------------------------------------------------------------------------------------
// Database: every operation maps 1:1 onto the WeChat cloud document database.

/** A condition on one top-level field. A bare value means `eq`. */
export interface Cond {
  eq?: unknown
  ne?: unknown
  gt?: number
  gte?: number
  lt?: number
  lte?: number
  in?: unknown[]
}

/** Conditions on top-level fields (and `_id`), all of which must hold. */
export type Where<T> = { [K in keyof T]?: T[K] | Cond }

export interface QueryOptions<T> {
  orderBy?: Array<[keyof T & string, 'asc' | 'desc']>
  /** 1..100, default 100 (the cloud database's limit). */
  limit?: number
  skip?: number
}

export interface UpdateSpec<T> {
  set?: Partial<T>
  /** Atomic increments of numeric fields; a missing field counts as 0. */
  inc?: { [K in keyof T]?: number }
}

/** The document-level operations allowed inside a transaction (no queries, as in the cloud). */
export interface TxDb {
  get<C extends CollectionName>(coll: C, id: string): Promise<Collections[C] | null>
  /** Resolves false when a document with this `_id` exists already. */
  add<C extends CollectionName>(coll: C, doc: Collections[C]): Promise<boolean>
  set<C extends CollectionName>(coll: C, id: string, doc: Collections[C]): Promise<void>
  /** Updates the document with this id if it exists (and matches `where`); resolves 0 or 1. */
  update<C extends CollectionName>(
    coll: C,
    id: string,
    spec: UpdateSpec<Collections[C]>,
  ): Promise<number>
  remove<C extends CollectionName>(coll: C, id: string): Promise<number>
}

export interface Db {
  get<C extends CollectionName>(coll: C, id: string): Promise<Collections[C] | null>
  query<C extends CollectionName>(
    coll: C,
    where: Where<Collections[C]>,
    options?: QueryOptions<Collections[C]>,
  ): Promise<Array<Collections[C]>>
  count<C extends CollectionName>(coll: C, where: Where<Collections[C]>): Promise<number>
  /**
   * Inserts `doc` under its caller-chosen `_id`. Resolves false when that `_id` exists already:
   * this is how idempotency keys and per-member claims work.
   */
  add<C extends CollectionName>(coll: C, doc: Collections[C]): Promise<boolean>
  /** Creates or replaces the document with this id. */
  set<C extends CollectionName>(coll: C, id: string, doc: Collections[C]): Promise<void>
  /**
   * Atomic per document: every document matching `where` gets `spec` applied, and the number of
   * documents updated is returned. This is the conditional write:
   * `update('products', {_id, stock: {gte: n}}, {inc: {stock: -n}}) === 1`.
   */
  update<C extends CollectionName>(
    coll: C,
    where: Where<Collections[C]>,
    spec: UpdateSpec<Collections[C]>,
  ): Promise<number>
  remove<C extends CollectionName>(coll: C, where: Where<Collections[C]>): Promise<number>
  /**
   * Runs `body` as one transaction of document-level operations. The body may run again on
   * conflict, so it must be idempotent and must not have side effects outside `tx`.
   */
  transaction<T>(body: (tx: TxDb) => Promise<T>): Promise<T>
}

// ---------------------------------------------------------------------------------------------
// Identity.

/** Who is calling. From `cloud.getWXContext()` in production, from the gateway locally. */
export interface Context {
  /** Empty for calls that carry no user (timers, payment callbacks, the console). */
  openid: string
  appid: string
  clientIp: string
  /** `wx_client`, `wx_devtools`, `wx_paycallback`, `wx_timer`, `local_console`, ... */
  source: string
}

// ---------------------------------------------------------------------------------------------
// WeChat Pay (cloudPay).

export interface UnifiedOrderRequest {
  /** Our order id; WeChat's `outTradeNo`. */
  outTradeNo: string
  totalFen: number
  body: string
  openid: string
  clientIp: string
}

/** What the client hands to `requestPayment` (weapp) or to the local pay sheet (h5). */
export interface PaymentParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: string
  paySign: string
}

export interface PaymentQuery {
  /** SUCCESS when the money was taken. */
  tradeState: 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'REFUND' | 'PAYERROR' | 'USERPAYING'
  totalFen: number
  transactionId: string
}

export interface Payment {
  unifiedOrder(req: UnifiedOrderRequest): Promise<PaymentParams>
  queryOrder(outTradeNo: string): Promise<PaymentQuery | null>
  refund(req: { outTradeNo: string; outRefundNo: string; totalFen: number; refundFen: number }): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// Subscribe messages (subscribeMessage.send): one message per authorisation the member gave.

export interface SubscribeMessage {
  /** The member's openid. */
  touser: string
  templateId: string
  /** The mini program page the message opens, with its query. */
  page: string
  /** Template keywords, e.g. `{thing1: {value: '...'}}`. */
  data: Record<string, { value: string }>
}

export interface Subscribe {
  /** Sends one message; rejects when WeChat refuses it (no authorisation left, bad template). */
  send(message: SubscribeMessage): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// Open data: which group chat a member opened the mini program from.

/**
 * An event field that carried a CloudID: the id itself (the local cloud; or for `getOpenData`),
 * or the object WeChat puts in place of a top-level `cloud.CloudID(id)` field:
 * `{cloudID, data: {openGId, watermark}}`, or `{cloudID, errCode, errMsg}` when it could not.
 */
export type CloudIdField =
  | string
  | { cloudID: string; data?: Record<string, unknown>; errCode?: number; errMsg?: string }

/** A group's opengid, or why the CloudID was refused. */
export type OpenGroup = { opengid: string } | { error: 'EXPIRED' | 'FORGED' | 'INVALID' }

export interface OpenData {
  /**
   * The group behind the CloudID from `getGroupEnterInfo` that the event carried in `field`.
   * A replaced object counts only when WeChat itself put it there (`OPEN_DATA_INFO`).
   */
  groupOf(field: string, value: CloudIdField): Promise<OpenGroup>
}

// ---------------------------------------------------------------------------------------------
// File storage: images operators upload from the console.

export interface FileStore {
  /**
   * Stores `content` at `path` (e.g. `products/<hash>.png`, no `..`) and resolves what pages use
   * to show it: a URL the local cloud serves (`/files/products/...`) or a cloud storage fileID
   * (`cloud://...`, which `<Image>` in the mini program shows directly).
   */
  save(path: string, content: Uint8Array): Promise<string>
}

// ---------------------------------------------------------------------------------------------

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** Everything a function action may use. Built per call by the adapter that hosts it. */
export interface Deps {
  db: Db
  ctx: Context
  pay: Payment
  log: Logger
  config: AppConfig
  /** Server time, epoch ms. The only clock domain code reads. */
  now(): number
  /** Open data (wechat: the replaced CloudID field or getOpenData; local: `dev:<opengid>` ids). */
  openData: OpenData
  /** Subscribe messages (wechat: subscribeMessage.send; local: the `outbox` collection). */
  subscribe: Subscribe
  /** File storage (wechat: cloud storage `uploadFile`; local: `.data/files`, served at /files/). */
  files?: FileStore
}
