/**
 * The local file store: files under the local cloud's `files` folder (`.data/files`), which the
 * gateway serves at `/files/`. Stands in for cloud storage's `uploadFile`.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { FileStore } from '../ports'

const SAFE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.[A-Za-z0-9]{1,8}$/

export class LocalFileStore implements FileStore {
  constructor(
    private readonly dir: string,
    /** The URL prefix the gateway serves `dir` at. */
    private readonly urlPrefix = '/files/',
  ) {}

  async save(file: string, content: Uint8Array): Promise<string> {
    if (!SAFE_PATH.test(file)) throw new Error(`unsafe file path: ${file}`)
    const target = path.join(this.dir, file)
    await fs.mkdir(path.dirname(target), { recursive: true })
    // Write then rename, so a reader never sees half a file.
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`
    await fs.writeFile(temp, content)
    await fs.rename(temp, target)
    return `${this.urlPrefix}${file}`
  }
}
