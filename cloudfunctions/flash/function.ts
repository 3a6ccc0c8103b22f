/**
 * The `flash` function: flash sales as members see them, and "remind me". Buying is
 * `order.create` with `saleId`. Browsing needs no login; the button then asks the caller to log in.
 */
import { z } from 'zod'
import { fail, ok } from '../core/errors'
import { docId, noInput } from '../core/schemas'
import { action, defineFunction } from '../platform/function'
import type { ApiActions } from '../services/api'
import { remindMe, reminderTemplateId } from '../services/flashReminders'
import { listSalesFor, saleDetailFor } from '../services/flashSales'

const saleInput = z.object({ saleId: docId }).strict()

const actions = {
  list: action(noInput, async (_input, deps) => {
    const items = await listSalesFor(deps, deps.ctx.openid)
    return ok({ serverNow: deps.now(), items, reminderTemplateId: reminderTemplateId(deps) })
  }),

  /** Read fresh (not from the instance cache): the page shows what is left and the button. */
  detail: action(saleInput, async ({ saleId }, deps) => {
    const sale = await saleDetailFor(deps, saleId, deps.ctx.openid)
    if (!sale) return fail('NOT_FOUND')
    return ok({ serverNow: deps.now(), sale, reminderTemplateId: reminderTemplateId(deps) })
  }),

  remind: action(saleInput, async ({ saleId }, deps) => {
    const openid = deps.ctx.openid
    if (!openid) return fail('UNAUTHENTICATED')
    return remindMe(deps, openid, saleId)
  }),

  /** No database access: the client's clock sync, and the benchmark's no-op ceiling. */
  ping: action(noInput, async (_input, deps) => ok({ serverNow: deps.now() })),
} satisfies ApiActions<'flash'>

export default defineFunction('flash', actions)
