import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import FlashDetail from '@/packages/flash/pages/detail'
import { call } from '@/services/cloud'
import { useSession } from '@/stores/session'
import { makeOrder, makeSale } from './builders'
import { taroMock } from './mocks/taro'

jest.mock('@/services/cloud', () => ({ call: jest.fn() }))

const SERVER_NOW = Date.UTC(2026, 10, 18, 2, 0, 0)
const TEMPLATE = 'tmpl-flash-start'

type Sale = ReturnType<typeof makeSale>

/** The cloud as the page sees it: flash.detail answers `sales` in turn (the last one repeats). */
function cloud(sales: Sale[], others: Record<string, unknown> = {}) {
  let i = 0
  jest.mocked(call).mockImplementation((async (fn: string, action: string) => {
    if (fn === 'flash' && action === 'detail') {
      const sale = sales[Math.min(i++, sales.length - 1)]
      return { ok: true, data: { serverNow: Date.now(), sale, reminderTemplateId: TEMPLATE } }
    }
    return others[`${fn}.${action}`] ?? { ok: false, code: 'INTERNAL', message: '' }
  }) as never)
}

/** Lets fake time pass in small steps, each in its own act so React renders between them. */
async function pass(ms: number, step = 100) {
  for (let t = 0; t < ms; t += step) {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(step)
    })
  }
}

const button = (text: string) => screen.getByText(text, { selector: 'button' })

beforeEach(() => {
  taroMock.reset()
  jest.mocked(call).mockReset()
  useSession.setState(useSession.getInitialState())
  taroMock.setRouterParams({ id: 'fs_1' })
  process.env.TARO_ENV = 'h5'
})

afterEach(() => {
  jest.useRealTimers()
})

describe('the flash sale page', () => {
  it('shows the flash price against the list price and what is left', async () => {
    cloud([makeSale({ flashPriceFen: 5900, listPriceFen: 11900, quantity: 100, left: 28 })])
    const { container } = render(<FlashDetail />)
    await screen.findByText('仅剩 28 件')
    expect(container.querySelector('.flash-detail__flash-price')?.textContent).toBe('¥59.00')
    expect(container.querySelector('.flash-detail__list-price')?.textContent).toBe('¥119.00')
    expect(screen.getByText('已抢 72%')).toBeTruthy()
  })

  it('turns 未开始 into 立即抢购 when the server says the countdown is over', async () => {
    jest.useFakeTimers({ now: SERVER_NOW - 3000 })
    const upcoming = makeSale({ state: 'upcoming', button: 'notStarted', startAt: SERVER_NOW })
    cloud([upcoming, makeSale({ state: 'running', button: 'buy', startAt: SERVER_NOW })])
    render(<FlashDetail />)
    await pass(100)
    expect(button('未开始').hasAttribute('disabled')).toBe(true)
    expect(button('提醒我')).toBeTruthy()

    await pass(4000)
    expect(call).toHaveBeenCalledTimes(2)
    expect(button('立即抢购').hasAttribute('disabled')).toBe(false)
    expect(screen.queryByText('提醒我')).toBeNull()
  })

  it('asks the server again, a moment later, when it still says not started at zero', async () => {
    jest.useFakeTimers({ now: SERVER_NOW })
    const upcoming = makeSale({ state: 'upcoming', button: 'notStarted', startAt: SERVER_NOW })
    cloud([upcoming, upcoming, makeSale({ state: 'running', button: 'buy', startAt: SERVER_NOW })])
    render(<FlashDetail />)
    await pass(2500)
    expect(call).toHaveBeenCalledTimes(3)
    expect(button('立即抢购')).toBeTruthy()
  })

  it('buys with the sale id and opens the order', async () => {
    cloud([makeSale()], { 'order.create': { ok: true, data: makeOrder({ _id: 'ord_flash' }) } })
    render(<FlashDetail />)
    fireEvent.click(await screen.findByText('立即抢购'))
    await screen.findByText('立即抢购')
    expect(call).toHaveBeenCalledWith('order', 'create', expect.objectContaining({ productId: 'p-thermos', qty: 1, saleId: 'fs_1' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/pages/detail?id=ord_flash' })
  })

  it('leads the request id with the server’s time when the phone’s clock is wrong', async () => {
    const twoHours = 2 * 3_600_000
    // The phone runs two hours slow: the server's answers say it is two hours later.
    jest.mocked(call).mockImplementation((async (fn: string, action: string) => {
      if (fn === 'flash' && action === 'detail') {
        return { ok: true, data: { serverNow: Date.now() + twoHours, sale: makeSale(), reminderTemplateId: TEMPLATE } }
      }
      return { ok: true, data: makeOrder({ _id: 'ord_flash' }) }
    }) as never)
    render(<FlashDetail />)
    fireEvent.click(await screen.findByText('立即抢购'))
    await screen.findByText('立即抢购')
    const create = jest.mocked(call).mock.calls.find(([fn, action]) => fn === 'order' && action === 'create')
    const requestId = (create?.[2] as { requestId: string }).requestId
    const ledBy = parseInt(requestId.slice(0, 8), 36)
    expect(Math.abs(ledBy - (Date.now() + twoHours))).toBeLessThan(60_000)
  })

  it('retries a lost answer under the same request id, and orders anew at the new price after the sale changed', async () => {
    const creates = [
      { ok: false, code: 'NETWORK', message: '网络不给力，请稍后重试' },
      { ok: false, code: 'CONFLICT', message: '活动信息刚刚更新，请重新下单' },
      { ok: true, data: makeOrder({ _id: 'ord_flash' }) },
    ]
    // The operator's new price is on the server from the refused order on.
    let changed = false
    jest.mocked(call).mockImplementation((async (fn: string, action: string) => {
      if (fn === 'flash' && action === 'detail') {
        const sale = changed ? makeSale({ flashPriceFen: 4900 }) : makeSale()
        return { ok: true, data: { serverNow: Date.now(), sale, reminderTemplateId: TEMPLATE } }
      }
      const answer = creates.shift()
      changed ||= answer?.code === 'CONFLICT'
      return answer
    }) as never)
    const { container } = render(<FlashDetail />)
    const price = () => container.querySelector('.flash-detail__flash-price')?.textContent
    fireEvent.click(await screen.findByText('立即抢购'))
    await screen.findByText('立即抢购')
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '网络不给力，请稍后重试' }))
    expect(price()).toBe('¥59.00')

    fireEvent.click(screen.getByText('立即抢购'))
    await act(async () => {})
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '活动信息刚刚更新，请重新下单' }))
    expect(price()).toBe('¥49.00')

    fireEvent.click(screen.getByText('立即抢购'))
    await act(async () => {})
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/pages/detail?id=ord_flash' })
    const ids = jest.mocked(call).mock.calls.filter(([fn]) => fn === 'order').map(([, , input]) => (input as { requestId: string }).requestId)
    expect(ids).toHaveLength(3)
    expect(ids[1]).toBe(ids[0])
    expect(ids[2]).not.toBe(ids[1])
  })

  it('shows 已抢光 after a buy is refused as sold out', async () => {
    cloud([makeSale(), makeSale({ left: 0, state: 'soldOut', button: 'soldOut' })], {
      'order.create': { ok: false, code: 'SOLD_OUT', message: '已售罄' },
    })
    render(<FlashDetail />)
    fireEvent.click(await screen.findByText('立即抢购'))
    await screen.findByText('已抢光', { selector: 'button' })
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已售罄' }))
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('shows a member who may not buy why', async () => {
    cloud([makeSale({ button: 'notEligible', reason: '仅限群友参与，请从群聊中打开小程序' })])
    render(<FlashDetail />)
    await screen.findByText('仅限群友参与，请从群聊中打开小程序')
    expect(button('不符合条件').hasAttribute('disabled')).toBe(true)
  })
})

describe('提醒我', () => {
  const upcoming = () => makeSale({ state: 'upcoming', button: 'notStarted', startAt: Date.now() + 3600 * 1000 })
  const reminded = { ok: true, data: { saleId: 'fs_1', remindAt: 0, isNew: true } }

  it('records the reminder on the local cloud (h5 has no subscribe sheet)', async () => {
    cloud([upcoming()], { 'flash.remind': reminded })
    render(<FlashDetail />)
    fireEvent.click(await screen.findByText('提醒我'))
    await screen.findByText('已设提醒')
    expect(call).toHaveBeenCalledWith('flash', 'remind', { saleId: 'fs_1' })
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()
  })

  it('asks WeChat for the subscribe message first, then records it', async () => {
    process.env.TARO_ENV = 'weapp'
    jest.mocked(Taro.requestSubscribeMessage).mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' })
    cloud([upcoming()], { 'flash.remind': reminded })
    render(<FlashDetail />)
    fireEvent.click(await screen.findByText('提醒我'))
    await screen.findByText('已设提醒')
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [TEMPLATE] })
  })

  it('records nothing when the person does not allow the message', async () => {
    process.env.TARO_ENV = 'weapp'
    jest.mocked(Taro.requestSubscribeMessage).mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'reject' })
    cloud([upcoming()], { 'flash.remind': reminded })
    render(<FlashDetail />)
    fireEvent.click(await screen.findByText('提醒我'))
    await act(async () => undefined)
    expect(call).not.toHaveBeenCalledWith('flash', 'remind', expect.anything())
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '你没有允许提醒，开抢前不会通知你' }))
    expect(screen.getByText('提醒我')).toBeTruthy()
  })
})
