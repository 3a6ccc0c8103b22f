/** What the signed-in operator may do, for showing or hiding edit controls (the server decides). */
import { useSession } from './session'

export function useCanWrite(): boolean {
  const role = useSession().session?.operator.role
  return role === 'owner' || role === 'operator'
}
