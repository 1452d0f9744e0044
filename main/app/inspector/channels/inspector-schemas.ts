/** The inspector channels' inputs (shared/api.ts); dispatch checks them before a handler runs. */
import { z } from 'zod'
import { byAccount, id, none } from '../../core/schema-parts'

export const inspectorSchemas = {
  'inspector.call': z.object({
    accountId: id,
    method: z
      .string()
      .max(200)
      .trim()
      .regex(/^[A-Za-z0-9_.:/]+$/, { error: 'is not an XML-RPC method name (letters, digits, "_", ".", ":" and "/")' }),
    // Typed JSON (the CLI's syntax): what each value means is checked when it is turned into XML-RPC.
    params: z.array(z.json(), { error: 'must be a list of typed-JSON values' }).max(100),
  }),
  'inspector.methods': byAccount,
  'inspector.list': none,
}
