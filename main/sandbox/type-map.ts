import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { writeJsonAtomic } from './state-file'

/** The MIME type each stored file was uploaded with, so it is served back exactly so. */
export class TypeMap {
  private constructor(
    private readonly dir: string,
    private readonly map: Record<string, string>,
  ) {}

  static async open(dir: string): Promise<TypeMap> {
    const text = await readFile(join(dir, 'types.json'), 'utf8').catch(() => '{}')
    return new TypeMap(dir, Object.assign(Object.create(null), JSON.parse(text)) as Record<string, string>)
  }

  get(file: string): string | undefined {
    return this.map[relative(this.dir, file)]
  }

  async set(file: string, mimeType: string): Promise<void> {
    this.map[relative(this.dir, file)] = mimeType
    await writeJsonAtomic(join(this.dir, 'types.json'), this.map)
  }
}
