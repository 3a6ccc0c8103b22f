/**
 * Bundles each cloud function (`cloudfunctions/<fn>/index.ts`) into
 * `dist/cloudfunctions/<fn>/`: one minified CommonJS `index.js` for WeChat's Node 16 runtime with
 * everything inlined except `wx-server-sdk` (installed by the cloud from the bundle's
 * `package.json`), plus the function's `config.json`. Prints each bundle's size and fails when one
 * is over the 1.5 MB budget.
 */
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'

const root = path.join(__dirname, '..')
const sourceDir = path.join(root, 'cloudfunctions')
const outRoot = path.join(root, 'dist/cloudfunctions')
const BUDGET_BYTES = 1.5 * 1024 * 1024

function sdkVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  const version = pkg.dependencies?.['wx-server-sdk'] ?? pkg.devDependencies?.['wx-server-sdk']
  if (!version) throw new Error('wx-server-sdk is not in package.json')
  return version
}

/** Folders of `cloudfunctions/` that are deployable functions (they have a WeChat entry). */
export function functionNames(): string[] {
  return fs
    .readdirSync(sourceDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(sourceDir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort()
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

async function bundle(fn: string, version: string): Promise<number> {
  const outDir = path.join(outRoot, fn)
  fs.mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: [path.join(sourceDir, fn, 'index.ts')],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: ['wx-server-sdk'],
    logLevel: 'warning',
  })
  const pkg = { name: fn, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': version } }
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  const config = path.join(sourceDir, fn, 'config.json')
  if (fs.existsSync(config)) fs.copyFileSync(config, path.join(outDir, 'config.json'))
  return fs.statSync(path.join(outDir, 'index.js')).size
}

async function main(): Promise<void> {
  const names = functionNames()
  if (names.length === 0) throw new Error('no cloudfunctions/<fn>/index.ts found')
  fs.rmSync(outRoot, { recursive: true, force: true })
  const version = sdkVersion()
  let over = 0
  console.log('cloud function bundles (dist/cloudfunctions):')
  for (const fn of names) {
    const size = await bundle(fn, version)
    const flag = size > BUDGET_BYTES ? '  OVER the 1.5 MB budget' : ''
    if (flag) over++
    console.log(`  ${fn.padEnd(12)} ${kb(size).padStart(10)}${flag}`)
  }
  if (over > 0) {
    console.error(`${over} function bundle(s) over budget`)
    process.exit(1)
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
