import { isSecretMember, secretParamIndexes } from './secret-params'

export const REDACTED = '[redacted]'

type Frame =
  | { t: 'struct'; member: string; methodName: string | null }
  | { t: 'array'; index: number; secret: ReadonlySet<number> | 'all' | null }

/**
 * Replaces the text of secret values in an XML-RPC document with [redacted]: the call's positional
 * secrets (see secret-params), members like `password` at any depth, and inside system.multicall
 * the positional secrets of each inner call (all its params when its methodName comes after them).
 * A single linear scan over tags, so it works on any encoder's layout, CDATA included, and on
 * documents cut short. Text outside secret values goes through `scrubText` (known secrets).
 */
export function redactXml(method: string, xml: string, scrubText: (text: string) => string = (t) => t): string {
  const multicall = method.toLowerCase() === 'system.multicall'
  const paramSecrets = new Set(secretParamIndexes(method))
  const out: string[] = []
  const stack: Frame[] = []
  let isCall = false
  let inParams = false
  let paramIndex = -1
  let valueDepth = 0
  let redactAt = 0 // the value depth where redaction started; 0 = not redacting
  let inName = false
  let capture: Extract<Frame, { t: 'struct' }> | null = null // the struct whose methodName is being read
  let pos = 0

  const text = (s: string): void => {
    if (inName && stack.at(-1)?.t === 'struct') (stack.at(-1) as Extract<Frame, { t: 'struct' }>).member += s
    if (capture) capture.methodName = (capture.methodName ?? '') + s
    out.push(redactAt > 0 && s.trim() !== '' ? REDACTED : scrubText(s))
  }
  const openValue = (): void => {
    valueDepth++
    if (redactAt > 0) return
    const top = stack.at(-1)
    let secret = false
    if (!top) secret = isCall && inParams && paramSecrets.has(paramIndex)
    else if (top.t === 'array') {
      top.index++
      secret = top.secret === 'all' || (top.secret !== null && top.secret.has(top.index))
    } else {
      secret = isSecretMember(top.member)
      if (multicall && top.member.trim() === 'methodName') capture = top
    }
    if (secret) redactAt = valueDepth
  }
  const closeValue = (): void => {
    if (redactAt === valueDepth) redactAt = 0
    valueDepth--
    capture = null
  }

  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos)
    const end = lt === -1 ? xml.length : lt
    if (end > pos) text(xml.slice(pos, end))
    if (lt === -1) break
    if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt)
      const stop = close === -1 ? xml.length : close
      out.push('<![CDATA[')
      text(xml.slice(lt + 9, stop))
      if (close !== -1) out.push(']]>')
      pos = stop + 3
      continue
    }
    const gt = xml.indexOf('>', lt)
    if (gt === -1) {
      out.push(scrubText(xml.slice(lt))) // cut short inside a tag
      break
    }
    const tag = xml.slice(lt, gt + 1)
    pos = gt + 1
    if (tag.startsWith('<!--') || tag.startsWith('<?') || tag.startsWith('<!')) {
      out.push(redactAt > 0 ? '<!-- -->' : scrubText(tag))
      continue
    }
    out.push(tag)
    const closing = tag[1] === '/'
    const selfClosing = tag.endsWith('/>')
    const name = (/^<\/?([^\s/>]+)/.exec(tag)?.[1] ?? '').replace(/^.*:/, '').toLowerCase()
    if (closing) {
      if (name === 'value') closeValue()
      else if (name === 'name') inName = false
      else if (name === 'params') inParams = false
      else if (name === 'struct' || name === 'array') stack.pop()
      continue
    }
    switch (name) {
      case 'methodcall':
        isCall = true
        break
      case 'params':
        inParams = !selfClosing
        break
      case 'param':
        if (valueDepth === 0 && inParams) paramIndex++
        break
      case 'value':
        openValue()
        if (selfClosing) closeValue()
        break
      case 'member': {
        const top = stack.at(-1)
        if (top?.t === 'struct') top.member = ''
        break
      }
      case 'name':
        inName = !selfClosing
        break
      case 'struct':
        if (!selfClosing) stack.push({ t: 'struct', member: '', methodName: null })
        break
      case 'array':
        if (!selfClosing) stack.push(arrayFrame(stack.at(-1), multicall && valueDepth === 3))
        break
    }
  }
  return out.join('')
}

/** In system.multicall, the array under an inner call's `params` member gets that call's secrets. */
function arrayFrame(parent: Frame | undefined, innerCallLevel: boolean): Frame {
  if (!innerCallLevel || parent?.t !== 'struct' || parent.member.trim() !== 'params')
    return { t: 'array', index: -1, secret: null }
  if (parent.methodName === null) return { t: 'array', index: -1, secret: 'all' } // methodName not seen yet: be safe
  return { t: 'array', index: -1, secret: new Set(secretParamIndexes(parent.methodName.trim())) }
}
