import Taro from '@tarojs/taro'
import { errorMessages, type Failure } from '@core/errors'

/** The words a person sees for a failed call: the server's message if any, else the table's. */
export function errorText(failure: Pick<Failure, 'code' | 'message'>): string {
  return failure.message || errorMessages[failure.code] || errorMessages.INTERNAL
}

/** The one way pages report a failed call. */
export function showError(failure: Pick<Failure, 'code' | 'message'>): void {
  void Taro.showToast({ title: errorText(failure), icon: 'none', duration: 2500 })
}
