/**
 * `npm run bench:order-path`: the function instance's own CPU per flash-sale order, without HTTP,
 * so that a change to the order path can be judged on its own: `bench:flash` measures the whole
 * local cloud, and on this 2-core machine its rounds swing by ±0.15 in ratio with what else the
 * host does. This figure swings too (±20% between repeats), so it prints the median of several.
 *
 * A local cloud (the instance's own `createLocalCloud`, on a temporary SQLite file with
 * background checkpoints) gets a running sale of ample stock and `ORDERS` members of a registered
 * group; members buy one unit each through `order.create`, JSON in and out as the gateway sends
 * them, in batches of `BATCH` calls a turn (about what the instance takes per turn under
 * `bench:flash`). The first half warms up; the second is measured. Repeated `REPEATS` times, each
 * in a fresh process on a new file, it prints the median CPU µs per order of the process (every
 * thread: the instance's, the checkpointer's, V8's helpers) and the bytes it wrote per order (the
 * WAL's frames and the checkpoints' copies, from /proc/self/io).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultConfig } from '../cloudfunctions/core/config'
import { createLocalCloud, userContext } from '../cloudfunctions/local/cloud'
import { findFunction } from '../cloudfunctions/local/functions'
import { createLocalDb } from '../cloudfunctions/platform/local/db'
import { newRequestId } from '../src/utils/requestId'
import { BENCH_GROUP_ID, benchGroup, benchMember, benchProduct, benchSale } from './benchDocs'

const ORDERS = Number(process.env.BENCH_ORDERS ?? 40_000)
const BATCH = 50
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5)
const ONE_REPEAT = '--one-repeat'

/** Bytes this process has written so far (every write and pwrite, whatever the file). */
function bytesWritten(): number {
  const match = /^wchar: (\d+)$/m.exec(fs.readFileSync('/proc/self/io', 'utf8'))
  return match ? Number(match[1]) : Number.NaN
}

async function seed(dbFile: string, now: number): Promise<void> {
  const db = createLocalDb(dbFile)
  const product = benchProduct('p-bench', '压测秒杀商品', now)
  const sale = benchSale('sale-bench', product._id, { quantity: ORDERS, perMemberLimit: 2, startAt: now - 60_000 }, now)
  await Promise.all([db.set('groups', BENCH_GROUP_ID, benchGroup(now)), db.set('products', product._id, product), db.set('flashSales', sale._id, sale)])
  // In small batches, so the seeding's garbage dies young instead of swelling the old generation
  // that the measured orders' collections would then walk.
  for (let from = 0; from < ORDERS; from += 500) {
    const writes: Array<Promise<void>> = []
    for (let n = from; n < Math.min(ORDERS, from + 500); n++) {
      const { member, membership } = benchMember(`bench-m-${n}`, n, now)
      writes.push(db.set('members', member._id, member), db.set('memberships', membership._id, membership))
    }
    await Promise.all(writes)
  }
  db.close()
}

/** One repeat: CPU µs and bytes written per order over the measured half. */
async function repeat(dir: string): Promise<{ cpuUs: number; bytes: number }> {
  const dbFile = path.join(dir, `orders-${Date.now()}.db`)
  await seed(dbFile, Date.now())
  const cloud = createLocalCloud({ dbFile, config: defaultConfig })
  const order = findFunction('order')
  if (!order) throw new Error('the order function is missing')
  let member = 0
  const buy = async (count: number) => {
    for (let done = 0; done < count; done += BATCH) {
      const calls: Array<Promise<string>> = []
      for (let i = 0; i < BATCH; i++) {
        const body = JSON.stringify({ action: 'create', requestId: newRequestId(), productId: 'p-bench', qty: 1, saleId: 'sale-bench' })
        const ctx = userContext(`bench-m-${member++}`)
        calls.push(cloud.invoke(order, JSON.parse(body), ctx).then((answer) => JSON.stringify(answer)))
      }
      for (const answer of await Promise.all(calls)) {
        if (!answer.startsWith('{"ok":true')) throw new Error(`an order was refused: ${answer}`)
      }
      // The next batch comes in a later turn, as the gateway's next message does.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  await buy(ORDERS / 2)
  const written = bytesWritten()
  const before = process.cpuUsage()
  await buy(ORDERS / 2)
  const used = process.cpuUsage(before)
  const measured = ORDERS / 2
  const bytes = (bytesWritten() - written) / measured
  cloud.close()
  return { cpuUs: (used.user + used.system) / measured, bytes }
}

/** Each repeat runs in a fresh process, so no repeat collects another's garbage or warms its caches. */
function repeatInChild(): Promise<{ cpuUs: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, ONE_REPEAT], { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`a repeat failed (exit ${code})`))))
  })
}

async function main(): Promise<void> {
  if (process.argv[2] === ONE_REPEAT) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-order-path-'))
    try {
      process.stdout.write(JSON.stringify(await repeat(dir)))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    return
  }
  const runs: Array<{ cpuUs: number; bytes: number }> = []
  for (let r = 0; r < REPEATS; r++) runs.push(await repeatInChild())
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  console.log(`order path: ${ORDERS / 2} measured flash orders per repeat, batches of ${BATCH} a turn, ${REPEATS} repeats`)
  console.log(`  CPU per order     ${runs.map((r) => r.cpuUs.toFixed(1)).join(', ')} µs; median ${median(runs.map((r) => r.cpuUs)).toFixed(1)} µs`)
  console.log(`  written per order median ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(1)} KB (WAL frames and checkpoints)`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
