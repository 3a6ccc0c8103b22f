/**
 * The local cloud's function instance thread (instanceHost.ts + instance.ts): calls reach the
 * functions as JSON text and come back as status and JSON text, and a crashed instance neither
 * hangs its callers nor stays dead.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultConfig } from '../../cloudfunctions/core/config'
import { userContext } from '../../cloudfunctions/local/cloud'
import { startInstance, type FunctionInstance } from '../../cloudfunctions/local/instanceHost'

let dataDir: string
const started: FunctionInstance[] = []

async function start(entry?: string): Promise<FunctionInstance> {
  const instance = await startInstance({ dbFile: path.join(dataDir, 'qunyou.db'), config: defaultConfig }, { entry })
  started.push(instance)
  return instance
}

const member = userContext('demo-alice')
const SCRIPTED = path.join(__dirname, 'fixtures/scriptedInstance.ts')

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-instance-'))
})

afterEach(async () => {
  await Promise.all(started.splice(0).map((instance) => instance.close()))
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('the function instance', () => {
  it('runs functions on the JSON text of the request and answers status and JSON text', async () => {
    const instance = await start()
    const ping = await instance.invoke('flash', '{"action":"ping"}', member)
    expect(ping.status).toBe(200)
    expect(JSON.parse(ping.body)).toEqual({ ok: true, data: { serverNow: expect.any(Number) } })

    const badJson = await instance.invoke('flash', '{"action":', member)
    expect(badJson.status).toBe(400)
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请求体不是有效的 JSON' })

    const noSuchFunction = await instance.invoke('nope', '{}', member)
    expect(noSuchFunction.status).toBe(404)
    expect(JSON.parse(noSuchFunction.body)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '没有名为 nope 的云函数' })
  })

  it('answers calls of one turn together, each its own answer', async () => {
    const instance = await start()
    const answers = await Promise.all([
      instance.invoke('flash', '{"action":"ping"}', member),
      instance.invoke('flash', '{"action":"nope"}', member),
      instance.invoke('order', '{"action":"list"}', userContext('')),
    ])
    expect(answers.map((a) => JSON.parse(a.body).ok)).toEqual([true, false, false])
    expect(JSON.parse(answers[1].body).code).toBe('INVALID_INPUT')
    expect(JSON.parse(answers[2].body).code).toBe('UNAUTHENTICATED')
  })

  it('answers every call of a crowd larger than it starts in one turn, each its own answer', async () => {
    const instance = await start()
    // 130 calls sent in one turn: the instance starts them 50 a turn, over three turns.
    const crowd = Array.from({ length: 130 }, (_, n) =>
      n % 2 === 0 ? instance.invoke('flash', '{"action":"ping"}', member) : instance.invoke('flash', `{"action":"nope${n}"}`, member),
    )
    const answers = (await Promise.all(crowd)).map((answer) => JSON.parse(answer.body))
    expect(answers.filter((body, n) => body.ok === (n % 2 === 0))).toHaveLength(130)
    expect(answers.filter((body) => body.code === 'INVALID_INPUT')).toHaveLength(65)
    // And the instance takes the next call as before.
    expect((await instance.invoke('flash', '{"action":"ping"}', member)).status).toBe(200)
  })

  it('answers INTERNAL for the calls a crashed instance held, and starts a new one', async () => {
    const instance = await start(SCRIPTED)
    const before = JSON.parse((await instance.invoke('any', '{}', member)).body).data.threadId
    const [crashed, alongside] = await Promise.all([instance.invoke('crash', '{}', member), instance.invoke('any', '{}', member)])
    for (const answer of [crashed, alongside]) {
      expect(answer.status).toBe(500)
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'INTERNAL' })
    }
    const after = await instance.invoke('any', '{}', member)
    expect(after.status).toBe(200)
    expect(JSON.parse(after.body).data.threadId).not.toBe(before)
  })

  it('sends calls that arrive while a slow one runs at once, not after it', async () => {
    const instance = await start(SCRIPTED)
    const order: string[] = []
    const slow = instance.invoke('slow', '{}', member).then(() => order.push('slow'))
    // Sent, but not yet taken: the next call waits for the instance to take the first batch.
    await new Promise((resolve) => setImmediate(resolve))
    const fast = instance.invoke('fast', '{}', member).then(() => order.push('fast'))
    await Promise.all([slow, fast])
    expect(order).toEqual(['fast', 'slow'])
  })
})
