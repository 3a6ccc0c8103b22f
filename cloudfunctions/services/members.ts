/**
 * Members: one document per openid, created on first login. The home page reads members
 * through a short per-instance cache (see `recentMember`).
 */
import type { MemberView } from '../core/contract'
import type { Member } from '../core/model'
import type { Db, Deps } from '../platform/ports'
import { SHELF_CACHE_MS } from './products'

/** Members remembered per instance; the oldest is forgotten first. */
const MEMBER_CACHE_MAX = 5_000

interface Remembered {
  at: number
  member: Promise<Member | null>
}

const recent = new WeakMap<Db, Map<string, Remembered>>()

function remember(db: Db, openid: string, entry: Remembered): void {
  let cache = recent.get(db)
  if (!cache) recent.set(db, (cache = new Map()))
  cache.delete(openid)
  cache.set(openid, entry)
  if (cache.size > MEMBER_CACHE_MAX) cache.delete(cache.keys().next().value as string)
}

/**
 * The member for display, possibly a few seconds old (same lifetime as the shelf cache): a
 * member refreshing the home page costs no read. Never use it for decisions, only for display.
 */
export async function recentMember(deps: Pick<Deps, 'db' | 'now' | 'config'>, openid: string): Promise<Member | null> {
  if (!openid) return null
  const now = deps.now()
  const ttl = deps.config.shelfCacheMs ?? SHELF_CACHE_MS
  const hit = recent.get(deps.db)?.get(openid)
  if (hit && now - hit.at < ttl && now >= hit.at) return hit.member
  const member = deps.db.get('members', openid)
  remember(deps.db, openid, { at: now, member })
  member.catch(() => recent.get(deps.db)?.delete(openid))
  return member
}

/** Puts a member just written into this instance's display cache, so the next view shows it. */
export function rememberMember(db: Db, member: Member, now: number): void {
  remember(db, member._id, { at: now, member: Promise.resolve(member) })
}

/** The name a member gets before choosing one: 群友 and the end of the openid. */
export function defaultNickname(openid: string): string {
  return `群友${openid.slice(-4)}`
}

export function toMemberView(member: Member): MemberView {
  return { openid: member._id, nickname: member.nickname, createdAt: member.createdAt }
}

export async function findMember(db: Db, openid: string): Promise<Member | null> {
  return openid ? db.get('members', openid) : null
}

/**
 * Creates the member on first login (an `add` that loses to a concurrent first login is fine),
 * otherwise records the visit and the new nickname if one is given.
 */
export async function loginMember(
  deps: Pick<Deps, 'db' | 'now'>,
  openid: string,
  nickname?: string,
): Promise<{ member: Member; isNew: boolean }> {
  const now = deps.now()
  const fresh: Member = {
    _id: openid,
    nickname: nickname ?? defaultNickname(openid),
    createdAt: now,
    lastSeenAt: now,
  }
  if (await deps.db.add('members', fresh)) {
    remember(deps.db, openid, { at: now, member: Promise.resolve(fresh) })
    return { member: fresh, isNew: true }
  }

  await deps.db.update('members', { _id: openid }, { set: nickname ? { lastSeenAt: now, nickname } : { lastSeenAt: now } })
  const member = await deps.db.get('members', openid)
  if (!member) throw new Error(`member ${openid} vanished during login`)
  remember(deps.db, openid, { at: now, member: Promise.resolve(member) })
  return { member, isNew: false }
}
