/**
 * For pages that show server state: load whenever the page is shown (so coming back from an
 * order or a payment shows what changed) and on pull-down, closing the spinner when done.
 */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'

export function useRefreshOnShow(load: () => Promise<unknown>): void {
  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })
}
