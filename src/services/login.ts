/** Signs the member in (creating them on first use) and keeps who they are in the session store. */
import { type Result } from '@core/errors'
import type { OutputOf } from '@core/contract'
import { useSession } from '@/stores/session'
import { call } from './cloud'

type LoginView = OutputOf<'member', 'login'>

let inFlight: Promise<Result<LoginView>> | null = null

/** One login at a time; concurrent callers share it. */
export function login(): Promise<Result<LoginView>> {
  inFlight ??= call('member', 'login', {})
    .then((result) => {
      if (result.ok) useSession.getState().setMember(result.data)
      return result
    })
    .finally(() => {
      inFlight = null
    })
  return inFlight
}
