/** Runs `onChange` when the member's groups change (a new binding, another dev user): prices and buttons depend on them. */
import { useEffect, useRef } from 'react'
import { useSession } from '@/stores/session'

export function useGroupsChanged(onChange: () => void): void {
  const version = useSession((s) => s.groupsVersion)
  const seen = useRef(version)
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  useEffect(() => {
    if (version === seen.current) return
    seen.current = version
    onChangeRef.current()
  }, [version])
}
