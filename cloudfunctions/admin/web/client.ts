/**
 * The one place the console calls the admin function: `POST <api>` with `{action, token, ...}`.
 * Failures become `AdminError`; UNAUTHENTICATED on a signed-in call signs the operator out.
 */
import { errorMessages, isErrorCode, type ErrorCode, type Result } from '../../core/errors'
import type { AdminAction, AdminInput, AdminOutput, ConfigDocs, ConfigInputs, ConfigKind, ListFilters, ListItems, ListKind, ListOutput } from '../api'
import { currentToken, signOut } from './session'

export class AdminError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For INVALID_INPUT on config: every bad field (server path -> message). */
    readonly fields: Record<string, string> = {},
  ) {
    super(message)
  }
}

function isFieldMap(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string')
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
  const fields = (result as { fields?: unknown }).fields
  throw new AdminError(code, result.message || errorMessages[code], isFieldMap(fields) ? fields : {})
}

/** A page of one list kind, typed by that kind. */
export function listOf<K extends ListKind>(
  kind: K,
  filters: ListFilters[K] & { skip?: number; limit?: number },
): Promise<ListOutput<ListItems[K]>> {
  return callAdmin('list', { kind, ...filters } as WithoutToken<AdminInput<'list'>>) as Promise<ListOutput<ListItems[K]>>
}

/** Creates or replaces one config document; `baseUpdatedAt` refuses the save if someone changed it since. */
export function upsertConfig<K extends ConfigKind>(kind: K, doc: ConfigInputs[K], baseUpdatedAt?: number): Promise<ConfigDocs[K]> {
  const input = { kind, doc, ...(baseUpdatedAt === undefined ? {} : { baseUpdatedAt }) }
  return callAdmin('upsert', input as WithoutToken<AdminInput<'upsert'>>) as Promise<ConfigDocs[K]>
}

export function removeConfig(kind: ConfigKind, id: string): Promise<{ id: string }> {
  return callAdmin('remove', { kind, id })
}

/** Every document of one kind, up to `max` (the console's selects and calendar). */
export async function allOf<K extends ListKind>(kind: K, filters: ListFilters[K], max = 500): Promise<Array<ListItems[K]>> {
  const items: Array<ListItems[K]> = []
  while (items.length < max) {
    const page = await listOf(kind, { ...filters, skip: items.length, limit: 100 })
    items.push(...page.items)
    if (page.items.length < 100) break
  }
  return items
}

/** The message to show for a failed call. */
export function messageOf(error: unknown, fallback = '操作失败，请稍后重试'): string {
  return error instanceof AdminError ? error.message : fallback
}
