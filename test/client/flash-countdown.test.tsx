import { act, render, screen } from '@testing-library/react'
import { Countdown } from '@/components/countdown'
import { saleCountdown, takenPercent } from '@/components/flash-card/utils'
import { clockOffset, serverNow, useSession } from '@/stores/session'
import { makeSale } from './builders'

const MINUTE = 60 * 1000
// The server's clock reads 10:00:00 China time.
const SERVER_NOW = Date.UTC(2026, 10, 18, 2, 0, 0)

beforeEach(() => {
  useSession.setState(useSession.getInitialState())
})

afterEach(() => {
  jest.useRealTimers()
})

describe('the clock offset', () => {
  it('is measured against the middle of the round trip', () => {
    // Sent at phone 09:50:00.000, answered 400 ms later with server 10:00:00.200.
    const sentAt = SERVER_NOW - 10 * MINUTE
    expect(clockOffset(SERVER_NOW + 200, sentAt + 400, sentAt)).toBe(10 * MINUTE)
  })

  it('turns phone time into server time for a phone whose clock is ten minutes fast', () => {
    jest.useFakeTimers({ now: SERVER_NOW + 10 * MINUTE })
    useSession.getState().syncClock(SERVER_NOW)
    expect(useSession.getState().clockOffsetMs).toBe(-10 * MINUTE)
    expect(serverNow()).toBe(SERVER_NOW)
  })
})

describe('a flash sale countdown', () => {
  it('counts to the start while upcoming and to the end while running or sold out', () => {
    const startAt = SERVER_NOW + 5 * MINUTE
    const endAt = SERVER_NOW + 65 * MINUTE
    expect(saleCountdown(makeSale({ state: 'upcoming', startAt, endAt }))).toEqual({ label: '距开始', targetAt: startAt })
    expect(saleCountdown(makeSale({ state: 'running', startAt, endAt }))).toEqual({ label: '距结束', targetAt: endAt })
    expect(saleCountdown(makeSale({ state: 'soldOut', startAt, endAt }))).toEqual({ label: '距结束', targetAt: endAt })
    expect(saleCountdown(makeSale({ state: 'ended' }))).toBeNull()
    expect(saleCountdown(makeSale({ state: 'stopped' }))).toBeNull()
  })

  it('shows the time to the start on the server clock although the phone is ten minutes fast', () => {
    const phoneNow = SERVER_NOW + 10 * MINUTE
    jest.useFakeTimers({ now: phoneNow })
    render(<Countdown targetAt={SERVER_NOW + 5 * MINUTE} clockOffsetMs={-10 * MINUTE} />)
    // By the phone alone the start would be five minutes past.
    expect(screen.getByText('05:00')).toBeTruthy()
    act(() => {
      jest.advanceTimersByTime(61 * 1000)
    })
    expect(screen.getByText('03:59')).toBeTruthy()
  })

  it('shows the time to the start on the server clock although the phone is an hour slow', () => {
    jest.useFakeTimers({ now: SERVER_NOW - 60 * MINUTE })
    render(<Countdown targetAt={SERVER_NOW + 90 * 1000} clockOffsetMs={60 * MINUTE} />)
    expect(screen.getByText('01:30')).toBeTruthy()
  })

  it('ends when the server clock reaches the start, not the phone clock', () => {
    jest.useFakeTimers({ now: SERVER_NOW - 10 * MINUTE })
    const onEnd = jest.fn()
    render(<Countdown targetAt={SERVER_NOW + 3000} clockOffsetMs={10 * MINUTE} onEnd={onEnd} />)
    act(() => {
      jest.advanceTimersByTime(2000)
    })
    expect(onEnd).not.toHaveBeenCalled()
    act(() => {
      jest.advanceTimersByTime(1000)
    })
    expect(onEnd).toHaveBeenCalledTimes(1)
    expect(screen.getByText('00:00')).toBeTruthy()
  })
})

describe('the quantity bar', () => {
  it('shows the share taken, rounded down, so a nearly gone sale does not read 100%', () => {
    expect(takenPercent({ quantity: 100, left: 40 })).toBe(60)
    expect(takenPercent({ quantity: 200, left: 1 })).toBe(99)
    expect(takenPercent({ quantity: 100, left: 0 })).toBe(100)
    expect(takenPercent({ quantity: 100, left: 100 })).toBe(0)
  })
})
