/**
 * The subscribe port over `cloud.openapi.subscribeMessage.send` (the calling function's
 * config.json must list `subscribeMessage.send` under `permissions.openapi`).
 */
import type { Subscribe, SubscribeMessage } from '../ports'

/** The part of `cloud.openapi.subscribeMessage` this adapter calls. */
export interface SubscribeMessageApi {
  send(params: {
    touser: string
    templateId: string
    page: string
    data: Record<string, { value: string }>
    miniprogramState?: 'developer' | 'trial' | 'formal'
    lang?: string
  }): Promise<{ errCode?: number; errMsg?: string }>
}

export class WechatSubscribe implements Subscribe {
  constructor(
    private readonly api: () => SubscribeMessageApi,
    /** Which version of the mini program the message opens (env `WX_MINIPROGRAM_STATE`). */
    private readonly miniprogramState: 'developer' | 'trial' | 'formal' = 'formal',
  ) {}

  async send(message: SubscribeMessage): Promise<void> {
    // openapi calls reject with errCode on failure (43101: the member gave no authorisation).
    const res = await this.api().send({ ...message, miniprogramState: this.miniprogramState, lang: 'zh_CN' })
    if (res.errCode !== undefined && res.errCode !== 0) {
      throw new Error(`subscribeMessage.send failed: ${res.errCode} ${res.errMsg ?? ''}`.trim())
    }
  }
}

// wx-server-sdk.d.ts types only what the other adapters use; this adds the open API called here.
declare module 'wx-server-sdk' {
  export const openapi: { subscribeMessage: SubscribeMessageApi }
}
