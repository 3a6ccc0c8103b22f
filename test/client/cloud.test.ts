import Taro from '@tarojs/taro'
import { call } from '@/services/cloud'
import { useSession } from '@/stores/session'
import { taroMock } from './mocks/taro'

const fetchMock = jest.fn()

function answer(status: number, body: string) {
  return { ok: status >= 200 && status < 300, status, text: async () => body }
}

beforeEach(() => {
  taroMock.reset()
  fetchMock.mockReset()
  global.fetch = fetchMock as unknown as typeof fetch
  useSession.setState(useSession.getInitialState())
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})

afterEach(() => {
  jest.restoreAllMocks()
})

describe('cloud.call in h5 (the local cloud)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  it('posts the action and input to /cloud/<fn> with the dev identity header', async () => {
    useSession.setState({ devOpenid: 'o_demo_alice' })
    fetchMock.mockResolvedValue(answer(200, JSON.stringify({ ok: true, data: { items: [] } })))

    const result = await call('order', 'list', { status: 'paid' })

    expect(result).toEqual({ ok: true, data: { items: [] } })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/cloud/order')
    expect(init.method).toBe('POST')
    expect(init.headers['X-Wx-Openid']).toBe('o_demo_alice')
    expect(JSON.parse(init.body)).toEqual({ action: 'list', status: 'paid' })
  })

  it('returns the function’s failure as it is', async () => {
    useSession.setState({ devOpenid: 'o_demo_alice' })
    const failure = { ok: false, code: 'SOLD_OUT', message: '已售罄' }
    fetchMock.mockResolvedValue(answer(200, JSON.stringify(failure)))

    await expect(call('order', 'create', { requestId: 'abcdefgh12', productId: 'p1', qty: 1 })).resolves.toEqual(failure)
  })

  it('maps a transport failure to NETWORK', async () => {
    useSession.setState({ devOpenid: 'o_demo_alice' })
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))

    const result = await call('shop', 'home', {})

    expect(result).toMatchObject({ ok: false, code: 'NETWORK' })
    expect(result.ok === false && result.message).toBeTruthy()
  })

  it('maps a gateway error page (not JSON) to NETWORK', async () => {
    useSession.setState({ devOpenid: 'o_demo_alice' })
    fetchMock.mockResolvedValue(answer(502, '<html>Bad Gateway</html>'))

    await expect(call('shop', 'home', {})).resolves.toMatchObject({ ok: false, code: 'NETWORK' })
  })

  it('acts as the first demo member on a first visit and remembers the choice', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url === '/dev/users'
        ? answer(200, JSON.stringify([{ openid: 'o_demo_first', nickname: '小满' }, { openid: 'o_demo_second', nickname: '阿青' }]))
        : answer(200, JSON.stringify({ ok: true, data: {} })),
    )

    await call('member', 'profile', {})

    const cloudCall = fetchMock.mock.calls.find(([url]) => url === '/cloud/member')!
    expect(cloudCall[1].headers['X-Wx-Openid']).toBe('o_demo_first')
    expect(useSession.getState().devOpenid).toBe('o_demo_first')
    expect(Taro.setStorageSync).toHaveBeenCalledWith('qunyou.devOpenid', 'o_demo_first')
  })
})

describe('cloud.call in weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })

  it('calls the cloud function by name with the action in the event and no identity', async () => {
    jest.mocked(Taro.cloud.callFunction).mockResolvedValue({ result: { ok: true, data: { _id: 'p1' } } } as never)

    const result = await call('shop', 'product', { productId: 'p1' })

    expect(result).toEqual({ ok: true, data: { _id: 'p1' } })
    expect(Taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'shop', data: { action: 'product', productId: 'p1' } })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('maps a failed callFunction to NETWORK', async () => {
    jest.mocked(Taro.cloud.callFunction).mockRejectedValue({ errCode: -404011, errMsg: 'cloud.callFunction:fail' })

    await expect(call('shop', 'home', {})).resolves.toMatchObject({ ok: false, code: 'NETWORK' })
  })
})
