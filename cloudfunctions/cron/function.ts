/**
 * The `cron` function, run every minute by its timer trigger (config.json): expires unpaid
 * orders whose time is up and returns their stock, sends flash-sale start reminders, archives
 * price days that have ended, and removes the counters of closed sign-in windows.
 */
import { z } from 'zod'
import { removeClosedLoginWindows } from '../admin/loginLimit'
import { fail, ok } from '../core/errors'
import { action, defineFunction } from '../platform/function'
import { sendDueReminders } from '../services/flashReminders'
import { expireDueOrders } from '../services/orders/close'
import { archiveEndedPriceDays } from './archivePriceDays'

/**
 * What a WeChat timer trigger sends: `{Type: 'Timer', TriggerName, Time, Message}`. Not
 * `.strict()`, unlike member-facing inputs: the cloud's timers (Tencent SCF) add `Message` and may
 * add more, and refusing the event would stop expiry and reminders altogether. Nothing here is
 * read; a member calling this function is refused by identity below.
 */
export const timerEvent = z.object({
  Type: z.string().max(32).optional(),
  TriggerName: z.string().max(64).optional(),
  Time: z.string().max(64).optional(),
})

/** Batches of 100 per run, so one run stays well inside the function's time limit. */
const MAX_BATCHES_PER_TICK = 5
/** Price days archived per run at most (each is one small transaction); the rest go next minute. */
const MAX_ARCHIVED_PER_TICK = 50

export const tick = action(timerEvent, async (_event, deps) => {
  // Timers carry no user; a member calling this function directly is refused.
  if (deps.ctx.openid) return fail('FORBIDDEN')
  const result = await expireDueOrders(deps, MAX_BATCHES_PER_TICK)
  if (result.expired > 0) deps.log.info('expired unpaid orders', result)
  const reminders = await sendDueReminders(deps, MAX_BATCHES_PER_TICK)
  if (reminders.sent + reminders.failed > 0) deps.log.info('sent flash sale reminders', { ...reminders })
  const archivedPriceDays = await archiveEndedPriceDays(deps, MAX_ARCHIVED_PER_TICK)
  if (archivedPriceDays > 0) deps.log.info('archived ended price days', { archivedPriceDays })
  await removeClosedLoginWindows(deps.db, deps.now())
  // Each part present only when the run did it, so the answer of a quiet minute stays small.
  return ok({
    ...result,
    ...(reminders.sent + reminders.failed > 0 ? { reminders } : {}),
    ...(archivedPriceDays > 0 ? { archivedPriceDays } : {}),
  })
})

export default defineFunction('cron', { tick }, { defaultAction: 'tick' })
