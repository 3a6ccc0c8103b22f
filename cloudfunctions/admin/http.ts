/**
 * In production the console (cloud static hosting) reaches the admin function through the
 * cloud's HTTP access service, which hands the function an HTTP request as its event
 * (`{httpMethod, headers, body, isBase64Encoded, ...}`) and turns a `{statusCode, headers, body}`
 * answer back into the HTTP response. This unwraps such events into ordinary `{action, ...}`
 * events and wraps the answer; events from `callFunction` pass through untouched.
 */
interface HttpEvent {
  httpMethod: string
  body?: string | null
  isBase64Encoded?: boolean
}

interface HttpAnswer {
  statusCode: number
  headers: Record<string, string>
  body: string
}

const HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  // The token travels in the body, never in cookies, so any origin may call.
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
}

export function isHttpEvent(event: unknown): event is HttpEvent {
  return typeof event === 'object' && event !== null && typeof (event as HttpEvent).httpMethod === 'string'
}

function answer(statusCode: number, payload: unknown): HttpAnswer {
  return { statusCode, headers: HEADERS, body: payload === undefined ? '' : JSON.stringify(payload) }
}

/** Parses the request body into the event the function expects; undefined when it is not JSON. */
export function eventFromHttp(event: HttpEvent): unknown {
  const raw = event.body ?? ''
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function viaHttpAccess<C>(main: (event: unknown, context: C) => Promise<unknown>) {
  return async (event: unknown, context: C): Promise<unknown> => {
    if (!isHttpEvent(event)) return main(event, context)
    const method = event.httpMethod.toUpperCase()
    if (method === 'OPTIONS') return answer(204, undefined)
    if (method !== 'POST') return answer(405, { ok: false, code: 'INVALID_INPUT', message: '仅支持 POST' })
    // A body that is not JSON reaches the function as a non-object and is refused as INVALID_INPUT.
    return answer(200, await main(eventFromHttp(event) ?? null, context))
  }
}
