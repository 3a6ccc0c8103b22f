/**
 * THE one place that calls the cloud, typed by the contract: `Taro.cloud.callFunction` in weapp
 * (identity from the WeChat context), HTTP to the local cloud in h5 (identity from the dev
 * header). Every outcome is a `Result`; a transport failure becomes `NETWORK`.
 */
import Taro from '@tarojs/taro'
import type { ActionName, FunctionName, InputOf, OutputOf } from '@core/contract'
import { fail, isErrorCode, type Result } from '@core/errors'
import { devIdentity } from './identity'
import { postJson } from './http'

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { ok?: unknown; code?: unknown }
  return v.ok === true || (v.ok === false && isErrorCode(v.code))
}

async function send(fn: string, event: Record<string, unknown>): Promise<unknown> {
  if (process.env.TARO_ENV === 'h5') {
    return postJson(`/cloud/${fn}`, event, await devIdentity())
  }
  const res = await Taro.cloud.callFunction({ name: fn, data: event })
  return res.result
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<Result<OutputOf<F, A>>> {
  let answer: unknown
  try {
    answer = await send(fn, { action, ...(input as object) })
  } catch (error) {
    console.warn(`[cloud] ${fn}.${action} transport failed`, error)
    return fail('NETWORK')
  }
  if (!isResult(answer)) {
    console.warn(`[cloud] ${fn}.${action} answered something that is not a Result`, answer)
    return fail('INTERNAL')
  }
  return answer as Result<OutputOf<F, A>>
}
