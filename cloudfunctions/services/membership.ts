/**
 * Group membership: binding a member to the group chat they opened the mini program from, and
 * the member's registered groups. The membership documents (`${opengid}:${openid}`) are the
 * record operators count; the member document keeps a copy of the list so showing it costs no
 * extra read. Registered groups are kept per instance for a few seconds, like the shelf.
 */
import type { MemberGroupView } from '../core/contract'
import { fail, ok, type Result } from '../core/errors'
import { memberGroupViews, membershipId, toMemberGroupView, withGroup } from '../core/membership'
import type { Group, Member, MemberGroupRef, Membership } from '../core/model'
import type { CloudIdField, Db, Deps, OpenGroup } from '../platform/ports'
import { instanceCache, type CacheDeps } from './instanceCache'
import { defaultNickname, rememberMember } from './members'

/** Registered groups beyond this many are not loaded (the cloud database pages by 100). */
const GROUPS_MAX = 1_000
const PAGE = 100

const registered = instanceCache<Map<string, Group>>()

async function loadRegisteredGroups(db: Db): Promise<Map<string, Group>> {
  const groups = new Map<string, Group>()
  while (groups.size < GROUPS_MAX) {
    const page = await db.query('groups', { status: 'registered' }, { orderBy: [['_id', 'asc']], limit: PAGE, skip: groups.size })
    for (const group of page) groups.set(group._id, group)
    if (page.length < PAGE) break
  }
  return groups
}

/**
 * Registered groups by opengid, from the instance cache when it is fresh. A group an operator
 * names or re-tiers shows up here within the cache time (at once on the instance that did it,
 * which calls `forgetGroups`).
 */
export function registeredGroups(deps: CacheDeps): Promise<Map<string, Group>> {
  return registered.get(deps, () => loadRegisteredGroups(deps.db))
}

/** Drops this instance's registered groups (call after changing a group). */
export function forgetGroups(db: Db): void {
  registered.forget(db)
}

/** The member's registered groups (no read at all for a member of none). */
export async function groupsOfMember(
  deps: CacheDeps,
  member: Pick<Member, 'groups'> | null,
): Promise<MemberGroupView[]> {
  if (!member?.groups?.length) return []
  const groups = await registeredGroups(deps)
  return memberGroupViews(member.groups, (opengid) => groups.get(opengid))
}

/**
 * The member's registered groups read fresh (no cache): for the profile and for decisions such
 * as prices, which must follow an operator's change at once.
 */
export async function currentGroupsOfMember(db: Db, member: Pick<Member, 'groups'> | null): Promise<MemberGroupView[]> {
  const refs = member?.groups ?? []
  if (refs.length === 0) return []
  const found = await db.query('groups', { _id: { in: refs.slice(0, PAGE).map((g) => g.opengid) } }, { limit: PAGE })
  const byId = new Map(found.map((group) => [group._id, group]))
  return memberGroupViews(refs, (opengid) => byId.get(opengid))
}

/** The registered groups of `openid`, reading the member and the groups fresh. */
export async function currentGroupsOf(db: Db, openid: string): Promise<MemberGroupView[]> {
  return openid ? currentGroupsOfMember(db, await db.get('members', openid)) : []
}

const REFUSALS: Record<Extract<OpenGroup, { error: string }>['error'], Result<never>> = {
  EXPIRED: fail('INVALID_INPUT', '字段 group 无效: 群信息已过期，请从群聊重新打开小程序'),
  INVALID: fail('INVALID_INPUT', '字段 group 无效: 无法识别的群信息，请从群聊重新打开小程序'),
  FORGED: fail('FORBIDDEN', '群信息校验未通过，请从群聊重新打开小程序'),
}

export interface Bound {
  group: MemberGroupView
  groups: MemberGroupView[]
  /** True the first time this member opens the mini program from this group. */
  isNew: boolean
}

/**
 * Binds `openid` to the group behind the CloudID the client sent. Only registered groups grant
 * membership; an unknown group is recorded as pending (seen, not yet named) for the console,
 * and answered GROUP_NOT_REGISTERED. Safe to repeat and to race.
 */
export async function bindGroup(deps: Deps, openid: string, field: CloudIdField): Promise<Result<Bound>> {
  const resolved = await deps.openData.groupOf('group', field)
  if ('error' in resolved) return REFUSALS[resolved.error]
  const { opengid } = resolved
  const now = deps.now()

  const group = await deps.db.get('groups', opengid)
  if (!group || group.status !== 'registered') {
    await recordSighting(deps.db, opengid, openid, now, group === null)
    return fail('GROUP_NOT_REGISTERED')
  }

  const { since, isNew } = await recordMembership(deps.db, opengid, openid, now)
  const member = await addGroupToMember(deps.db, openid, { opengid, since }, now)
  rememberMember(deps.db, member, now)
  const groups = await currentGroupsOfMember(deps.db, member)
  return ok({ group: toMemberGroupView(group, since), groups, isNew })
}

/** Records that someone opened the mini program from a group no operator has named yet. */
async function recordSighting(db: Db, opengid: string, openid: string, now: number, unseen: boolean): Promise<void> {
  if (unseen) {
    const pending: Group = {
      _id: opengid,
      status: 'pending',
      name: '',
      tier: 'ordinary',
      firstSeenAt: now,
      firstSeenBy: openid,
      lastSeenAt: now,
      lastSeenBy: openid,
      updatedAt: now,
    }
    // A concurrent first sighting may win the add; then this is just a later sighting.
    if (await db.add('groups', pending)) return
  }
  await db.update('groups', { _id: opengid, status: 'pending' }, { set: { lastSeenAt: now, lastSeenBy: openid } })
}

/** Creates the membership the first time (`since` = now), or records the visit. */
async function recordMembership(db: Db, opengid: string, openid: string, now: number): Promise<{ since: number; isNew: boolean }> {
  const _id = membershipId(opengid, openid)
  const fresh: Membership = { _id, opengid, openid, since: now, lastSeenAt: now }
  if (await db.add('memberships', fresh)) return { since: now, isNew: true }
  await db.update('memberships', { _id }, { set: { lastSeenAt: now } })
  const existing = await db.get('memberships', _id)
  return { since: existing?.since ?? now, isNew: false }
}

/**
 * Adds the group to the member document's copy of their groups, creating the member if they
 * never logged in. The list is changed in a transaction, so two groups bound at once both stay.
 */
async function addGroupToMember(db: Db, openid: string, ref: MemberGroupRef, now: number): Promise<Member> {
  const created: Member = { _id: openid, nickname: defaultNickname(openid), createdAt: now, lastSeenAt: now, groups: [ref] }
  if (await db.add('members', created)) return created
  return db.transaction(async (tx) => {
    const member = await tx.get('members', openid)
    // Members are never removed; one that refused the add above exists.
    if (!member) throw new Error(`member ${openid} not found after a duplicate add`)
    const groups = withGroup(member.groups, ref.opengid, ref.since)
    if (!groups) return member
    await tx.update('members', openid, { set: { groups } })
    return { ...member, groups }
  })
}
