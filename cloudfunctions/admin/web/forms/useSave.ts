/**
 * The save step every config form shares: check the typed fields, run `send` (which applies the
 * browser-side rules and calls `upsert`), and put field errors, the browser's or the server's,
 * next to the fields they name; anything else becomes the message above the form.
 */
import type { FormInstance } from 'antd'
import { useState } from 'react'
import { AdminError } from '../client'
import { defaultFieldName, showServerErrors, type NamePath } from './serverErrors'

export function useSave<Fields>(form: FormInstance<Fields>, nameOf: (path: string) => NamePath | null = defaultFieldName) {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function save(send: (fields: Fields) => Promise<void>): Promise<void> {
    let fields: Fields
    try {
      fields = await form.validateFields()
    } catch {
      // antd shows these on the fields already.
      return
    }
    setSaving(true)
    setError(null)
    try {
      await send(fields)
    } catch (e) {
      setError(showServerErrors(form, e, nameOf))
    } finally {
      setSaving(false)
    }
  }

  return { saving, error, save }
}

/** Stops a save with errors the browser found (the server's own rules), shown like the server's. */
export function refuseFields(fields: Record<string, string>): never {
  throw new AdminError('INVALID_INPUT', '输入有误', fields)
}
