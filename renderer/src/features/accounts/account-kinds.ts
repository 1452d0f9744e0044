import type { AccountKind } from '../../../../shared/model'

export const accountKindLabel: Record<AccountKind, string> = {
  webhost: 'Web host',
  discussion: 'Discussion group',
  community: 'Community server',
  blog: 'Weblog (MetaWeblog)',
}
