/**
 * The local stand-in for WeChat open data. The h5 dev user switcher "opens the mini program from
 * group X" by sending the CloudID `dev:<opengid>`; `dev-expired:<anything>` plays an id older than
 * WeChat's five minutes. The local gateway never replaces event fields the way WeChat does, so an
 * object posing as replaced open data is forged.
 */
import type { CloudIdField, OpenData, OpenGroup } from '../ports'

export const DEV_CLOUD_ID_PREFIX = 'dev:'
export const DEV_EXPIRED_CLOUD_ID_PREFIX = 'dev-expired:'

const OPENGID = /^[A-Za-z0-9_-]{1,64}$/

/** The CloudID the local cloud resolves to `opengid`. */
export function devCloudId(opengid: string): string {
  return `${DEV_CLOUD_ID_PREFIX}${opengid}`
}

export class LocalOpenData implements OpenData {
  async groupOf(_field: string, value: CloudIdField): Promise<OpenGroup> {
    if (typeof value !== 'string') return { error: 'FORGED' }
    if (value.startsWith(DEV_EXPIRED_CLOUD_ID_PREFIX)) return { error: 'EXPIRED' }
    if (value.startsWith(DEV_CLOUD_ID_PREFIX)) {
      const opengid = value.slice(DEV_CLOUD_ID_PREFIX.length)
      if (OPENGID.test(opengid)) return { opengid }
    }
    return { error: 'INVALID' }
  }
}
