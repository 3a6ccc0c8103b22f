/**
 * `npm run check:weapp`: miniprogram-ci `checkCodeQuality` on dist/weapp, offline. The check
 * needs a project key only to construct the project; a locally generated RSA key (under .temp/)
 * is enough, and the project attributes are the CI defaults instead of a network fetch.
 * Exits 1 on any package-size error.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import * as ci from 'miniprogram-ci'

const root = path.resolve(__dirname, '..')
const projectPath = path.join(root, 'dist', 'weapp')
const keyPath = path.join(root, '.temp', 'check-weapp.key')

// Checks about package size: any failure among them fails the run.
const SIZE_CHECKS = new Set(['PACKAGE_SIZE_LIMIT', 'IMAGE_AND_AUDIO_LIMIT', 'PLUGIN_OVER_SIZE'])

function localKey(): string {
  if (!fs.existsSync(keyPath)) {
    const { privateKey } = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    fs.mkdirSync(path.dirname(keyPath), { recursive: true })
    fs.writeFileSync(keyPath, privateKey, { mode: 0o600 })
  }
  return keyPath
}

function appid(): string {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { appid?: string }
  return process.env.TARO_APP_ID || process.env.WX_APPID || config.appid || 'touristappid'
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(projectPath, 'app.json'))) {
    console.error('dist/weapp is missing: run `npx taro build --type weapp` (or `npm run build:weapp`) first')
    return 1
  }
  const project = new ci.Project({
    appid: appid(),
    type: 'miniProgram',
    projectPath,
    privateKeyPath: localKey(),
    ignores: ['node_modules/**/*'],
  })
  project.attr = async () => ci.DefaultProjectAttr

  const results = await ci.checkCodeQuality(project)
  let sizeErrors = 0
  for (const item of results) {
    const mark = item.success ? '✓' : '✗'
    const detail = item.success || item.detail === undefined ? '' : `  ${JSON.stringify(item.detail)}`
    console.log(`${mark} ${item.name ?? '?'}${item.text ? `: ${item.text}` : ''}${detail}`)
    if (!item.success && item.name && SIZE_CHECKS.has(item.name)) sizeErrors++
  }
  const failed = results.filter((r) => !r.success).length
  console.log(`\n${results.length} checks, ${failed} not passed, ${sizeErrors} package-size error(s)`)
  return sizeErrors > 0 ? 1 : 0
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
