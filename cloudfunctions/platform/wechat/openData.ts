/**
 * Open data over wx-server-sdk. The client sends `group: cloud.CloudID(id)`; WeChat replaces that
 * top-level field with `{cloudID, data: {openGId, watermark}}` (or `{cloudID, errCode, errMsg}`)
 * and lists the fields it replaced in the context's `OPEN_DATA_INFO` (`{"keys": [...]}`). A field
 * not listed there was written by the client and is refused as forged. A plain string is
 * exchanged with `cloud.getOpenData`, which also checks that the id belongs to the caller.
 */
import type { CloudIdField, OpenData, OpenGroup } from '../ports'

/** WeChat's error codes for CloudIDs (wx-server-sdk's error table). */
const INVALID_CLOUD_ID = -601005
const CLOUD_ID_EXPIRED = -601006
const CLOUD_ID_USER_MISMATCH = -601007

const OPENGID = /^[A-Za-z0-9_-]{1,128}$/

export interface WechatOpenDataOptions {
  /** `cloud.getOpenData({list})`. */
  getOpenData(list: string[]): Promise<{ list: unknown[] }>
  /** The event fields WeChat replaced with open data in this invocation (`OPEN_DATA_INFO`). */
  replacedFields: readonly string[]
  /** This mini program's appid; open data carries it in its watermark. */
  appid: string
}

/** The replaced field names from `getWXContext().OPEN_DATA_INFO` (a JSON string, possibly empty). */
export function replacedFieldsOf(openDataInfo: unknown): string[] {
  if (typeof openDataInfo !== 'string' || openDataInfo === '') return []
  try {
    const keys = (JSON.parse(openDataInfo) as { keys?: unknown }).keys
    return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : []
  } catch {
    return []
  }
}

function refusal(errCode: unknown): OpenGroup {
  if (errCode === CLOUD_ID_EXPIRED) return { error: 'EXPIRED' }
  if (errCode === CLOUD_ID_USER_MISMATCH) return { error: 'FORGED' }
  return { error: 'INVALID' }
}

/** The opengid in one open-data entry (a replaced field or an item of getOpenData's list). */
export function groupFromEntry(entry: unknown, appid: string): OpenGroup {
  if (typeof entry !== 'object' || entry === null) return { error: 'INVALID' }
  const { errCode, data } = entry as { errCode?: unknown; data?: unknown }
  if (errCode !== undefined && errCode !== 0) return refusal(errCode)
  if (typeof data !== 'object' || data === null) return { error: 'INVALID' }
  const { openGId, opengid, watermark } = data as { openGId?: unknown; opengid?: unknown; watermark?: { appid?: unknown } }
  // Open data of another mini program is not ours to trust.
  if (appid && watermark?.appid !== undefined && watermark.appid !== appid) return { error: 'FORGED' }
  const id = openGId ?? opengid
  return typeof id === 'string' && OPENGID.test(id) ? { opengid: id } : { error: 'INVALID' }
}

export class WechatOpenData implements OpenData {
  constructor(private readonly options: WechatOpenDataOptions) {}

  async groupOf(field: string, value: CloudIdField): Promise<OpenGroup> {
    if (typeof value !== 'string') {
      if (!this.options.replacedFields.includes(field)) return { error: 'FORGED' }
      return groupFromEntry(value, this.options.appid)
    }
    let answer: { list: unknown[] }
    try {
      answer = await this.options.getOpenData([value])
    } catch (error) {
      const errCode = (error as { errCode?: unknown } | null)?.errCode
      if (errCode === INVALID_CLOUD_ID || errCode === CLOUD_ID_EXPIRED || errCode === CLOUD_ID_USER_MISMATCH) {
        return refusal(errCode)
      }
      throw error
    }
    return groupFromEntry(answer.list[0], this.options.appid)
  }
}
