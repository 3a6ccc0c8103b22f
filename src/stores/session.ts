/**
 * Who is using the app, which groups make them a member, and how far the phone's clock is from
 * the server's. Client state only: the server decides identity (from the WeChat context, or the
 * dev header on the local cloud) and membership (from the group's open data).
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import type { MemberGroupView } from '@core/contract'

/** Storage key of the demo member the h5 build acts as on the local cloud. */
export const DEV_OPENID_KEY = 'qunyou.devOpenid'

export interface SessionState {
  openid: string
  nickname: string
  /** The member's registered groups (empty: not a member yet, perks greyed out). */
  groups: MemberGroupView[]
  /** Bumped when a group binding changes what the member may see; pages that price things reload. */
  groupsVersion: number
  /** `serverNow - Date.now()`: add it to local time to get server time. */
  clockOffsetMs: number
  /** Whether `clockOffsetMs` has been measured at all since launch. */
  clockSynced: boolean
  /** h5 only: the demo member sent as `X-Wx-Openid`; persisted so a reload keeps the same user. */
  devOpenid: string
  setMember(member: { openid: string; nickname: string }): void
  setGroups(groups: MemberGroupView[]): void
  /** A binding answered: keep its groups and tell pricing pages to reload. */
  groupsChanged(groups: MemberGroupView[]): void
  /**
   * Records the server's clock reading `serverNow`, answered to a call sent at local `sentAt`
   * and received at local `receivedAt` (the reading is taken about half-way).
   */
  syncClock(serverNow: number, receivedAt?: number, sentAt?: number): void
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

/** `serverNow - localNow`, with the local reading taken half-way through the round trip. */
export function clockOffset(serverNow: number, receivedAt: number, sentAt: number = receivedAt): number {
  const midway = sentAt <= receivedAt ? sentAt + (receivedAt - sentAt) / 2 : receivedAt
  return Math.round(serverNow - midway)
}

const sameGroups = (a: MemberGroupView[], b: MemberGroupView[]) =>
  a.length === b.length && a.every((g, i) => g.opengid === b[i].opengid && g.tier === b[i].tier && g.name === b[i].name && g.since === b[i].since)

export const useSession = create<SessionState>()((set, get) => ({
  openid: '',
  nickname: '',
  groups: [],
  groupsVersion: 0,
  clockOffsetMs: 0,
  clockSynced: false,
  devOpenid: readDevOpenid(),
  setMember: ({ openid, nickname }) => set({ openid, nickname }),
  // Same content keeps the same array, so selectors do not re-render for nothing.
  setGroups: (groups) => {
    if (!sameGroups(get().groups, groups)) set({ groups })
  },
  groupsChanged: (groups) => set((s) => ({ groups, groupsVersion: s.groupsVersion + 1 })),
  syncClock: (serverNow, receivedAt = Date.now(), sentAt = receivedAt) =>
    set({ clockOffsetMs: clockOffset(serverNow, receivedAt, sentAt), clockSynced: true }),
  setDevOpenid: (devOpenid) => {
    Taro.setStorageSync(DEV_OPENID_KEY, devOpenid)
    // A different person: forget the previous one's name and groups until the next answers.
    set((s) => ({ devOpenid, openid: '', nickname: '', groups: [], groupsVersion: s.groupsVersion + 1 }))
  },
}))

/** Server time now, as well as the client can tell. */
export function serverNow(): number {
  return Date.now() + useSession.getState().clockOffsetMs
}
