import type { Account } from '../../../shared/model'
import { AppFailure } from '../core/failure'
import { errorOf } from '../queue/error-of'

/**
 * Runs one server call for a handler. Whatever it fails with (a fault, an flError, the network,
 * an unsupported method) becomes the AppError the UI shows, naming the account and the method.
 */
export async function serverCall<T>(account: Account, method: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    throw new AppFailure(errorOf(e, { method, url: account.url, account: account.name }))
  }
}
