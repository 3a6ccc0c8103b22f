/** WeChat entry of the `admin` function; reachable by `callFunction` and by HTTP access. */
import { wechatMain } from '../platform/wechat/main'
import fn from './function'
import { viaHttpAccess } from './http'

export const main = viaHttpAccess(wechatMain(fn))
