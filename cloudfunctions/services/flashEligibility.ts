/**
 * Who may buy in a flash sale: members of registered groups of the sale's tiers. Reads the
 * member's memberships by their deterministic ids (`${opengid}:${openid}`) against the registered
 * groups, which an instance keeps for a few seconds (groups change when an operator names one).
 *
 * To be swapped for the membership service's "groups of a member" once it lands; only
 * `saleEligibility` is used elsewhere.
 */
import { flashEligibility, type Eligibility } from '../core/flashSale'
import type { Group, GroupTier } from '../core/model'
import type { Db, Deps } from '../platform/ports'
import { SHELF_CACHE_MS } from './products'

const GROUPS_MAX = 100

interface GroupsCache {
  loadedAt: number
  groups: Promise<Group[]>
}

const registered = new WeakMap<Db, GroupsCache>()

/** The registered groups (at most 100), from the instance cache when it is fresh. */
async function registeredGroups(deps: Pick<Deps, 'db' | 'now' | 'config'>): Promise<Group[]> {
  const now = deps.now()
  const ttl = deps.config.shelfCacheMs ?? SHELF_CACHE_MS
  const cached = registered.get(deps.db)
  if (cached && now - cached.loadedAt < ttl && now >= cached.loadedAt) return cached.groups
  const groups = deps.db.query('groups', { status: 'registered' }, { orderBy: [['_id', 'asc']], limit: GROUPS_MAX })
  registered.set(deps.db, { loadedAt: now, groups })
  groups.catch(() => {
    if (registered.get(deps.db)?.groups === groups) registered.delete(deps.db)
  })
  return groups
}

/** The tiers of those of `groups` that `openid` is a member of. */
async function tiersAmong(db: Db, openid: string, groups: readonly Group[]): Promise<GroupTier[]> {
  const found = await Promise.all(groups.map((group) => db.get('memberships', `${group._id}:${openid}`)))
  return groups.filter((_, i) => found[i] !== null).map((group) => group.tier)
}

/**
 * Whether `openid` may buy in a sale open to `tiers` (empty: any registered group). Checks the
 * qualifying groups first, so an eligible member costs one read per qualifying group; the other
 * groups are read only to tell "not a member" from "wrong tier".
 */
export async function saleEligibility(
  deps: Pick<Deps, 'db' | 'now' | 'config'>,
  openid: string,
  tiers: readonly GroupTier[],
): Promise<Eligibility> {
  if (!openid) return flashEligibility(tiers, null)
  const groups = await registeredGroups(deps)
  const qualifying = tiers.length === 0 ? groups : groups.filter((group) => tiers.includes(group.tier))
  const inQualifying = await tiersAmong(deps.db, openid, qualifying)
  if (inQualifying.length > 0) return flashEligibility(tiers, inQualifying)
  const others = groups.filter((group) => !qualifying.includes(group))
  return flashEligibility(tiers, await tiersAmong(deps.db, openid, others))
}
