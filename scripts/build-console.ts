/**
 * Bundles the operator console (cloudfunctions/admin/web) into dist/console: index.html plus one
 * minified, content-hashed app-<hash>.js. Served by the local cloud at /console/ and, in
 * production, uploaded to cloud static hosting. ADMIN_API_URL sets the admin function's address
 * (default /cloud/admin, the local cloud's gateway).
 */
import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = join(__dirname, '..')
const webDir = join(root, 'cloudfunctions/admin/web')
const outDir = join(root, 'dist/console')

async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const result = await build({
    entryPoints: { app: join(webDir, 'main.tsx') },
    outdir: outDir,
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome87', 'safari14'],
    jsx: 'automatic',
    legalComments: 'none',
    metafile: true,
    define: {
      'process.env.NODE_ENV': '"production"',
      __ADMIN_API__: JSON.stringify(process.env.ADMIN_API_URL ?? '/cloud/admin'),
    },
    logLevel: 'warning',
  })
  const appFile = Object.keys(result.metafile.outputs).find((file) => file.endsWith('.js'))
  if (!appFile) throw new Error('esbuild produced no app bundle')
  const appName = basename(appFile)
  const html = readFileSync(join(webDir, 'index.html'), 'utf8').replace('%APP_JS%', appName)
  writeFileSync(join(outDir, 'index.html'), html)

  const js = readFileSync(join(outDir, appName))
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  console.log(`console built: dist/console/index.html, dist/console/${appName}`)
  console.log(`  app.js ${kb(js.length)} minified, ${kb(gzipSync(js).length)} gzipped`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
