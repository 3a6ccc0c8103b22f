import { execFileSync } from 'child_process'
import path from 'path'
import { cnDay, endOfCnDay, parseCnDay, startOfCnDay, weekday } from '@core/time'

const fns = { cnDay, startOfCnDay, endOfCnDay, weekday, parseCnDay }
type FnName = keyof typeof fns

// Instants are written with an explicit offset. 2026-11-18 is a Wednesday.
const at = (iso: string) => Date.parse(iso)

const CASES: Array<[behaviour: string, fn: FnName, arg: number | string, expected: unknown]> = [
  ['the first millisecond of a China day is on that day', 'cnDay', at('2026-11-18T00:00:00.000+08:00'), '2026-11-18'],
  ['the last millisecond of a China day is on that day', 'cnDay', at('2026-11-18T23:59:59.999+08:00'), '2026-11-18'],
  ['China midnight starts the next day', 'cnDay', at('2026-11-19T00:00:00.000+08:00'), '2026-11-19'],
  ['China is on the next day while UTC is not', 'cnDay', at('2026-11-17T16:00:00.000Z'), '2026-11-18'],
  ['a millisecond earlier China is on the previous day', 'cnDay', at('2026-11-17T15:59:59.999Z'), '2026-11-17'],
  ['the year turns on China time', 'cnDay', at('2026-12-31T16:00:00.000Z'), '2027-01-01'],
  ['the day starts at 00:00 China time', 'startOfCnDay', at('2026-11-18T12:00:00+08:00'), at('2026-11-18T00:00:00.000+08:00')],
  ['the start of a day is its own start', 'startOfCnDay', at('2026-11-18T00:00:00.000+08:00'), at('2026-11-18T00:00:00.000+08:00')],
  ['the start just after midnight is that midnight', 'startOfCnDay', at('2027-01-01T00:30:00+08:00'), at('2027-01-01T00:00:00+08:00')],
  ['the day ends at 23:59:59.999 China time', 'endOfCnDay', at('2026-11-18T12:00:00+08:00'), at('2026-11-18T23:59:59.999+08:00')],
  ['the end of a day is its own end', 'endOfCnDay', at('2026-11-18T23:59:59.999+08:00'), at('2026-11-18T23:59:59.999+08:00')],
  ['the last day of February ends on that day', 'endOfCnDay', at('2026-02-28T08:00:00+08:00'), at('2026-02-28T23:59:59.999+08:00')],
  ['Wednesday starts at China midnight', 'weekday', at('2026-11-18T00:00:00+08:00'), 3],
  ['Wednesday ends at China midnight', 'weekday', at('2026-11-18T23:59:59.999+08:00'), 3],
  ['Tuesday is still Tuesday a millisecond before', 'weekday', at('2026-11-17T23:59:59.999+08:00'), 2],
  ['Sunday is 0', 'weekday', at('2026-11-22T12:00:00+08:00'), 0],
  ['a China day parses to its first millisecond', 'parseCnDay', '2026-11-18', at('2026-11-18T00:00:00+08:00')],
  ['an impossible date does not parse', 'parseCnDay', '2026-02-30', null],
  ['an unpadded date does not parse', 'parseCnDay', '2026-1-5', null],
  ['words do not parse', 'parseCnDay', 'tomorrow', null],
]

describe('China calendar', () => {
  it.each(CASES)('%s', (_behaviour, fn, arg, expected) => {
    expect((fns[fn] as (a: number | string) => unknown)(arg)).toEqual(expected)
  })
})

/** Machine zones that disagree with China about which day it is (and one that agrees). */
const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London', 'Asia/Shanghai']

describe('China calendar regardless of the machine time zone', () => {
  const probe = path.join(__dirname, 'support/cn-time-probe.ts')
  const calls = JSON.stringify(CASES.map(([, fn, arg]) => [fn, arg]))

  it.each(ZONES)('gives the same answers on a machine in %s', (zone) => {
    // A zone cannot change inside a jest worker, so each zone gets its own Node process.
    const out = execFileSync(process.execPath, ['-r', 'tsx/cjs', probe, calls], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    })
    const { zone: seen, results } = JSON.parse(out) as { zone: string; results: unknown[] }
    expect(seen).toBe(zone)
    expect(results).toEqual(CASES.map(([, , , expected]) => expected))
  })
})
