/**
 * Request ids make mutating calls idempotent: a retry of the same tap reuses the id (so a call
 * that went through but whose answer was lost returns the first result), a new intent gets a new one.
 */
export function newRequestId(nowMs: number = Date.now()): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0')
  // Time first (8 base36 characters until 2059): the server leads the order id with it, so the
  // orders placed together sit together in the database's id index (core/order/ids.ts).
  return `${nowMs.toString(36)}${random}`
}

/** Failures after which the same request may have landed on the server: retry with the same id. */
export function isRetryable(code: string): boolean {
  return code === 'NETWORK' || code === 'INTERNAL'
}

/**
 * Hands out one request id per intent (e.g. `productId:qty`): the same intent gets the same id
 * until `settle()` (after a success or a definite refusal); a changed intent gets a new one.
 */
export function createRequestIds(make: () => string = newRequestId) {
  let intent = ''
  let id = ''
  return {
    idFor(nextIntent: string): string {
      if (!id || nextIntent !== intent) {
        intent = nextIntent
        id = make()
      }
      return id
    },
    settle(): void {
      intent = ''
      id = ''
    },
  }
}
