/**
 * Who may call what. Every admin action except `login` is declared with `adminAction`, which
 * checks the token before looking at the rest of the input (so callers without a valid token
 * learn nothing about the API), then the role's permission, then validates the input.
 */
import { z } from 'zod'
import { fail, type Result } from '../core/errors'
import { action } from '../platform/function'
import type { Deps } from '../platform/ports'
import type { OperatorView, Role } from './api'
import { verifyToken } from './token'

/** Read: lists and numbers. Write: config changes (issue 3). Team: operator accounts. */
export type Permission = 'read' | 'write' | 'team'

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: ['read', 'write', 'team'],
  operator: ['read', 'write'],
  viewer: ['read'],
}

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[role].includes(permission)
}

/**
 * The operator behind a token, or null. The role is read from the operator's document, not the
 * token, so a removed or demoted operator loses access at once rather than when the token expires.
 */
export async function authenticate(deps: Deps, token: unknown): Promise<OperatorView | null> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 2048) return null
  const claims = await verifyToken(deps.db, token, deps.now())
  if (!claims) return null
  const operator = await deps.db.get('operators', claims.username)
  return operator ? { username: operator._id, role: operator.role } : null
}

/** Names the first offending field, in the same words as the platform's input check. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return '输入有误'
  if (issue.code === 'unrecognized_keys') return `不支持的字段: ${issue.keys.join(', ')}`
  return `字段 ${issue.path.join('.') || 'input'} 无效: ${issue.message}`
}

// The platform validates this envelope; the action's own schema is checked after the token.
const envelope = z.object({ token: z.unknown().optional() }).passthrough()

/** An action that needs a valid token carrying `permission`; `input` excludes the token. */
export function adminAction<S extends z.ZodTypeAny, O>(
  permission: Permission,
  input: S,
  run: (input: z.infer<S>, operator: OperatorView, deps: Deps) => Promise<Result<O>>,
) {
  return action(envelope, async ({ token, ...rest }, deps): Promise<Result<O>> => {
    const operator = await authenticate(deps, token)
    if (!operator) return fail('UNAUTHENTICATED', '登录已失效，请重新登录')
    if (!can(operator.role, permission)) return fail('FORBIDDEN')
    const parsed = input.safeParse(rest)
    if (!parsed.success) return fail('INVALID_INPUT', describeIssue(parsed.error))
    return run(parsed.data, operator, deps)
  })
}
