/** WeChat entry of the `cron` function. */
import { wechatMain } from '../platform/wechat/main'
import fn from './function'

export const main = wechatMain(fn)
