/**
 * A small stand-in for `@tarojs/taro` in jsdom: page hooks run like React effects, APIs are
 * jest mocks, storage is in memory. Tests steer it through `taroMock`.
 */
import { useEffect } from 'react'

let routerParams: Record<string, string> = {}
const storage = new Map<string, unknown>()

const Taro = {
  showToast: jest.fn(async () => ({ errMsg: 'showToast:ok' })),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false })),
  navigateTo: jest.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  redirectTo: jest.fn(async () => ({ errMsg: 'redirectTo:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
  stopPullDownRefresh: jest.fn(),
  showShareMenu: jest.fn(async () => ({})),
  requestPayment: jest.fn(async () => ({ errMsg: 'requestPayment:ok' })),
  requestSubscribeMessage: jest.fn(async (_options: { tmplIds: string[] }): Promise<Record<string, string>> => ({
    errMsg: 'requestSubscribeMessage:ok',
  })),
  getGroupEnterInfo: jest.fn(async (): Promise<{ errMsg: string; cloudID?: string }> => ({ errMsg: 'getGroupEnterInfo:ok' })),
  getShareInfo: jest.fn(async (_options: { shareTicket: string }): Promise<{ errMsg: string; cloudID?: string }> => ({
    errMsg: 'getShareInfo:ok',
  })),
  getEnterOptionsSync: jest.fn(() => ({ scene: 1001, path: '', query: {} })),
  getStorageSync: jest.fn((key: string) => storage.get(key) ?? ''),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  cloud: {
    init: jest.fn(),
    // WeChat's marker object, which the cloud replaces with the open data it stands for.
    CloudID: jest.fn((cloudID: string) => ({ cloudID, marker: 'CloudID' })),
    callFunction: jest.fn(async (_options: { name: string; data: unknown }): Promise<{ result: unknown }> => ({ result: null })),
  },
}

export default Taro

const useOnMount = (fn: () => void) => {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => fn(), [])
}

export const useLoad = useOnMount
export const useDidShow = useOnMount
export const useLaunch = useOnMount
export const usePullDownRefresh = (_fn: () => void) => undefined
export const useReachBottom = (_fn: () => void) => undefined
export const useShareAppMessage = (_fn: () => unknown) => undefined
export const useRouter = () => ({ params: routerParams, path: '' })

export const taroMock = {
  setRouterParams(params: Record<string, string>) {
    routerParams = params
  },
  reset() {
    routerParams = {}
    storage.clear()
    jest.clearAllMocks()
  },
}
