import type { JsonValue } from '../../../shared/errors'
import { toTypedJson } from '../../xmlrpc/typed-json'
import type { XmlRpcStruct } from '../../xmlrpc/values'

/**
 * Every member a server returned, kept as the CLI's typed JSON ({"$base64"}, {"$dateTime"}…) so
 * nothing is lost when it is written to a draft or a job and read back.
 */
export const structToJson = (s: XmlRpcStruct): { [key: string]: JsonValue } =>
  toTypedJson(s) as { [key: string]: JsonValue }
