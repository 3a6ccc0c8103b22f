/**
 * `npm run bench:flash`: a flash sale on the local cloud, measured end to end over HTTP.
 *
 * Starts the local cloud (`cloudfunctions/local/main.ts`) in a child process on a free port with
 * a temporary data folder, seeds a sale of 1,000 units and 4,000 members of a registered group,
 * then in the same run:
 *   1. the gateway's no-op ceiling: 200 connections calling `flash.ping` (validation, routing and
 *      JSON both ways, no database);
 *   2. a warm-up sale of another product (JIT, prepared statements), reported but not judged;
 *   3. the measured sale: 200 connections, every request a member's `order.create` with `saleId`,
 *      most from members seen once, some from a few greedy members who keep trying past the limit.
 * It stops the cloud, reconciles the sale from its orders, and prints the figures against the
 * budget (>= 5,000 committed orders/s, >= 0.5 of the ceiling, p99 <= 50 ms, zero oversell and
 * zero limit breaches). Exits 1 when a correctness check fails; budget misses are reported.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import type { FlashSale, Member, Membership, Product } from '../cloudfunctions/core/model'
import { createLocalDb, type LocalDb } from '../cloudfunctions/platform/local/db'
import { reconcileSales } from '../cloudfunctions/services/flashReconcile'

const ROOT = path.resolve(__dirname, '..')
const CONNECTIONS = 200
/** The sale's quantity; BENCH_UNITS overrides it for exploring steady-state figures. */
const UNITS = Number(process.env.BENCH_UNITS ?? 1_000)
const LIMIT = 2
const MEMBERS = Math.max(4_000, UNITS * 2)
/** Members who keep trying: one request in ten is theirs, so the limit is hit under load. */
const GREEDY = 20
const CEILING_SECONDS = 3
const WARMUP_SECONDS = 2
const SALE_SECONDS = 4
/** The crowd arrives this long before the sale opens. */
const SALE_LEAD_MS = 1_000
const GROUP_ID = 'G-bench'

const BUDGET = { ordersPerSecond: 5_000, ceilingRatio: 0.5, p99Ms: 50 }

interface Sample {
  at: number
  latencyMs: number
  outcome: string
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))))
    })
  })
}

const memberId = (n: number): string => `bench-m-${String(n).padStart(5, '0')}`

async function seed(db: LocalDb, now: number): Promise<void> {
  const product = (id: string, title: string): Product => ({
    _id: id,
    title,
    subtitle: '压测商品',
    images: [],
    priceFen: 19_900,
    stock: 0,
    sold: 0,
    status: 'listed',
    sort: 1_000,
    detail: '',
    createdAt: now,
    updatedAt: now,
  })
  await db.set('products', 'p-bench', product('p-bench', '压测秒杀商品'))
  await db.set('products', 'p-bench-warmup', product('p-bench-warmup', '预热秒杀商品'))
  await db.set('groups', GROUP_ID, {
    _id: GROUP_ID,
    status: 'registered',
    name: '压测群',
    tier: 'ordinary',
    firstSeenAt: now,
    firstSeenBy: '',
    registeredAt: now,
    updatedAt: now,
  })
  const sale = (id: string, productId: string): FlashSale => ({
    _id: id,
    productId,
    title: '压测秒杀',
    flashPriceFen: 9_900,
    quantity: UNITS,
    left: UNITS,
    reserved: 0,
    paid: 0,
    perMemberLimit: LIMIT,
    tiers: [],
    // Opened by the run itself (scheduleStart), once the crowd is there.
    startAt: now + 86_400_000,
    endAt: now + 2 * 86_400_000,
    status: 'scheduled',
    createdAt: now,
    updatedAt: now,
  })
  await db.set('flashSales', 'sale-bench', sale('sale-bench', 'p-bench'))
  await db.set('flashSales', 'sale-bench-warmup', sale('sale-bench-warmup', 'p-bench-warmup'))
  const writes: Array<Promise<unknown>> = []
  for (let n = 0; n < MEMBERS + GREEDY; n++) {
    const openid = memberId(n)
    const member: Member = { _id: openid, nickname: `压测${n}`, createdAt: now, lastSeenAt: now, groups: [{ opengid: GROUP_ID, since: now }] }
    const membership: Membership = { _id: `${GROUP_ID}:${openid}`, opengid: GROUP_ID, openid, since: now, lastSeenAt: now }
    writes.push(db.set('members', openid, member), db.set('memberships', membership._id, membership))
  }
  await Promise.all(writes)
}

async function startCloud(port: number, dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // BENCH_PROFILE_DIR=<dir> writes a CPU profile of the cloud process there (for tuning).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'cloudfunctions/local/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ADMIN_PASSWORD: 'bench-operator-pass', LOG_LEVEL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the local cloud exited:\n${output}`)
    try {
      const res = await fetch(`${url}/cloud/flash`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"ping"}' })
      if (res.ok && ((await res.json()) as { ok?: boolean }).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the local cloud did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { child, url, output: () => output }
}

async function stopCloud(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

/** Runs autocannon and records each response's outcome (`ok` or the error code) and latency. */
interface Load {
  samples: Sample[]
  start: number
  end: number
  /** The server's CPU time used (ms) at `at` (performance.now()), sampled every few ms. */
  cpu: Array<{ at: number; ms: number }>
}

/** The server's CPU ms used between two moments of a load, from the nearest samples. */
function serverCpuBetween(run: Load, from: number, to: number): number {
  const near = (t: number) => run.cpu.reduce((best, s) => (Math.abs(s.at - t) < Math.abs(best.at - t) ? s : best), run.cpu[0])
  return near(to).ms - near(from).ms
}

async function load(options: {
  url: string
  seconds: number
  serverPid: number
  body: () => { openid: string; json: string }
}): Promise<Load> {
  const samples: Sample[] = []
  const cpu: Array<{ at: number; ms: number }> = []
  const sampleCpu = () => cpu.push({ at: performance.now(), ms: cpuMs(options.serverPid) })
  let lastOutcome = '?'
  const instance = autocannon({
    url: options.url,
    connections: CONNECTIONS,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { openid, json } = options.body()
          return { ...req, headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: json }
        },
        onResponse: (status, body) => {
          const match = /"ok":(true|false)(?:,"code":"([A-Z_]+)")?/.exec(body)
          lastOutcome = status !== 200 ? `HTTP_${status}` : match?.[1] === 'true' ? 'ok' : (match?.[2] ?? 'UNPARSED')
        },
      },
    ],
  })
  // autocannon calls onResponse and then emits 'response' for the same reply, synchronously.
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    samples.push({ at: performance.now(), latencyMs: responseTime, outcome: lastOutcome })
  })
  sampleCpu()
  const start = performance.now()
  const sampler = setInterval(sampleCpu, 5)
  await instance
  const end = performance.now()
  clearInterval(sampler)
  sampleCpu()
  return { samples, start, end, cpu }
}

/** CPU time (user + system, ms) the process has used so far, from /proc (Linux). */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return Number.NaN
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function latencies(samples: Sample[]): { p50: number; p99: number; max: number; count: number } {
  const sorted = samples.map((s) => s.latencyMs).sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN, count: sorted.length }
}

function counts(samples: Sample[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const s of samples) out[s.outcome] = (out[s.outcome] ?? 0) + 1
  return out
}

interface SaleRun {
  committed: number
  ordersPerSecond: number
  /** From the sale's opening to its last committed order. */
  sellOutMs: number
  attemptsBeforeStart: number
  attemptsWhileBuying: number
  attemptsAfterSellOut: number
  attemptsPerSecondAfterSellOut: number
  /** Every answer from the opening to the end of the run, per second. */
  attemptsPerSecond: number
  /** Server CPU (µs) per committed order while buying (every attempt of that window counted in). */
  cpuPerOrderUs: number
  /** Server CPU (µs) per attempt after sell-out. */
  cpuPerSoldOutAttemptUs: number
  all: ReturnType<typeof latencies>
  buying: ReturnType<typeof latencies>
  afterSellOut: ReturnType<typeof latencies>
  outcomes: Record<string, number>
  errors: number
}

/** Opens the sale `leadMs` from now, writing to the database the running cloud uses. */
async function scheduleStart(dbFile: string, saleId: string, leadMs: number): Promise<number> {
  const startAt = Date.now() + leadMs
  const db = createLocalDb(dbFile)
  await db.update('flashSales', { _id: saleId }, { set: { startAt } })
  db.close()
  return startAt
}

/**
 * One sale: the crowd is there before the start (connections open, answered NOT_STARTED), the
 * sale opens `SALE_LEAD_MS` into the run, and attempts go on after sell-out until the end.
 */
async function runSale(url: string, serverPid: number, dbFile: string, saleId: string, productId: string, seconds: number, firstMember: number): Promise<SaleRun> {
  let seq = 0
  const body = () => {
    seq += 1
    // One request in ten is a greedy member's; the rest walk through the members, each seen once.
    const n = seq % 10 === 0 ? MEMBERS + (seq % GREEDY) : (firstMember + seq) % MEMBERS
    const requestId = `${saleId}-${String(seq).padStart(9, '0')}`
    return { openid: memberId(n), json: JSON.stringify({ action: 'create', requestId, productId, qty: 1, saleId }) }
  }
  const startAt = await scheduleStart(dbFile, saleId, SALE_LEAD_MS)
  const run = await load({ url: `${url}/cloud/order`, seconds: seconds + SALE_LEAD_MS / 1000, serverPid, body })
  const { samples, end } = run
  // The sale's start on this process's performance clock (both processes share the wall clock).
  const open = startAt - performance.timeOrigin
  const oks = samples.filter((s) => s.outcome === 'ok')
  const lastOk = oks.length > 0 ? oks[oks.length - 1].at : open
  const before = samples.filter((s) => s.at < open)
  const buying = samples.filter((s) => s.at >= open && s.at <= lastOk)
  const after = samples.filter((s) => s.at > lastOk)
  const outcomes = counts(samples)
  const expected = new Set(['ok', 'SOLD_OUT', 'LIMIT_REACHED', 'NOT_STARTED'])
  return {
    committed: oks.length,
    ordersPerSecond: oks.length / ((lastOk - open) / 1000),
    sellOutMs: lastOk - open,
    attemptsBeforeStart: before.length,
    attemptsWhileBuying: buying.length,
    attemptsAfterSellOut: after.length,
    attemptsPerSecondAfterSellOut: after.length / ((end - lastOk) / 1000),
    attemptsPerSecond: (buying.length + after.length) / ((end - open) / 1000),
    cpuPerOrderUs: (serverCpuBetween(run, open, lastOk) * 1000) / Math.max(1, oks.length),
    cpuPerSoldOutAttemptUs: (serverCpuBetween(run, lastOk, end) * 1000) / Math.max(1, after.length),
    all: latencies([...buying, ...after]),
    buying: latencies(buying),
    afterSellOut: latencies(after),
    outcomes,
    errors: Object.entries(outcomes).filter(([code]) => !expected.has(code)).reduce((sum, [, n]) => sum + n, 0),
  }
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US')
const ms = (n: number): string => `${n.toFixed(1)} ms`
const mark = (pass: boolean): string => (pass ? 'ok' : 'MISS')

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-bench-'))
  let child: ChildProcess | undefined
  try {
    const seedDb = createLocalDb(path.join(dataDir, 'qunyou.db'))
    await seed(seedDb, Date.now())
    seedDb.close()

    const port = await freePort()
    const cloud = await startCloud(port, dataDir)
    child = cloud.child
    console.log(`local cloud on ${cloud.url} (pid ${child.pid}), data in ${dataDir}; ${os.cpus().length} CPUs, node ${process.version}`)

    const ping = JSON.stringify({ action: 'ping' })
    const pid = child.pid ?? 0
    const ceilingRun = await load({ url: `${cloud.url}/cloud/flash`, seconds: CEILING_SECONDS, serverPid: pid, body: () => ({ openid: memberId(1), json: ping }) })
    const ceilingOk = ceilingRun.samples.filter((s) => s.outcome === 'ok').length
    const ceiling = ceilingOk / ((ceilingRun.end - ceilingRun.start) / 1000)
    const ceilingLatency = latencies(ceilingRun.samples)
    const ceilingCpuUs = (serverCpuBetween(ceilingRun, ceilingRun.start, ceilingRun.end) * 1000) / Math.max(1, ceilingRun.samples.length)

    const dbFile = path.join(dataDir, 'qunyou.db')
    const warmup = await runSale(cloud.url, pid, dbFile, 'sale-bench-warmup', 'p-bench-warmup', WARMUP_SECONDS, 0)
    const run = await runSale(cloud.url, pid, dbFile, 'sale-bench', 'p-bench', SALE_SECONDS, MEMBERS / 2)

    await stopCloud(child)
    const db = createLocalDb(path.join(dataDir, 'qunyou.db'))
    const reconciliation = await reconcileSales(db, ['sale-bench', 'sale-bench-warmup'])
    const tally = reconciliation.sales.find((t) => t.saleId === 'sale-bench')
    const sale = await db.get('flashSales', 'sale-bench')
    db.close()
    if (!tally || !sale) throw new Error('the benchmark sale is missing after the run')

    const units = tally.reservedOrders + tally.paidOrders
    const oversell = Math.max(0, units - sale.quantity)
    const discrepancies = reconciliation.sales.flatMap((t) => t.discrepancies)
    const breaches = discrepancies.filter((d) => d.kind === 'overLimit').length
    const ratio = run.ordersPerSecond / ceiling
    const checks = {
      ordersPerSecond: run.ordersPerSecond >= BUDGET.ordersPerSecond,
      ratio: ratio >= BUDGET.ceilingRatio,
      p99: run.all.p99 <= BUDGET.p99Ms,
    }
    const correct =
      oversell === 0 && breaches === 0 && reconciliation.clean && run.committed === units && run.committed === UNITS && run.errors === 0 && warmup.errors === 0

    console.log(`
flash sale benchmark: ${UNITS} units, limit ${LIMIT} per member, ${CONNECTIONS} connections, ${MEMBERS} members + ${GREEDY} greedy ones
  no-op ceiling (flash.ping)      ${int(ceiling)} req/s   p50 ${ms(ceilingLatency.p50)}  p99 ${ms(ceilingLatency.p99)}  max ${ms(ceilingLatency.max)}   server CPU ${ceilingCpuUs.toFixed(0)} µs/request
  warm-up sale (not judged)       ${int(warmup.ordersPerSecond)} orders/s (${warmup.committed} units in ${int(warmup.sellOutMs)} ms), ${int(warmup.attemptsPerSecondAfterSellOut)} attempts/s after sell-out, ${warmup.cpuPerOrderUs.toFixed(0)} µs CPU per order
  measured sale
    committed orders/s            ${int(run.ordersPerSecond)}   (${run.committed} orders in ${int(run.sellOutMs)} ms from the opening; ${int(run.attemptsWhileBuying)} attempts meanwhile, ${int(run.attemptsBeforeStart)} before it)   [budget >= ${int(BUDGET.ordersPerSecond)}: ${mark(checks.ordersPerSecond)}]
    ratio to the no-op ceiling    ${ratio.toFixed(2)} (committed orders/s ÷ ceiling)   [budget >= ${BUDGET.ceilingRatio}: ${mark(checks.ratio)}]
    attempts/s over the sale      ${int(run.attemptsPerSecond)}   (every answer from the opening on: ${(run.attemptsPerSecond / ceiling).toFixed(2)} of the ceiling)
    attempts/s after sell-out     ${int(run.attemptsPerSecondAfterSellOut)}   (${int(run.attemptsAfterSellOut)} attempts, ${(run.attemptsPerSecondAfterSellOut / ceiling).toFixed(2)} of the ceiling)
    server CPU                    ${run.cpuPerOrderUs.toFixed(0)} µs per committed order, ${run.cpuPerSoldOutAttemptUs.toFixed(0)} µs per attempt after sell-out, ${ceilingCpuUs.toFixed(0)} µs per no-op (cost ratio no-op/order ${(ceilingCpuUs / run.cpuPerOrderUs).toFixed(2)})
    latency, from the opening     p50 ${ms(run.all.p50)}  p99 ${ms(run.all.p99)}  max ${ms(run.all.max)}   [budget p99 <= ${BUDGET.p99Ms} ms: ${mark(checks.p99)}]
    latency, while buying         p50 ${ms(run.buying.p50)}  p99 ${ms(run.buying.p99)}  max ${ms(run.buying.max)}
    latency, after sell-out       p50 ${ms(run.afterSellOut.p50)}  p99 ${ms(run.afterSellOut.p99)}  max ${ms(run.afterSellOut.max)}
    answers                       ${Object.entries(run.outcomes).map(([k, v]) => `${k} ${int(v)}`).join(', ')}
  correctness
    oversell                      ${oversell}
    limit breaches                ${breaches}
    sale counters                 quantity ${sale.quantity} = left ${sale.left} + reserved ${sale.reserved} + paid ${sale.paid}
    reconciliation                ${reconciliation.clean ? 'clean' : `${discrepancies.length} discrepancies: ${JSON.stringify(discrepancies.slice(0, 5))}`} (${tally.buyers} buyers, ${units} units in orders)
`)
    if (!correct) {
      console.error('FAILED: the sale is not correct (see above)')
      process.exitCode = 1
    } else if (!checks.ordersPerSecond || !checks.ratio || !checks.p99) {
      console.log('correct, but over budget on this run (see MISS above)')
    } else {
      console.log('correct and within budget')
    }
  } finally {
    if (child) await stopCloud(child)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
