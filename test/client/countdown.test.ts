import { formatTimeData, parseTimeData, remainingMs } from '@/components/countdown/utils'

describe('parseTimeData', () => {
  it('splits milliseconds into days, hours, minutes, seconds and milliseconds', () => {
    const ms = ((1 * 24 + 2) * 3600 + 3 * 60 + 4) * 1000 + 5
    expect(parseTimeData(ms)).toEqual({ days: 1, hours: 2, minutes: 3, seconds: 4, milliseconds: 5 })
  })

  it('treats a time already past as zero', () => {
    expect(parseTimeData(-1500)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 })
  })

  it('shows fifteen minutes as 15:00 and a day and a bit with the day count', () => {
    expect(formatTimeData(parseTimeData(15 * 60 * 1000))).toBe('15:00')
    expect(formatTimeData(parseTimeData(3600 * 1000 + 61 * 1000))).toBe('01:01:01')
    expect(formatTimeData(parseTimeData(26 * 3600 * 1000))).toBe('1天 02:00:00')
  })
})

describe('remainingMs', () => {
  it('counts against the server clock, not the phone clock', () => {
    // The phone is 5 minutes slow: the server is at 10:05 when the phone says 10:00.
    const phoneNow = Date.UTC(2026, 10, 18, 2, 0, 0)
    const offset = 5 * 60 * 1000
    const expireAt = phoneNow + offset + 10 * 60 * 1000
    expect(remainingMs(expireAt, offset, phoneNow)).toBe(10 * 60 * 1000)
  })

  it('never goes below zero', () => {
    expect(remainingMs(1000, 0, 5000)).toBe(0)
  })
})
