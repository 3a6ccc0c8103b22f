import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startCheckpointer } from '../../cloudfunctions/platform/local/checkpointer'
import { createLocalDb } from '../../cloudfunctions/platform/local/db'

describe('the WAL checkpointer', () => {
  let dir: string

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-ckpt-'))
  })

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('tells its owner when its worker fails, so that the owner can checkpoint for itself', async () => {
    const errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const failures: Error[] = []
      await new Promise<void>((resolve) => {
        startCheckpointer(path.join(dir, 'x.db'), {
          driver: path.join(dir, 'no-such-driver.js'),
          onFailure: (error) => {
            failures.push(error)
            resolve()
          },
        })
      })
      expect(failures).toHaveLength(1)
      expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('WAL checkpointer failed'))
    } finally {
      errorLog.mockRestore()
    }
  })

  it('has closed its connection when the database closes, so the WAL is folded in and gone', async () => {
    const file = path.join(dir, 'q.db')
    const db = createLocalDb(file, { backgroundCheckpoints: true })
    await db.set('settings', 's1', { _id: 's1', value: 1, updatedAt: 1 })
    db.close()
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
    const again = createLocalDb(file)
    try {
      expect(await again.get('settings', 's1')).toEqual({ _id: 's1', value: 1, updatedAt: 1 })
    } finally {
      again.close()
    }
  })
})
