/** WeChat entry of the `order` function. */
import { wechatMain } from '../platform/wechat/main'
import fn from './function'

export const main = wechatMain(fn)
