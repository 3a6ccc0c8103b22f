/**
 * Runs the `cron` function on the timer triggers in its config.json, as the cloud does: context
 * source `wx_trigger` and no openid; 7-field cron expressions (second minute hour day month week
 * year) read in China time (UTC+8).
 */
import { Cron } from 'croner'
import { userContext } from './cloud'
import type { FunctionInstance } from './instanceHost'

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

/** Runs the `cron` function in `functions` on each timer trigger. */
export function startScheduler(functions: Pick<FunctionInstance, 'invoke'>, triggers: TimerTrigger[]): Scheduler {
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
            const event = JSON.stringify(timerEvent(trigger.name, new Date()))
            const answer = await functions.invoke('cron', event, userContext('', 'wx_trigger'))
            const result = JSON.parse(answer.body) as { ok?: boolean; code?: string }
            if (result.ok === false) console.error(`[cron] ${trigger.name}: ${result.code}`)
          },
        ),
    )
  return { stop: () => jobs.forEach((job) => job.stop()) }
}
