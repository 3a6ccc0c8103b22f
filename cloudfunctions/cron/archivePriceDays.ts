/**
 * Archives price days that can no longer run (a date rule for a past day, a weekly rule past its
 * last day), so the shop and orders stop loading them. Each one is archived in its own
 * transaction with its audit entry, re-read inside: an operator's edit in between (a new date)
 * wins, and a run that repeats logs once.
 */
import { hasEnded } from '../core/priceDay'
import type { Deps } from '../platform/ports'
import { recordAudit } from '../admin/audit'
import { forgetPriceDays, loadActivePriceDays } from '../services/priceDays'

/** Who the audit log names for archiving. */
export const ARCHIVED_BY = 'cron'

/** Archives up to `max` ended price days; resolves how many it archived. */
export async function archiveEndedPriceDays(deps: Pick<Deps, 'db' | 'now'>, max: number): Promise<number> {
  const now = deps.now()
  const ended = (await loadActivePriceDays(deps.db)).filter((priceDay) => hasEnded(priceDay, now)).slice(0, max)
  let archived = 0
  for (const { _id } of ended) {
    const done = await deps.db.transaction(async (tx) => {
      const before = await tx.get('priceDays', _id)
      if (!before || before.status !== 'active' || !hasEnded(before, now)) return false
      const after = { ...before, status: 'archived' as const, updatedAt: now }
      await tx.update('priceDays', _id, { set: { status: 'archived', updatedAt: now } })
      // One entry per version archived, so a re-run of this transaction or of the tick logs once.
      await recordAudit(tx, { id: `archive-${_id}-${before.updatedAt}`, operator: ARCHIVED_BY, action: 'archive', kind: 'priceDays', targetId: _id, before, after, at: now })
      return true
    })
    if (done) archived += 1
  }
  if (archived > 0) forgetPriceDays(deps.db)
  return archived
}
