/**
 * Who may buy in a flash sale: members of registered groups of the sale's tiers (any registered
 * group when the sale names none). The member document is read fresh (it carries the member's
 * groups); the registered groups come from the instance's short cache (services/membership), so
 * a group an operator has just named or re-tiered counts within seconds.
 */
import { flashEligibility, type Eligibility } from '../core/flashSale'
import { tiersOf } from '../core/membership'
import type { GroupTier } from '../core/model'
import type { Deps } from '../platform/ports'
import { groupsOfMember } from './membership'

/** The tiers of the caller's registered groups (one read), or null for a caller not logged in. */
export async function memberTiers(deps: Pick<Deps, 'db' | 'now' | 'config'>, openid: string): Promise<GroupTier[] | null> {
  if (!openid) return null
  const member = await deps.db.get('members', openid)
  return tiersOf(await groupsOfMember(deps, member))
}

/** Whether `openid` may buy in a sale open to `tiers`: one read (the member). */
export async function saleEligibility(
  deps: Pick<Deps, 'db' | 'now' | 'config'>,
  openid: string,
  tiers: readonly GroupTier[],
): Promise<Eligibility> {
  return flashEligibility(tiers, await memberTiers(deps, openid))
}
