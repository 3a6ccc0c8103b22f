/**
 * How a cloud function is declared: a table of actions, each an input schema and a body.
 * `handle` is the one place that validates input, maps thrown errors to INTERNAL and logs them;
 * both adapters (wechat `main`, the local gateway) call it.
 */
import { z } from 'zod'
import { fail, type Result } from '../core/errors'
import type { Deps } from './ports'

export interface Action<S extends z.ZodTypeAny, O> {
  input: S
  run(input: z.infer<S>, deps: Deps): Promise<Result<O>>
}

/** Declares one action. Schemas should be `.strict()` so extra fields are refused. */
export function action<S extends z.ZodTypeAny, O>(
  input: S,
  run: (input: z.infer<S>, deps: Deps) => Promise<Result<O>>,
): Action<S, O> {
  return { input, run }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionTable = Record<string, Action<any, any>>

export interface FunctionOptions {
  /** The action run for events without an `action` field (payment callbacks, timer triggers). */
  defaultAction?: string
  /** Turns the result into what the caller expects (WeChat Pay wants `{errcode, errmsg}`). */
  respond?(result: Result<unknown>): unknown
}

export interface CloudFunction<T extends ActionTable = ActionTable> extends FunctionOptions {
  name: string
  actions: T
}

export function defineFunction<T extends ActionTable>(
  name: string,
  actions: T,
  options: FunctionOptions = {},
): CloudFunction<T> {
  return { name, actions, ...options }
}

/** What the caller of a function receives: the result, shaped by the function's `respond`. */
export function respond(fn: CloudFunction, result: Result<unknown>): unknown {
  return fn.respond ? fn.respond(result) : result
}

/** Names the first offending field of a failed parse, for the `INVALID_INPUT` message. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return '输入有误'
  if (issue.code === 'unrecognized_keys') return `不支持的字段: ${issue.keys.join(', ')}`
  const field = issue.path.join('.') || 'input'
  return `字段 ${field} 无效: ${issue.message}`
}

/** Runs one event through a function: validate, run, and turn any throw into INTERNAL. */
export async function handle(
  fn: CloudFunction,
  event: unknown,
  deps: Deps,
): Promise<Result<unknown>> {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return fail('INVALID_INPUT', '字段 action 无效')
  }
  const { action: given, ...input } = event as Record<string, unknown>
  const name = given === undefined ? fn.defaultAction : given
  const act = typeof name === 'string' && Object.hasOwn(fn.actions, name) ? fn.actions[name] : undefined
  if (!act) return fail('INVALID_INPUT', '字段 action 无效: 未知的操作')
  const parsed = act.input.safeParse(input)
  if (!parsed.success) return fail('INVALID_INPUT', describeIssue(parsed.error))
  try {
    return await act.run(parsed.data, deps)
  } catch (error) {
    const requestId = typeof input.requestId === 'string' ? input.requestId : undefined
    deps.log.error(`${fn.name}.${name} failed`, {
      requestId,
      openid: deps.ctx.openid,
      error: error instanceof Error ? error.stack ?? error.message : String(error),
    })
    return fail('INTERNAL')
  }
}
