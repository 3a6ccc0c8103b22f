/**
 * The server's clock on the client. Only the server decides whether something has started; the
 * client only counts down, correcting the phone's clock by the offset measured on answers that
 * carry `serverNow` (home, flash list/detail) or, when nothing has measured it yet, `flash.ping`.
 */
import type { Result } from '@core/errors'
import { serverNow, useSession } from '@/stores/session'
import { newRequestId } from '@/utils/requestId'
import { call } from './cloud'

/** Runs a call whose answer carries `serverNow` and keeps the clock offset it shows. */
export async function withServerClock<T extends { serverNow: number }>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  const sentAt = Date.now()
  const result = await run()
  if (result.ok) useSession.getState().syncClock(result.data.serverNow, Date.now(), sentAt)
  return result
}

/** Measures the offset once (pages opened straight from a share card have not seen home). */
export async function ensureServerClock(): Promise<void> {
  if (useSession.getState().clockSynced) return
  await withServerClock(() => call('flash', 'ping', {}))
}

/**
 * A request id led by the server's time rather than the phone's, so that the orders placed
 * together sit together in the order id index (core/order/ids.ts) whatever the phone's clock says.
 */
export function newServerTimedRequestId(): string {
  return newRequestId(serverNow())
}
