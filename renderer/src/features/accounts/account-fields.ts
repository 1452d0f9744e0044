import type { AccountKind } from '../../../../shared/model'

/** What each kind of account asks for, in order, with the words each server world uses. */
export interface FieldSpec {
  name: 'name' | 'url' | 'dgname' | 'username'
  label: string
  hint?: string
  type?: 'url' | 'email' | 'text'
  placeholder?: string
}

export const fieldsFor: Record<AccountKind, FieldSpec[]> = {
  discussion: [
    { name: 'name', label: 'Account name', hint: 'How this account is shown in Upstream.' },
    { name: 'url', label: 'Server URL', type: 'url', placeholder: 'http://example.com/RPC2' },
    {
      name: 'dgname',
      label: 'Group',
      placeholder: 'e.g. sandbox',
      hint: 'The discussion group’s name on that server.',
    },
    { name: 'username', label: 'E-mail', type: 'email', hint: 'Your member e-mail address in the group.' },
  ],
  webhost: [
    { name: 'name', label: 'Account name', hint: 'How this account is shown in Upstream.' },
    { name: 'url', label: 'Server URL', type: 'url', placeholder: 'http://example.com/RPC2' },
    { name: 'username', label: 'Username', hint: 'Usually your e-mail address.' },
  ],
  community: [
    { name: 'name', label: 'Name', hint: 'Shown in Upstream, and sent to the server as your name when you register.' },
    { name: 'url', label: 'Server URL', type: 'url', placeholder: 'http://example.com/RPC2' },
    { name: 'username', label: 'E-mail', type: 'email' },
  ],
  blog: [
    { name: 'name', label: 'Account name', hint: 'How this account is shown in Upstream.' },
    {
      name: 'url',
      label: 'Site address',
      type: 'url',
      placeholder: 'https://example.com',
      hint: 'The blog’s home page: Upstream finds its XML-RPC endpoint (the page’s RSD link, else /xmlrpc.php). The endpoint itself works too.',
    },
    {
      name: 'username',
      label: 'Username',
      hint: 'What you sign in to the blog with (on the sandbox: your member e-mail).',
    },
  ],
}

/** Kinds a person can add here. */
export const addableKinds: AccountKind[] = ['discussion', 'webhost', 'community', 'blog']

export function checkUrl(url: string): string | null {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:'
      ? null
      : 'The server URL must start with http:// or https://.'
  } catch {
    return 'Enter the server’s full XML-RPC address, e.g. http://example.com/RPC2.'
  }
}
