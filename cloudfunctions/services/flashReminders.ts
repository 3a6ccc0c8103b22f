/**
 * Start reminders of flash sales: a member asks once per sale (a deterministic id), and the timer
 * sends each reminder a few minutes before the start through the subscribe port. Each reminder is
 * marked sent by a conditional write before it goes out, so overlapping timer runs send it once.
 */
import { fail, ok, type Result } from '../core/errors'
import { FLASH_REMIND_GRACE_MS, FLASH_REMIND_LEAD_MS, memberSaleId, remindersDue } from '../core/flashSale'
import type { FlashSale } from '../core/model'
import { formatFen } from '../core/money'
import { cnTime } from '../core/time'
import type { Deps, SubscribeMessage } from '../platform/ports'
import { saleEligibility } from './flashEligibility'

/** The template the local cloud uses when none is configured. */
export const LOCAL_REMINDER_TEMPLATE_ID = 'local-flash-start'

export function reminderTemplateId(deps: Pick<Deps, 'config'>): string {
  return deps.config.flashReminderTemplateId ?? LOCAL_REMINDER_TEMPLATE_ID
}

/** The page a reminder opens (the client's flash sale page). */
export function salePage(saleId: string): string {
  return `packages/flash/pages/detail?id=${encodeURIComponent(saleId)}`
}

/** WeChat's `thing` keywords hold at most 20 characters. */
function thing(text: string): string {
  const chars = [...text]
  return chars.length <= 20 ? text : `${chars.slice(0, 19).join('')}…`
}

/**
 * The start reminder for `sale`. The template (chosen in the mini program console) must have the
 * keywords thing1 (活动名称), amount2 (秒杀价), time3 (开始时间) and thing4 (温馨提示).
 */
export function reminderMessage(sale: FlashSale, openid: string, templateId: string): SubscribeMessage {
  return {
    touser: openid,
    templateId,
    page: salePage(sale._id),
    data: {
      thing1: { value: thing(sale.title) },
      amount2: { value: formatFen(sale.flashPriceFen) },
      time3: { value: cnTime(sale.startAt).format('YYYY-MM-DD HH:mm') },
      thing4: { value: thing(`限量${sale.quantity}件，每人限购${sale.perMemberLimit}件`) },
    },
  }
}

/** Records `openid`'s reminder for a sale that has not started. Asking again changes nothing. */
export async function remindMe(
  deps: Deps,
  openid: string,
  saleId: string,
): Promise<Result<{ saleId: string; remindAt: number; isNew: boolean }>> {
  const now = deps.now()
  const sale = await deps.db.get('flashSales', saleId)
  if (!sale) return fail('NOT_FOUND')
  if (sale.status === 'stopped' || now >= sale.endAt) return fail('ENDED')
  if (now >= sale.startAt) return fail('INVALID_STATE', '活动已开始，快去抢购吧')
  const eligibility = await saleEligibility(deps, openid, sale.tiers)
  if (!eligibility.eligible) return fail('NOT_MEMBER', eligibility.message)
  const isNew = await deps.db.add('flashReminders', {
    _id: memberSaleId(saleId, openid),
    saleId,
    openid,
    status: 'waiting',
    createdAt: now,
  })
  return ok({ saleId, remindAt: Math.max(now, sale.startAt - FLASH_REMIND_LEAD_MS), isNew })
}

export interface RemindersRun {
  sent: number
  failed: number
  /** True when the run stopped at its batch budget with reminders still due. */
  more: boolean
}

const BATCH = 100

/**
 * Sends the reminders of every sale starting within the lead time (or started within the grace
 * time), at most `maxBatches` batches of 100 per run.
 */
export async function sendDueReminders(deps: Deps, maxBatches = 5): Promise<RemindersRun> {
  const now = deps.now()
  const run: RemindersRun = { sent: 0, failed: 0, more: false }
  const sales = await deps.db.query(
    'flashSales',
    { status: 'scheduled', startAt: { gt: now - FLASH_REMIND_GRACE_MS, lte: now + FLASH_REMIND_LEAD_MS } },
    { orderBy: [['startAt', 'asc']], limit: 100 },
  )
  const due = sales.filter((sale) => remindersDue(sale, now))
  if (due.length === 0) return run
  const templateId = reminderTemplateId(deps)

  let batches = 0
  for (const sale of due) {
    for (;;) {
      if (batches >= maxBatches) return { ...run, more: true }
      batches += 1
      const waiting = await deps.db.query(
        'flashReminders',
        { saleId: sale._id, status: 'waiting' },
        { orderBy: [['_id', 'asc']], limit: BATCH },
      )
      await Promise.all(
        waiting.map(async (reminder) => {
          // Whoever flips waiting -> sent sends it; a concurrent run's write matches nothing.
          const won = await deps.db.update('flashReminders', { _id: reminder._id, status: 'waiting' }, { set: { status: 'sent', sentAt: now } })
          if (won !== 1) return
          try {
            await deps.subscribe.send(reminderMessage(sale, reminder.openid, templateId))
            run.sent += 1
          } catch (error) {
            run.failed += 1
            const message = error instanceof Error ? error.message : String(error)
            await deps.db.update('flashReminders', { _id: reminder._id }, { set: { status: 'failed', error: message.slice(0, 200) } })
          }
        }),
      )
      if (waiting.length < BATCH) break
    }
  }
  return run
}
