import type { JsonValue } from '../../../shared/errors'

/**
 * The console's arguments: one JSON array of typed-JSON values, the CLI's syntax ("text", 42,
 * 4.2, true, null, [..], {..}, {"$base64": "…"}, {"$dateTime": "19980717T14:08:55"}, {"$double": 2},
 * {"$i8": "…"}). Only the JSON is checked here; the core checks the types and names the argument.
 */
export function parseArgs(text: string): { ok: true; value: JsonValue[] } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: [] }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const hint = /[[,]\s*[A-Za-z]/.test(text) ? ' Strings need double quotes: ["sandbox"], not [sandbox].' : ''
    return { ok: false, message: `The arguments are not JSON: ${(e as Error).message}.${hint}` }
  }
  if (!Array.isArray(value))
    return { ok: false, message: 'Write the arguments as a JSON array, one element per parameter: ["sandbox", 42].' }
  return { ok: true, value: value as JsonValue[] }
}

/** A typed-JSON value for people, indented. */
export const formatTyped = (v: JsonValue): string => JSON.stringify(v, null, 2)
