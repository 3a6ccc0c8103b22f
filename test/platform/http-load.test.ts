/**
 * The benchmarks' load generator (scripts/httpLoad.ts) against a real HTTP server: every request
 * it sends arrives whole, and every answer comes back with its status and body, over a few
 * keep-alive connections, until its time is up.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseAnswer, rawRequest, runLoad } from '../../scripts/httpLoad'

let server: http.Server
let base: URL
const received: Array<{ url?: string; openid?: string | string[]; body: string }> = []
const sockets = new Set<unknown>()

beforeAll(async () => {
  server = http.createServer((req, res) => {
    sockets.add(req.socket)
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      received.push({ url: req.url, openid: req.headers['x-wx-openid'], body })
      if ((JSON.parse(body) as { hangUp?: boolean }).hangUp) return req.socket.destroy()
      const refused = (JSON.parse(body) as { n: number }).n === 3
      const answer = JSON.stringify({ ok: !refused, echo: body, note: '群友' })
      res.writeHead(refused ? 400 : 200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) })
      res.end(answer)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

describe('the benchmark load generator', () => {
  it('sends each prepared request whole and hands over every answer, over the connections asked for', async () => {
    received.length = 0
    sockets.clear()
    let n = 0
    const answers: Array<{ status: number; body: string; latencyMs: number }> = []
    await runLoad({
      url: base,
      connections: 3,
      seconds: 0.3,
      next: () => {
        n += 1
        return rawRequest('POST', new URL('/cloud/flash', base), { 'content-type': 'application/json', 'x-wx-openid': `m-${n}` }, JSON.stringify({ n, text: '抢购' }))
      },
      onAnswer: (status, body, latencyMs) => answers.push({ status, body, latencyMs }),
    })

    expect(n).toBeGreaterThan(10)
    expect(answers).toHaveLength(n)
    expect(received).toHaveLength(n)
    expect(sockets.size).toBe(3)
    for (const request of received) {
      expect(request.url).toBe('/cloud/flash')
      expect(JSON.parse(request.body)).toEqual({ n: expect.any(Number), text: '抢购' })
      expect(request.openid).toBe(`m-${JSON.parse(request.body).n}`)
    }
    const third = answers.find((a) => JSON.parse(JSON.parse(a.body).echo).n === 3)
    expect(third).toMatchObject({ status: 400 })
    expect(answers.filter((a) => a.status === 200)).toHaveLength(n - 1)
    expect(answers.every((a) => JSON.parse(a.body).note === '群友' && a.latencyMs >= 0)).toBe(true)
  })

  it('fails the run when the server drops a connection, instead of carrying on with fewer', async () => {
    let n = 0
    const run = runLoad({
      url: base,
      connections: 2,
      seconds: 5,
      next: () => {
        n += 1
        return rawRequest('POST', new URL('/cloud/flash', base), {}, JSON.stringify({ n, hangUp: n === 20 }))
      },
      onAnswer: () => undefined,
    })
    await expect(run).rejects.toThrow(/closed a connection|ECONNRESET/)
  })

  it('waits for an answer that arrives in pieces, and reads one that is whole', () => {
    const body = '{"ok":"群"}'
    const whole = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
    expect(parseAnswer(whole.subarray(0, 20))).toBeNull()
    expect(parseAnswer(whole.subarray(0, whole.length - 1))).toBeNull()
    expect(parseAnswer(whole)).toEqual({ status: 200, body, bytes: whole.length })
  })

  it('refuses an answer whose length it cannot tell', () => {
    expect(() => parseAnswer(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'))).toThrow('content-length')
  })
})
