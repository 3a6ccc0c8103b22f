/**
 * The `payNotify` function: WeChat Pay's callback. Accepted only from the payment source, the
 * payment is re-checked with queryOrder and its amount compared before the order is settled.
 * Notifies repeat (WeChat retries until answered `errcode: 0`), so settling is idempotent.
 */
import { fail, ok, type Result } from '../core/errors'
import { defineFunction } from '../platform/function'
import { notify } from './notify'

/** WeChat wants `errcode: 0` once the notify is handled; anything else makes it retry. */
function answerWeChat(result: Result<unknown>): { errcode: number; errmsg: string } {
  return result.ok ? { errcode: 0, errmsg: 'OK' } : { errcode: 1, errmsg: result.code }
}

export default defineFunction('payNotify', { notify }, { defaultAction: 'notify', respond: answerWeChat })

// Re-exported for tests that check the answer shapes.
export { answerWeChat, fail, ok }
