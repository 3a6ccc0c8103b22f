/** Who is calling, from the cloud's own record of the invocation (never from the event). */
import type { WXContext } from 'wx-server-sdk'
import type { Context } from '../ports'

export function toContext(wx: WXContext): Context {
  return {
    openid: wx.OPENID ?? '',
    appid: wx.APPID ?? '',
    clientIp: wx.CLIENTIP ?? wx.CLIENTIPV6 ?? '',
    source: wx.SOURCE ?? '',
  }
}
