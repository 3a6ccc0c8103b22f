/**
 * Who is using the app and how far the phone's clock is from the server's. Client state only:
 * the server decides identity (from the WeChat context, or the dev header on the local cloud).
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'

/** Storage key of the demo member the h5 build acts as on the local cloud. */
export const DEV_OPENID_KEY = 'qunyou.devOpenid'

export interface SessionState {
  openid: string
  nickname: string
  /** `serverNow - Date.now()` from the last home call; add it to local time to get server time. */
  clockOffsetMs: number
  /** h5 only: the demo member sent as `X-Wx-Openid`; persisted so a reload keeps the same user. */
  devOpenid: string
  setMember(member: { openid: string; nickname: string }): void
  /** Records the server's clock reading taken at local time `localNow`. */
  syncClock(serverNow: number, localNow?: number): void
  setDevOpenid(openid: string): void
}

function readDevOpenid(): string {
  if (process.env.TARO_ENV !== 'h5') return ''
  try {
    const stored: unknown = Taro.getStorageSync(DEV_OPENID_KEY)
    return typeof stored === 'string' ? stored : ''
  } catch {
    return ''
  }
}

export const useSession = create<SessionState>()((set) => ({
  openid: '',
  nickname: '',
  clockOffsetMs: 0,
  devOpenid: readDevOpenid(),
  setMember: ({ openid, nickname }) => set({ openid, nickname }),
  syncClock: (serverNow, localNow = Date.now()) => set({ clockOffsetMs: serverNow - localNow }),
  setDevOpenid: (devOpenid) => {
    Taro.setStorageSync(DEV_OPENID_KEY, devOpenid)
    // A different person: forget the previous one's name until the next login answers.
    set({ devOpenid, openid: '', nickname: '' })
  },
}))

/** Server time now, as well as the client can tell. */
export function serverNow(): number {
  return Date.now() + useSession.getState().clockOffsetMs
}
