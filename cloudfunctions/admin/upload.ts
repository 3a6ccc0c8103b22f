/**
 * `uploadImage {name, contentBase64}`: stores a product picture through the file store port and
 * answers where it is. Only raster images recognised by their first bytes are accepted (an SVG
 * could carry script into the console's origin); the path is the content's hash, so uploading
 * the same picture twice stores it once.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { fail, ok, type Result } from '../core/errors'
import { adminAction } from './auth'
import { invalidFields } from './kinds/kind'
import { IMAGE_MAX_BYTES } from './api'

export { IMAGE_MAX_BYTES }

const input = z
  .object({
    name: z.string().trim().min(1).max(100),
    // Base64 of IMAGE_MAX_BYTES, with room for padding.
    contentBase64: z.string().min(1).max(Math.ceil(IMAGE_MAX_BYTES / 3) * 4 + 4),
  })
  .strict()

/** The image type by its magic bytes, or null. */
export function imageType(bytes: Uint8Array): 'png' | 'jpg' | 'gif' | 'webp' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (starts(0xff, 0xd8, 0xff)) return 'jpg'
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif'
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'webp'
  return null
}

export const uploadImage = adminAction('write', input, async ({ contentBase64 }, _operator, { files, log }): Promise<Result<{ url: string }>> => {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(contentBase64)) return invalidFields({ contentBase64: '文件内容不是有效的 base64' })
  const bytes = Buffer.from(contentBase64, 'base64')
  if (bytes.length > IMAGE_MAX_BYTES) return invalidFields({ contentBase64: `图片不能超过 ${IMAGE_MAX_BYTES / 1024} KB` })
  const type = imageType(bytes)
  if (!type) return invalidFields({ contentBase64: '仅支持 PNG、JPEG、GIF、WebP 图片' })
  if (!files) {
    log.error('uploadImage: no file store is configured')
    return fail('INVALID_STATE', '文件存储未配置')
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32)
  return ok({ url: await files.save(`products/${hash}.${type}`, bytes) })
})
