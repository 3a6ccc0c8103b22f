/**
 * The signed-in operator, kept in localStorage so a reload stays signed in, and shared with
 * React through `useSession`. Dropped on sign-out, on expiry and on any UNAUTHENTICATED answer.
 */
import { useSyncExternalStore } from 'react'
import type { LoginOutput } from '../api'

export type Session = LoginOutput

const KEY = 'qunyou.console.session'
const listeners = new Set<() => void>()

interface State {
  session: Session | null
  /** Why the operator was signed out, shown on the sign-in form. */
  notice: string | null
}

function isSession(value: unknown): value is Session {
  const s = value as Session | null
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.token === 'string' &&
    typeof s.expiresAt === 'number' &&
    typeof s.operator?.username === 'string'
  )
}

function load(): Session | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    return isSession(stored) && stored.expiresAt > Date.now() ? stored : null
  } catch {
    return null
  }
}

let state: State = { session: load(), notice: null }

function publish(next: State): void {
  state = next
  listeners.forEach((listener) => listener())
}

export function signedIn(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session))
  publish({ session, notice: null })
}

export function signOut(notice: string | null = null): void {
  localStorage.removeItem(KEY)
  publish({ session: null, notice })
}

export function currentToken(): string | null {
  return state.session?.token ?? null
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useSession(): State {
  return useSyncExternalStore(subscribe, () => state)
}
