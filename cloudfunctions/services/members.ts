/**
 * Members: one document per openid, created on first login. The home page reads members
 * through a short per-instance cache (see `recentMember`).
 */
import type { MemberView } from '../core/contract'
import type { Member } from '../core/model'
import type { Db, Deps } from '../platform/ports'
import { keyedInstanceCache, type CacheDeps } from './instanceCache'

/** Members remembered per instance; the oldest is forgotten first. */
const MEMBER_CACHE_MAX = 5_000

const recent = keyedInstanceCache<Member | null>(MEMBER_CACHE_MAX)

/**
 * The member for display, possibly a few seconds old (same lifetime as the shelf cache): a
 * member refreshing the home page costs no read. Never use it for decisions, only for display.
 */
export async function recentMember(deps: CacheDeps, openid: string): Promise<Member | null> {
  if (!openid) return null
  return recent.get(deps, openid, () => deps.db.get('members', openid))
}

/** Puts a member just written into this instance's display cache, so the next view shows it. */
export function rememberMember(db: Db, member: Member, now: number): void {
  recent.put(db, member._id, member, now)
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
    rememberMember(deps.db, fresh, now)
    return { member: fresh, isNew: true }
  }

  await deps.db.update('members', { _id: openid }, { set: nickname ? { lastSeenAt: now, nickname } : { lastSeenAt: now } })
  const member = await deps.db.get('members', openid)
  if (!member) throw new Error(`member ${openid} vanished during login`)
  rememberMember(deps.db, member, now)
  return { member, isNew: false }
}
