/**
 * Ties a function's action table to the wire contract: `satisfies ApiActions<'order'>` fails to
 * compile when an action's input schema or answer drifts from `Api` in core/contract.ts.
 */
import type { z } from 'zod'
import type { ActionName, FunctionName, InputOf, OutputOf } from '../core/contract'
import type { Action } from '../platform/function'

export type ApiActions<F extends FunctionName> = {
  [A in ActionName<F>]: Action<z.ZodType<InputOf<F, A>, z.ZodTypeDef, unknown>, OutputOf<F, A>>
}
