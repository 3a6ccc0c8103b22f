/**
 * h5 dev identity: which demo member the local cloud should treat as the caller. The first
 * visit picks the first demo member from `GET /dev/users`; the user switcher on 我的 changes it.
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
