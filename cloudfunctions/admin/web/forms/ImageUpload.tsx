/**
 * Product pictures: thumbnails of what is there, and 上传图片, which sends the file to
 * `uploadImage` and adds the URL it answers. The first picture is the cover.
 */
import { App, Button, Image, Space, Typography, Upload } from 'antd'
import { useState } from 'react'
import { IMAGE_MAX_BYTES, IMAGE_TYPES, PRODUCT_MAX_IMAGES } from '../../api'
import { callAdmin, messageOf } from '../client'
import { displayable } from '../format'

function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

interface Props {
  value?: string[]
  onChange?(urls: string[]): void
  id?: string
}

export function ImageUpload({ value = [], onChange, id }: Props) {
  const { message } = App.useApp()
  const [uploading, setUploading] = useState(false)

  async function add(file: File) {
    if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return void message.error('仅支持 PNG、JPEG、GIF、WebP 图片')
    if (file.size > IMAGE_MAX_BYTES) return void message.error(`图片不能超过 ${IMAGE_MAX_BYTES / 1024} KB`)
    setUploading(true)
    try {
      const { url } = await callAdmin('uploadImage', { name: file.name, contentBase64: await readBase64(file) })
      onChange?.([...value, url])
    } catch (error) {
      message.error(messageOf(error, '上传失败'))
    } finally {
      setUploading(false)
    }
  }

  return (
    <Space wrap align="start" id={id}>
      {value.map((url, i) => (
        <Space key={url} direction="vertical" size={4} align="center">
          {displayable(url) ? (
            <Image src={url} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />
          ) : (
            <Typography.Text type="secondary" style={{ display: 'inline-block', width: 72, fontSize: 12, wordBreak: 'break-all' }}>
              {url}
            </Typography.Text>
          )}
          <Button size="small" type="link" danger onClick={() => onChange?.(value.filter((_, j) => j !== i))}>
            {i === 0 ? '删除封面' : '删除'}
          </Button>
        </Space>
      ))}
      {value.length < PRODUCT_MAX_IMAGES && (
        <Upload
          accept={IMAGE_TYPES.join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            void add(file)
            return false
          }}
        >
          <Button loading={uploading}>上传图片</Button>
        </Upload>
      )}
    </Space>
  )
}
