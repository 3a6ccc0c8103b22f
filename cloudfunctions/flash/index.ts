/** WeChat entry of the `flash` function. */
import { wechatMain } from '../platform/wechat/main'
import fn from './function'

export const main = wechatMain(fn)
