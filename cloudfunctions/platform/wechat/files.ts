/** Cloud storage as the file store: `uploadFile` answers the fileID pages show the file by. */
import type { FileStore } from '../ports'

export interface UploadFile {
  (options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
}

export class WechatFileStore implements FileStore {
  constructor(private readonly uploadFile: UploadFile) {}

  async save(path: string, content: Uint8Array): Promise<string> {
    const { fileID } = await this.uploadFile({ cloudPath: path, fileContent: Buffer.from(content) })
    if (!fileID) throw new Error('uploadFile answered no fileID')
    return fileID
  }
}
