/**
 * `npm run bench:size`: the weapp package sizes (main package = dist/weapp minus the subpackage
 * roots, each subpackage, the total), each bundled cloud function, and the h5 first-screen JS
 * (gzipped), against the budgets in DESIGN.md. Exits 1 when a budget is exceeded or a build is missing.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const KB = 1024
const MB = 1024 * KB
const root = path.resolve(__dirname, '..')
const weappDir = path.join(root, 'dist', 'weapp')
const functionsDir = path.join(root, 'dist', 'cloudfunctions')
const h5Dir = path.join(root, 'dist', 'h5')

const BUDGET = {
  mainPackage: 500 * KB,
  total: 1.5 * MB,
  eachFunction: 1.5 * MB,
  h5FirstScreenGzip: 200 * KB,
}

// DevTools' own files are not part of the code package.
const NOT_IN_PACKAGE = new Set(['project.config.json', 'project.private.config.json'])

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full)
    return [full]
  })
}

const sizeOf = (files: string[]) => files.reduce((sum, f) => sum + fs.statSync(f).size, 0)
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`

interface Line {
  name: string
  bytes: number
  budget?: number
}

const lines: Line[] = []
const problems: string[] = []

function weapp(): void {
  const appJson = path.join(weappDir, 'app.json')
  if (!fs.existsSync(appJson)) {
    problems.push('dist/weapp is missing: run `npx taro build --type weapp` (or `npm run build:weapp`) first')
    return
  }
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''))
  const all = filesUnder(weappDir).filter((f) => !NOT_IN_PACKAGE.has(path.relative(weappDir, f)))
  const rootOf = (file: string) => roots.find((r) => path.relative(weappDir, file).split(path.sep).join('/').startsWith(`${r}/`))

  lines.push({ name: 'weapp main package', bytes: sizeOf(all.filter((f) => !rootOf(f))), budget: BUDGET.mainPackage })
  for (const r of roots) lines.push({ name: `weapp subpackage ${r}`, bytes: sizeOf(all.filter((f) => rootOf(f) === r)) })
  lines.push({ name: 'weapp total', bytes: sizeOf(all), budget: BUDGET.total })
}

function functions(): void {
  if (!fs.existsSync(functionsDir)) {
    problems.push('dist/cloudfunctions is missing: run `npm run build:functions` first')
    return
  }
  for (const fn of fs.readdirSync(functionsDir).sort()) {
    const dir = path.join(functionsDir, fn)
    if (!fs.statSync(dir).isDirectory()) continue
    lines.push({ name: `function ${fn}`, bytes: sizeOf(filesUnder(dir)), budget: BUDGET.eachFunction })
  }
}

/** The JS the h5 index.html loads before the first page renders, gzipped. */
function h5(): void {
  const index = path.join(h5Dir, 'index.html')
  if (!fs.existsSync(index)) return // optional: reported only when built
  const html = fs.readFileSync(index, 'utf8')
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => path.join(h5Dir, m[1].replace(/^\//, '')))
  const gz = scripts.filter((f) => fs.existsSync(f)).reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f)).length, 0)
  lines.push({ name: 'h5 first-screen JS (gzip)', bytes: gz, budget: BUDGET.h5FirstScreenGzip })
}

weapp()
functions()
h5()

const width = Math.max(...lines.map((l) => l.name.length), 10)
for (const l of lines) {
  const over = l.budget !== undefined && l.bytes > l.budget
  const budget = l.budget === undefined ? '' : `  budget ${kb(l.budget).padStart(10)}  ${over ? 'OVER' : 'ok'}`
  console.log(`${l.name.padEnd(width)}  ${kb(l.bytes).padStart(10)}${budget}`)
  if (over) problems.push(`${l.name} is ${kb(l.bytes)}, over its budget of ${kb(l.budget!)}`)
}
for (const p of problems) console.error(`✗ ${p}`)
process.exit(problems.length > 0 ? 1 : 0)
