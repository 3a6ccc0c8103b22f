/**
 * The one place the console calls the admin function: `POST <api>` with `{action, token, ...}`.
 * Failures become `AdminError`; UNAUTHENTICATED on a signed-in call signs the operator out.
 */
import { errorMessages, isErrorCode, type ErrorCode, type Result } from '../../core/errors'
import type { AdminAction, AdminInput, AdminOutput, ListFilters, ListItems, ListKind, ListOutput } from '../api'
import { currentToken, signOut } from './session'

export class AdminError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

// Distributes over unions so each list kind keeps its own filters.
type WithoutToken<T> = T extends unknown ? Omit<T, 'token'> : never

async function post(event: object): Promise<Result<unknown>> {
  let response: Response
  try {
    response = await fetch(__ADMIN_API__, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    })
  } catch {
    throw new AdminError('NETWORK', errorMessages.NETWORK)
  }
  const body = (await response.json().catch(() => null)) as Result<unknown> | null
  if (!body || typeof body.ok !== 'boolean') throw new AdminError('NETWORK', errorMessages.NETWORK)
  return body
}

export async function callAdmin<A extends AdminAction>(action: A, input: WithoutToken<AdminInput<A>>): Promise<AdminOutput<A>> {
  const token = action === 'login' ? undefined : currentToken()
  const result = await post({ action, ...input, ...(token ? { token } : {}) })
  if (result.ok) return result.data as AdminOutput<A>
  const code = isErrorCode(result.code) ? result.code : 'INTERNAL'
  if (code === 'UNAUTHENTICATED' && action !== 'login') signOut('登录已失效，请重新登录')
  throw new AdminError(code, result.message || errorMessages[code])
}

/** A page of one list kind, typed by that kind. */
export function listOf<K extends ListKind>(
  kind: K,
  filters: ListFilters[K] & { skip?: number; limit?: number },
): Promise<ListOutput<ListItems[K]>> {
  return callAdmin('list', { kind, ...filters } as WithoutToken<AdminInput<'list'>>) as Promise<ListOutput<ListItems[K]>>
}
