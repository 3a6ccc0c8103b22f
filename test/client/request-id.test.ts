import { createRequestIds, newRequestId } from '@/utils/requestId'

describe('request ids', () => {
  it('are accepted by the server’s requestId format', () => {
    for (let i = 0; i < 50; i++) expect(newRequestId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('stay the same across retries of the same tap', () => {
    const ids = createRequestIds()
    expect(ids.idFor('p1:2')).toBe(ids.idFor('p1:2'))
  })

  it('change when the quantity changes or after the order went through', () => {
    const ids = createRequestIds()
    const first = ids.idFor('p1:2')
    const other = ids.idFor('p1:3')
    expect(other).not.toBe(first)
    ids.settle()
    expect(ids.idFor('p1:3')).not.toBe(other)
  })
})
