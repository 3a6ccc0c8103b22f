/** Signed out: the sign-in form. Signed in: the console, until sign-out or token expiry. */
import { useEffect } from 'react'
import { SignIn } from './pages/SignIn'
import { signOut, useSession } from './session'
import { Shell } from './Shell'

export function App() {
  const { session, notice } = useSession()

  useEffect(() => {
    if (!session) return
    const timer = window.setTimeout(() => signOut('登录已过期，请重新登录'), Math.max(0, session.expiresAt - Date.now()))
    return () => window.clearTimeout(timer)
  }, [session])

  return session ? <Shell key={session.token} operator={session.operator} /> : <SignIn notice={notice} />
}
