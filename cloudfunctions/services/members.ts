/**
 * Members: one document per openid, created on first login.
 */
import type { MemberView } from '../core/contract'
import type { Member } from '../core/model'
import type { Db, Deps } from '../platform/ports'

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
  if (await deps.db.add('members', fresh)) return { member: fresh, isNew: true }

  await deps.db.update('members', { _id: openid }, { set: nickname ? { lastSeenAt: now, nickname } : { lastSeenAt: now } })
  const member = await deps.db.get('members', openid)
  if (!member) throw new Error(`member ${openid} vanished during login`)
  return { member, isNew: false }
}
