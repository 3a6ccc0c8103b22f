/**
 * h5 dev identity: which demo member the local cloud should treat as the caller. The first
 * visit picks the first demo member from `GET /dev/users`; the user switcher on 我的 changes it,
 * and can open the shop "from" a group the local cloud knows (`GET /dev/groups`).
 */
import { useSession } from '@/stores/session'
import { getJson } from './http'

export interface DevUser {
  openid: string
  nickname: string
}

function toUsers(body: unknown): DevUser[] {
  const list = Array.isArray(body) ? body : (body as { users?: unknown } | null)?.users
  if (!Array.isArray(list)) return []
  return list.filter(
    (u): u is DevUser => typeof u === 'object' && u !== null && typeof u.openid === 'string' && typeof u.nickname === 'string',
  )
}

/** The demo members the local cloud knows (empty when it does not answer). */
export async function listDevUsers(): Promise<DevUser[]> {
  try {
    return toUsers(await getJson('/dev/users'))
  } catch {
    return []
  }
}

export interface DevGroup {
  opengid: string
  name: string
  status: 'registered' | 'pending'
  tier?: string
  topic?: string
}

function toGroups(body: unknown): DevGroup[] {
  const list = Array.isArray(body) ? body : (body as { groups?: unknown } | null)?.groups
  if (!Array.isArray(list)) return []
  return list.filter(
    (g): g is DevGroup =>
      typeof g === 'object' && g !== null && typeof g.opengid === 'string' && typeof g.name === 'string' && (g.status === 'registered' || g.status === 'pending'),
  )
}

/** The groups the local cloud has seen (`GET /dev/groups`), for "open from group X"; empty when it does not answer. */
export async function listDevGroups(): Promise<DevGroup[]> {
  try {
    return toGroups(await getJson('/dev/groups'))
  } catch {
    return []
  }
}

let choosing: Promise<string> | null = null

/** The openid to send as `X-Wx-Openid`, choosing the first demo member on a first visit. */
export function devIdentity(): Promise<string> {
  const current = useSession.getState().devOpenid
  if (current) return Promise.resolve(current)
  choosing ??= listDevUsers()
    .then((users) => {
      const first = users[0]?.openid ?? ''
      if (first && !useSession.getState().devOpenid) useSession.getState().setDevOpenid(first)
      return useSession.getState().devOpenid
    })
    .finally(() => {
      choosing = null
    })
  return choosing
}
