/**
 * The WeChat entry of every cloud function: `export const main = wechatMain(fn)`. Deps are built
 * per call (identity comes from this invocation's context); the SDK is initialised once per
 * function instance.
 */
import * as cloud from 'wx-server-sdk'
import { handle, respond, type CloudFunction } from '../function'
import type { Db, Deps, FileStore, Logger, Payment, Subscribe } from '../ports'
import type { AppConfig } from '../../core/config'
import { configFromEnv } from './config'
import { toContext } from './context'
import { createWechatDb } from './db'
import { replacedFieldsOf, WechatOpenData } from './openData'
import { WechatFileStore } from './files'
import { WechatPayment } from './payment'
import { WechatSubscribe } from './subscribe'

interface Instance {
  db: Db
  pay: Payment
  log: Logger
  config: AppConfig
  subscribe: Subscribe
  files: FileStore
}

let instance: Instance | undefined

function setUp(): Instance {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, throwOnNotFound: false })
  const logger = cloud.logger()
  return {
    db: createWechatDb(cloud.database({ throwOnNotFound: false })),
    pay: new WechatPayment({
      cloudPay: cloud.cloudPay,
      // DYNAMIC_CURRENT_ENV is a symbol; cloudPay needs the id, which the call's context knows.
      envId: () => process.env.WX_ENV || cloud.getWXContext().ENV || '',
      subMchId: process.env.WX_SUB_MCH_ID ?? '',
    }),
    log: {
      info: (message, fields) => logger.info({ message, ...fields }),
      error: (message, fields) => logger.error({ message, ...fields }),
    },
    config: configFromEnv(process.env),
    subscribe: new WechatSubscribe(() => cloud.openapi.subscribeMessage),
    files: new WechatFileStore((options) => cloud.uploadFile(options)),
  }
}

/** The cloud-function handler for `fn`. */
export function wechatMain(fn: CloudFunction): (event: unknown, context: unknown) => Promise<unknown> {
  return async (event) => {
    instance ??= setUp()
    const wx = cloud.getWXContext()
    const openData = new WechatOpenData({
      getOpenData: (list) => cloud.getOpenData({ list }),
      // Which event fields WeChat itself filled with open data is known per invocation only.
      replacedFields: replacedFieldsOf(wx.OPEN_DATA_INFO),
      appid: wx.APPID ?? '',
    })
    const deps: Deps = { ...instance, ctx: toContext(wx), now: Date.now, openData }
    // `userInfo` is added by the client SDK; identity is taken from the context only.
    const input = typeof event === 'object' && event !== null && !Array.isArray(event) ? withoutUserInfo(event) : event
    return respond(fn, await handle(fn, input, deps))
  }
}

function withoutUserInfo(event: object): Record<string, unknown> {
  const { userInfo: _ignored, ...rest } = event as Record<string, unknown>
  return rest
}
