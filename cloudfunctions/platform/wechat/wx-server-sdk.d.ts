/**
 * Typings for the parts of wx-server-sdk the wechat adapter uses. wx-server-sdk 3.x publishes
 * no declaration file (its package.json names an `index.d.ts` it does not ship); these follow the
 * official 4.x declarations and the cloud API docs, narrowed where those say `any` or
 * `Promise<T> | void | string` (the void/string forms are callback-style calls we never make).
 */
declare module 'wx-server-sdk' {
  /** Use the environment the function runs in. */
  export const DYNAMIC_CURRENT_ENV: symbol

  export interface InitOptions {
    env?: string | symbol | { database?: string; functions?: string; storage?: string }
    traceUser?: boolean
    /** When false, `doc(id).get()` of a missing document resolves `{data: null}` instead of throwing. */
    throwOnNotFound?: boolean
  }

  export function init(options?: InitOptions): void

  export interface WXContext {
    OPENID?: string
    APPID?: string
    UNIONID?: string
    ENV?: string
    /** `wx_client`, `wx_devtools`, `wx_paycallback`, ... (comma-joined when functions call functions). */
    SOURCE?: string
    CLIENTIP?: string
    CLIENTIPV6?: string
    /** JSON `{"keys": [...]}`: the event fields WeChat replaced with open data (may be empty). */
    OPEN_DATA_INFO?: string
    [key: string]: unknown
  }

  export function getWXContext(): WXContext

  /** Exchanges CloudIDs for their open data (one entry per id: `{cloudID, data}`). */
  export function getOpenData(options: { list: string[] }): Promise<{ list: unknown[]; errMsg: string }>

  export interface CloudLogger {
    log(object: Record<string, unknown>): void
    info(object: Record<string, unknown>): void
    warn(object: Record<string, unknown>): void
    error(object: Record<string, unknown>): void
  }

  export function logger(): CloudLogger

  export namespace DB {
    type DocumentId = string | number
    type Data = Record<string, unknown>

    /** Opaque values built by `db.command` (`_.gte(1)`, `_.inc(1)`, ...). */
    interface QueryCommand {
      readonly __queryCommand?: never
      and(...expressions: QueryCommand[]): QueryCommand
    }
    interface UpdateCommand {
      readonly __updateCommand?: never
    }

    interface Command {
      eq(value: unknown): QueryCommand
      neq(value: unknown): QueryCommand
      gt(value: unknown): QueryCommand
      gte(value: unknown): QueryCommand
      lt(value: unknown): QueryCommand
      lte(value: unknown): QueryCommand
      in(values: unknown[]): QueryCommand
      nin(values: unknown[]): QueryCommand
      and(...expressions: QueryCommand[]): QueryCommand
      set(value: unknown): UpdateCommand
      inc(value: number): UpdateCommand
      remove(): UpdateCommand
    }

    interface QueryResult {
      data: Data[]
      errMsg: string
    }
    interface SingleResult {
      data: Data | null
      errMsg: string
    }
    interface AddResult {
      _id: DocumentId
      errMsg: string
    }
    interface UpdateResult {
      stats: { updated: number }
      errMsg: string
    }
    interface SetResult {
      _id: DocumentId
      stats: { updated: number; created: number }
      errMsg: string
    }
    interface RemoveResult {
      stats: { removed: number }
      errMsg: string
    }
    interface CountResult {
      total: number
      errMsg: string
    }

    interface Query {
      where(condition: Data): Query
      orderBy(fieldPath: string, order: 'asc' | 'desc'): Query
      limit(max: number): Query
      skip(offset: number): Query
      get(): Promise<QueryResult>
      count(): Promise<CountResult>
      update(options: { data: Data }): Promise<UpdateResult>
      remove(): Promise<RemoveResult>
    }

    interface DocumentReference {
      get(): Promise<SingleResult>
      set(options: { data: Data }): Promise<SetResult>
      update(options: { data: Data }): Promise<UpdateResult>
      remove(): Promise<RemoveResult>
    }

    interface CollectionReference extends Query {
      doc(id: DocumentId): DocumentReference
      add(options: { data: Data }): Promise<AddResult>
    }

    /** Inside `runTransaction`: document-level operations only. */
    interface Transaction {
      collection(name: string): {
        doc(id: DocumentId): DocumentReference
        add(options: { data: Data }): Promise<AddResult>
      }
      rollback(reason?: unknown): Promise<void>
    }

    interface Database {
      readonly command: Command
      collection(name: string): CollectionReference
      /** Runs `body` in a transaction, re-running it on write conflicts up to `retries` times. */
      runTransaction<T>(body: (transaction: Transaction) => Promise<T>, retries?: number): Promise<T>
    }

    interface DatabaseOptions {
      env?: string
      throwOnNotFound?: boolean
    }
  }

  export function database(options?: DB.DatabaseOptions): DB.Database

  /** WeChat Pay over the cloud's private channel (no certificates, JSON in and out). */
  export namespace CloudPay {
    interface Result {
      returnCode: string
      returnMsg?: string
      resultCode?: string
      errCode?: string
      errCodeDes?: string
    }

    interface UnifiedOrderParams {
      body: string
      outTradeNo: string
      spbillCreateIp: string
      subMchId: string
      totalFee: number
      /** The environment of the callback function. */
      envId: string
      /** The function WeChat Pay calls with the payment result. */
      functionName: string
      nonceStr: string
      tradeType?: 'JSAPI'
      attach?: string
      timeExpire?: string
    }

    interface UnifiedOrderResult extends Result {
      prepayId?: string
      /** What the client passes to `wx.requestPayment`. */
      payment?: {
        appId?: string
        timeStamp: string
        nonceStr: string
        package: string
        signType: string
        paySign: string
      }
    }

    interface QueryOrderParams {
      subMchId: string
      outTradeNo?: string
      transactionId?: string
      nonceStr: string
    }

    interface QueryOrderResult extends Result {
      tradeState?: string
      totalFee?: number
      transactionId?: string
      outTradeNo?: string
      timeEnd?: string
    }

    interface RefundParams {
      subMchId: string
      nonceStr: string
      outTradeNo: string
      outRefundNo: string
      totalFee: number
      refundFee: number
      refundDesc?: string
      envId?: string
      functionName?: string
    }

    interface RefundResult extends Result {
      refundId?: string
      refundFee?: number
    }

    interface Api {
      unifiedOrder(params: UnifiedOrderParams): Promise<UnifiedOrderResult>
      queryOrder(params: QueryOrderParams): Promise<QueryOrderResult>
      refund(params: RefundParams): Promise<RefundResult>
    }
  }

  export const cloudPay: CloudPay.Api

  /** Uploads a file to the environment's cloud storage; `fileID` is `cloud://...`. */
  export function uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string; statusCode?: number; errMsg?: string }>
}
