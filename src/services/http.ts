/**
 * HTTP to the local cloud (h5 only: the h5 build always runs against it). The transport under
 * `cloud.ts` and the dev-only endpoints (`/dev/users`, `/pay/simulate`). Throws on transport
 * failure; callers turn that into a `NETWORK` result.
 */
export const OPENID_HEADER = 'X-Wx-Openid'

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

async function parse(res: Response): Promise<unknown> {
  const text = await res.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    throw new HttpError(res.status, `HTTP ${res.status}: not JSON`)
  }
  // A function's answer is always JSON; an error status without a body means the gateway failed.
  if (!res.ok && (typeof body !== 'object' || body === null)) throw new HttpError(res.status, `HTTP ${res.status}`)
  return body
}

export async function postJson(path: string, body: unknown, openid?: string): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (openid) headers[OPENID_HEADER] = openid
  const res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) })
  return parse(res)
}

export async function getJson(path: string): Promise<unknown> {
  return parse(await fetch(path, { method: 'GET' }))
}
