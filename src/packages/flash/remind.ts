/**
 * 提醒我: in WeChat the member first allows one subscribe message (`requestSubscribeMessage`,
 * which must run from the tap), then `flash.remind` records it and `cron` sends it a few minutes
 * before the start. The h5 build (local cloud) has no subscribe sheet: it only records.
 */
import Taro from '@tarojs/taro'
import type { OutputOf } from '@core/contract'
import { fail, type Result } from '@core/errors'
import { call } from '@/services/cloud'
import { subscribeOutcome, SUBSCRIBE_REFUSALS } from './button'

/** The template the build names (`TARO_APP_FLASH_TEMPLATE_ID`), else the one the server sends with. */
export function reminderTemplate(serverTemplateId: string): string {
  return process.env.TARO_APP_FLASH_TEMPLATE_ID || serverTemplateId
}

export async function remindMe(saleId: string, serverTemplateId: string): Promise<Result<OutputOf<'flash', 'remind'>>> {
  if (process.env.TARO_ENV === 'weapp') {
    const templateId = reminderTemplate(serverTemplateId)
    let answer: unknown
    try {
      answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option)
    } catch (error) {
      answer = error
    }
    const outcome = subscribeOutcome(answer, templateId)
    if (outcome !== 'accept') return fail('INVALID_STATE', SUBSCRIBE_REFUSALS[outcome])
  }
  return call('flash', 'remind', { saleId })
}
