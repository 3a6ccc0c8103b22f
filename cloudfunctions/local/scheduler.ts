/**
 * Runs the `cron` function on the timer triggers in its config.json, as the cloud does: context
 * source `wx_trigger` and no openid; 7-field cron expressions (second minute hour day month week
 * year) read in China time (UTC+8).
 */
import { Cron } from 'croner'
import type { CloudFunction } from '../platform/function'
import type { LocalCloud } from './cloud'
import { userContext } from './cloud'

export interface TimerTrigger {
  name: string
  type: string
  config: string
}

const CHINA_UTC_OFFSET_MIN = 480

/** Parses a WeChat timer expression; throws on an invalid one. */
export function parseTrigger(expression: string): Cron {
  return new Cron(expression, { mode: '7-part', utcOffset: CHINA_UTC_OFFSET_MIN, paused: true })
}

/** The event a WeChat timer trigger delivers. */
export function timerEvent(name: string, at: Date): { Type: string; TriggerName: string; Time: string } {
  return { Type: 'Timer', TriggerName: name, Time: at.toISOString() }
}

export interface Scheduler {
  stop(): void
}

export function startScheduler(cloud: LocalCloud, fn: CloudFunction, triggers: TimerTrigger[]): Scheduler {
  const jobs = triggers
    .filter((t) => t.type === 'timer')
    .map(
      (trigger) =>
        new Cron(
          trigger.config,
          // protect: a run still going when the next is due is skipped, as one instance would.
          {
            mode: '7-part',
            utcOffset: CHINA_UTC_OFFSET_MIN,
            protect: true,
            unref: true,
            catch: (error) => console.error(`[cron] ${trigger.name} failed:`, error),
          },
          async () => {
            const answer = await cloud.invoke(fn, timerEvent(trigger.name, new Date()), userContext('', 'wx_trigger'))
            const result = answer as { ok?: boolean; code?: string }
            if (result.ok === false) console.error(`[cron] ${trigger.name}: ${result.code}`)
          },
        ),
    )
  return { stop: () => jobs.forEach((job) => job.stop()) }
}
