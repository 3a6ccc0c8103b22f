import { viaHttpAccess } from '../../cloudfunctions/admin/http'

// Stands in for wechatMain(fn): records the event it was given and answers a result.
function recordingMain() {
  const events: unknown[] = []
  const main = async (event: unknown, _context: object) => {
    events.push(event)
    return { ok: true, data: { seen: event } }
  }
  return { events, main: viaHttpAccess(main) }
}

const request = (overrides: object) => ({ path: '/admin', httpMethod: 'POST', headers: {}, isBase64Encoded: false, ...overrides })

describe('admin over the HTTP access service', () => {
  it('passes callFunction events through untouched', async () => {
    const { events, main } = recordingMain()
    expect(await main({ action: 'me', token: 't' }, {})).toEqual({ ok: true, data: { seen: { action: 'me', token: 't' } } })
    expect(events).toEqual([{ action: 'me', token: 't' }])
  })

  it('turns a POST with a JSON body into the event and answers JSON with CORS headers', async () => {
    const { events, main } = recordingMain()
    const answer = (await main(request({ body: JSON.stringify({ action: 'login', username: 'admin' }) }), {})) as {
      statusCode: number
      headers: Record<string, string>
      body: string
    }
    expect(events).toEqual([{ action: 'login', username: 'admin' }])
    expect(answer.statusCode).toBe(200)
    expect(answer.headers['content-type']).toMatch(/^application\/json/)
    expect(answer.headers['access-control-allow-origin']).toBe('*')
    expect(JSON.parse(answer.body)).toEqual({ ok: true, data: { seen: { action: 'login', username: 'admin' } } })
  })

  it('decodes a base64 body', async () => {
    const { events, main } = recordingMain()
    const body = Buffer.from(JSON.stringify({ action: 'me', token: '群' })).toString('base64')
    await main(request({ body, isBase64Encoded: true }), {})
    expect(events).toEqual([{ action: 'me', token: '群' }])
  })

  it('answers the CORS pre-flight without running the function', async () => {
    const { events, main } = recordingMain()
    expect(await main(request({ httpMethod: 'OPTIONS' }), {})).toMatchObject({ statusCode: 204, body: '' })
    expect(events).toEqual([])
  })

  it('refuses methods other than POST without running the function', async () => {
    const { events, main } = recordingMain()
    expect(await main(request({ httpMethod: 'GET' }), {})).toMatchObject({ statusCode: 405 })
    expect(events).toEqual([])
  })

  it('hands a body that is not JSON to the function as null, which refuses it as bad input', async () => {
    const { events, main } = recordingMain()
    await main(request({ body: '{not json' }), {})
    expect(events).toEqual([null])
  })
})
