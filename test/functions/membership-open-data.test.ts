/**
 * The open-data adapters: which CloudIDs resolve to a group, and which are expired or forged.
 */
import { devCloudId, LocalOpenData } from '../../cloudfunctions/platform/local/openData'
import { replacedFieldsOf, WechatOpenData } from '../../cloudfunctions/platform/wechat/openData'

const APPID = 'wx-app'

function replaced(openGId: string, appid = APPID): { cloudID: string; data: Record<string, unknown> } {
  return { cloudID: 'cid-1', data: { openGId, watermark: { appid, timestamp: 1_763_000_000 } } }
}

describe('the WeChat open data adapter', () => {
  const getOpenData = jest.fn()
  const openData = (fields: string[] = ['group']): WechatOpenData =>
    new WechatOpenData({ getOpenData, replacedFields: fields, appid: APPID })

  beforeEach(() => getOpenData.mockReset())

  it('reads the opengid from a field WeChat replaced', async () => {
    expect(await openData().groupOf('group', replaced('G-abc'))).toEqual({ opengid: 'G-abc' })
    expect(getOpenData).not.toHaveBeenCalled()
  })

  it('refuses a replaced-looking field that WeChat did not replace as forged', async () => {
    expect(await openData([]).groupOf('group', replaced('G-abc'))).toEqual({ error: 'FORGED' })
    expect(await openData(['other']).groupOf('group', replaced('G-abc'))).toEqual({ error: 'FORGED' })
  })

  it('refuses open data of another mini program', async () => {
    expect(await openData().groupOf('group', replaced('G-abc', 'wx-other'))).toEqual({ error: 'FORGED' })
  })

  it('answers expired and invalid for the error WeChat put in the field', async () => {
    expect(await openData().groupOf('group', { cloudID: 'c', errCode: -601006, errMsg: 'cloudID expired.' })).toEqual({ error: 'EXPIRED' })
    expect(await openData().groupOf('group', { cloudID: 'c', errCode: -601005, errMsg: 'invalid cloudID' })).toEqual({ error: 'INVALID' })
    expect(await openData().groupOf('group', { cloudID: 'c', data: { watermark: { appid: APPID } } })).toEqual({ error: 'INVALID' })
  })

  it('exchanges a plain CloudID with getOpenData', async () => {
    getOpenData.mockResolvedValue({ list: [replaced('G-xyz')] })
    expect(await openData([]).groupOf('group', 'cid-2')).toEqual({ opengid: 'G-xyz' })
    expect(getOpenData).toHaveBeenCalledWith(['cid-2'])
  })

  it('maps getOpenData refusals and rethrows system errors', async () => {
    getOpenData.mockRejectedValueOnce({ errCode: -601006, errMsg: 'cloudID expired' })
    expect(await openData().groupOf('group', 'cid')).toEqual({ error: 'EXPIRED' })
    getOpenData.mockRejectedValueOnce({ errCode: -601007, errMsg: 'cloudID and calling user does not match' })
    expect(await openData().groupOf('group', 'cid')).toEqual({ error: 'FORGED' })
    getOpenData.mockRejectedValueOnce({ errCode: -601001, errMsg: 'system error' })
    await expect(openData().groupOf('group', 'cid')).rejects.toMatchObject({ errCode: -601001 })
  })

  it('parses OPEN_DATA_INFO and tolerates it missing or malformed', () => {
    expect(replacedFieldsOf('{"keys":["group","x"]}')).toEqual(['group', 'x'])
    for (const bad of [undefined, '', '{', '{"keys":"group"}', 42]) expect(replacedFieldsOf(bad)).toEqual([])
  })
})

describe('the local open data simulator', () => {
  const openData = new LocalOpenData()

  it('resolves dev ids, expires dev-expired ids and refuses everything else', async () => {
    expect(await openData.groupOf('group', devCloudId('G-core'))).toEqual({ opengid: 'G-core' })
    expect(await openData.groupOf('group', 'dev-expired:G-core')).toEqual({ error: 'EXPIRED' })
    for (const bad of ['G-core', 'dev:', 'dev:a:b', 'cid-1']) expect(await openData.groupOf('group', bad)).toEqual({ error: 'INVALID' })
    expect(await openData.groupOf('group', replaced('G-core'))).toEqual({ error: 'FORGED' })
  })
})
