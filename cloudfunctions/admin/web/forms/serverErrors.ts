/**
 * Puts the server's field-level INVALID_INPUT answer next to the fields the operator typed in.
 * Server paths use the stored shape (`items.0.memberPriceFen`); each form maps them to its own
 * field names (`['items', 0, 'memberPrice']`). Anything unmapped becomes a message at the top.
 */
import type { FormInstance } from 'antd'
import { AdminError, messageOf } from '../client'

export type NamePath = Array<string | number>

/** Default mapping: same path, numeric segments as list indexes, `...Fen` fields typed in yuan as `...`. */
export function defaultFieldName(path: string): NamePath {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/Fen$/, '')))
}

/**
 * Shows `error` (the server's, or the same rules run in the browser: `{fields}`) on the form. Returns the message to show above the form, or null when every
 * problem was placed on a field.
 */
export function showServerErrors(
  form: FormInstance,
  error: AdminError | { fields: Record<string, string> } | unknown,
  nameOf: (path: string) => NamePath | null = defaultFieldName,
): string | null {
  const fields = error instanceof AdminError ? error.fields : ((error as { fields?: Record<string, string> } | null)?.fields ?? {})
  if (Object.keys(fields).length === 0) return messageOf(error)
  const known = new Set(Object.keys(form.getFieldsValue(true) as object))
  const placed: Array<{ name: NamePath; errors: string[] }> = []
  const unplaced: string[] = []
  for (const [path, message] of Object.entries(fields)) {
    const name = nameOf(path)
    if (name && known.has(String(name[0]))) placed.push({ name, errors: [message] })
    else unplaced.push(message)
  }
  form.setFields(placed)
  return unplaced.length > 0 ? unplaced.join('；') : null
}
