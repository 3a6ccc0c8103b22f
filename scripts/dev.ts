/**
 * `npm run dev`: builds the h5 shop and the console when their output is missing or older than
 * their sources (one build at a time), then runs the local cloud in this process.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { runFromEnv } from '../cloudfunctions/local/main'

const root = path.join(__dirname, '..')

interface Target {
  name: string
  /** A file the build writes last-ish; its mtime stands for the build's. */
  output: string
  sources: string[]
  command: [string, ...string[]]
}

const TARGETS: Target[] = [
  {
    name: 'h5 shop',
    output: 'dist/h5/index.html',
    sources: ['src', 'config', 'cloudfunctions/core', 'babel.config.js', 'tsconfig.json', 'package.json'],
    command: ['npx', 'taro', 'build', '--type', 'h5'],
  },
  {
    name: 'console',
    output: 'dist/console/index.html',
    sources: ['cloudfunctions/admin/web', 'cloudfunctions/admin/api.ts', 'cloudfunctions/core', 'scripts/build-console.ts', 'package.json'],
    command: ['npm', 'run', 'build:console'],
  },
]

/** The newest modification time under `entry` (a file or a folder), 0 when it does not exist. */
function newestMtime(entry: string): number {
  const full = path.join(root, entry)
  if (!fs.existsSync(full)) return 0
  const stat = fs.statSync(full)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const file of fs.readdirSync(full, { recursive: true, withFileTypes: true })) {
    if (file.isFile()) newest = Math.max(newest, fs.statSync(path.join(file.parentPath, file.name)).mtimeMs)
  }
  return newest
}

function isStale(target: Target): boolean {
  const output = path.join(root, target.output)
  if (!fs.existsSync(output)) return true
  const built = fs.statSync(output).mtimeMs
  return target.sources.some((source) => newestMtime(source) > built)
}

function buildIfStale(target: Target): void {
  if (!isStale(target)) return
  console.log(`\n> building the ${target.name}: ${target.command.join(' ')}`)
  const [command, ...args] = target.command
  // Builds are production builds whoever starts dev: under jest NODE_ENV is `test`, which makes
  // Taro emit a dev bundle (react-refresh hooks) that cannot run as a served page.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) {
    console.error(`\nBuilding the ${target.name} failed (${target.command.join(' ')}).`)
    process.exit(result.status ?? 1)
  }
}

for (const target of TARGETS) buildIfStale(target)
void runFromEnv()
