import type { z } from 'zod'
import type { ChannelName, Input } from '../../../shared/api'
import { accountsSchemas } from '../accounts/channels/accounts-schemas'
import { blogSchemas } from '../blog/channels/blog-schemas'
import { discussionSchemas } from '../discussion/channels/discussion-schemas'
import { draftsSchemas } from '../drafts/channels/drafts-schemas'
import { inspectorSchemas } from '../inspector/channels/inspector-schemas'
import { notificationsSchemas } from '../notifications/channels/notifications-schemas'
import { queueSchemas } from '../queue/channels/queue-schemas'
import { weblogSchemas } from '../weblog/channels/weblog-schemas'
import { none } from './schema-parts'

/**
 * One schema per channel input, checked by dispatch before the handler runs, so a handler gets the
 * contract's type and no face can hand it anything else. `satisfies` makes a missing schema, or one
 * whose output is not the contract's input, a compile error.
 */
export const channelSchemas = {
  'app.info': none,
  ...draftsSchemas,
  ...discussionSchemas,
  ...blogSchemas,
  ...accountsSchemas,
  ...inspectorSchemas,
  ...queueSchemas,
  ...weblogSchemas,
  ...notificationsSchemas,
} satisfies { [C in ChannelName]: z.ZodType<Input<C>> }

// The other way round: every input the contract allows is one its schema's type admits (void as undefined).
type Sent<C extends ChannelName> = void extends Input<C> ? Exclude<Input<C>, void> | undefined : Input<C>
type Narrower = {
  [C in ChannelName]: Sent<C> extends z.input<(typeof channelSchemas)[C]> ? never : C
}[ChannelName]
const admitsTheContract: [Narrower] extends [never] ? true : Narrower = true
// And no field of the contract is missing from its schema (zod drops the keys it does not know).
type KeysOf<T> = T extends object ? keyof T : never
type Dropped = {
  [C in ChannelName]: Exclude<KeysOf<Sent<C>>, KeysOf<z.input<(typeof channelSchemas)[C]>>> extends never ? never : C
}[ChannelName]
const keepsEveryField: [Dropped] extends [never] ? true : Dropped = true
void [admitsTheContract, keepsEveryField]
