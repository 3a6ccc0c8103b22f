/**
 * Every page's share card: the page it opens and who shared it (`sharer`), so a card forwarded
 * into a group chat leads back to the same page and credits the sharer.
 */
import Taro, { useLoad, useShareAppMessage } from '@tarojs/taro'
import { withQuery } from '@/routes'
import { useSession } from '@/stores/session'

export function shareCard(title: string, path: string, sharer: string): { title: string; path: string } {
  return { title, path: withQuery(path, { sharer }) }
}

/** `path` is the page with its own query, e.g. `/packages/product/pages/detail?id=p1`. */
export function useShareCard(title: string, path: string): void {
  useLoad(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Cards opened from a group then carry a shareTicket (group membership builds on it).
      void Taro.showShareMenu({ withShareTicket: true })
    }
  })
  useShareAppMessage(() => shareCard(title, path, useSession.getState().openid))
}
