/**
 * The one union of error codes every cloud function may answer, and the one table of
 * Chinese messages the UI shows for them. A new code without a message does not compile.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_MEMBER',
  'NOT_STARTED',
  'ENDED',
  'SOLD_OUT',
  'LIMIT_REACHED',
  'RATE_LIMITED',
  'RISK_REJECTED',
  'WRONG_ANSWER',
  'ALREADY_DONE',
  'INSUFFICIENT_POINTS',
  'CONFLICT',
  'INVALID_STATE',
  'PAYMENT_FAILED',
  'NETWORK',
  'GROUP_NOT_REGISTERED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export const errorMessages = {
  INVALID_INPUT: '输入有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已下架',
  NOT_MEMBER: '仅限群友参与，请从群聊中打开小程序',
  NOT_STARTED: '活动尚未开始',
  ENDED: '活动已结束',
  SOLD_OUT: '已售罄',
  LIMIT_REACHED: '已达到限购数量',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  RISK_REJECTED: '账号存在风险，暂时无法参与',
  WRONG_ANSWER: '口令不正确',
  ALREADY_DONE: '今天已经完成啦',
  INSUFFICIENT_POINTS: '积分不足',
  CONFLICT: '数据已变化，请刷新后重试',
  INVALID_STATE: '当前状态无法进行此操作',
  PAYMENT_FAILED: '支付未完成',
  NETWORK: '网络不给力，请稍后重试',
  GROUP_NOT_REGISTERED: '这个群还没有开通群友权益，请联系群主或运营',
  INTERNAL: '系统繁忙，请稍后重试',
} as const satisfies Record<ErrorCode, string>

export interface Failure {
  ok: false
  code: ErrorCode
  message: string
}

export interface Success<T> {
  ok: true
  data: T
}

/** What every cloud function action answers. Expected outcomes are returned, never thrown. */
export type Result<T> = Success<T> | Failure

export function ok<T>(data: T): Success<T> {
  return { ok: true, data }
}

/** A typed failure; the message defaults to the code's Chinese message. */
export function fail(code: ErrorCode, message: string = errorMessages[code]): Failure {
  return { ok: false, code, message }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
