/**
 * Runs `core/time` calls given as JSON on argv and prints the results as JSON. The time test runs
 * it under several `TZ` values, because a zone cannot be changed inside a running jest worker.
 */
import * as time from '../../../cloudfunctions/core/time'

type Call = [name: 'cnDay' | 'startOfCnDay' | 'endOfCnDay' | 'weekday' | 'parseCnDay', arg: number | string]

const calls = JSON.parse(process.argv[2] ?? '[]') as Call[]
const results = calls.map(([name, arg]) => (time[name] as (a: number | string) => unknown)(arg))
process.stdout.write(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, results }))
