/** Ids for new documents, chosen in the browser so a retried save creates once. */
export function newDocId(prefix: string): string {
  const random = new Uint8Array(5)
  crypto.getRandomValues(random)
  const hex = Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${prefix}-${Date.now().toString(36)}${hex}`
}
