import { escapeMarkup } from './escape'
import { SiteDataError } from './site-data-error'

/**
 * The templates' language: a small Mustache subset people can edit without a manual.
 * `{{name}}` escaped, `{{{name}}}` or `{{&name}}` as is, `{{#list}}…{{/list}}` once per item (or
 * once when truthy), `{{^name}}…{{/name}}` when empty or false, `{{! comment }}`, dotted names,
 * `{{.}}` for the current item. Unknown names render as nothing.
 */
type Node =
  | string
  | { kind: 'var'; name: string; raw: boolean }
  | { kind: 'section'; name: string; inverted: boolean; children: Node[] }

export class TemplateError extends SiteDataError {
  override readonly name = 'TemplateError'
}

export interface Template {
  render(view: object): string
}

const TAG = /\{\{\{([^{}]*)\}\}\}|\{\{([^{}]*)\}\}/g

export function compileTemplate(source: string, label: string): Template {
  const root: Node[] = []
  const open: { name: string; children: Node[]; line: number }[] = [{ name: '', children: root, line: 0 }]
  const lineAt = (index: number) => source.slice(0, index).split('\n').length
  let last = 0
  for (const m of source.matchAll(TAG)) {
    const here = open[open.length - 1].children
    if (m.index > last) here.push(source.slice(last, m.index))
    last = m.index + m[0].length
    const body = m[1] !== undefined ? '&' + m[1] : m[2]
    const sigil = body.trimStart()[0]
    const name = body.trim().replace(/^[#^/&!]\s*/, '')
    if (sigil === '!') continue
    if (name === '' || !/^(\.|[\w-]+(\.[\w-]+)*)$/.test(name))
      throw new TemplateError(`${label}, line ${lineAt(m.index)}: "${m[0]}" does not name a value.`)
    if (sigil === '#' || sigil === '^') {
      const children: Node[] = []
      here.push({ kind: 'section', name, inverted: sigil === '^', children })
      open.push({ name, children, line: lineAt(m.index) })
    } else if (sigil === '/') {
      const top = open.pop()!
      if (open.length === 0 || top.name !== name)
        throw new TemplateError(
          `${label}, line ${lineAt(m.index)}: {{/${name}}} closes ${top.name ? `{{#${top.name}}} from line ${top.line}` : 'nothing'}.`,
        )
    } else {
      here.push({ kind: 'var', name, raw: sigil === '&' })
    }
  }
  if (open.length > 1) {
    const top = open[open.length - 1]
    throw new TemplateError(`${label}, line ${top.line}: {{#${top.name}}} is never closed.`)
  }
  if (last < source.length) root.push(source.slice(last))
  return { render: (view) => renderNodes(root, [view]) }
}

function renderNodes(nodes: Node[], stack: unknown[]): string {
  let out = ''
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += node
      continue
    }
    const value = lookup(node.name, stack)
    if (node.kind === 'var') {
      const text = value === undefined || value === null ? '' : String(value)
      out += node.raw ? text : escapeMarkup(text)
    } else if (node.inverted) {
      if (!value || (Array.isArray(value) && value.length === 0)) out += renderNodes(node.children, stack)
    } else if (Array.isArray(value)) {
      for (const item of value) out += renderNodes(node.children, [...stack, item])
    } else if (value) {
      out += renderNodes(node.children, [...stack, value])
    }
  }
  return out
}

function lookup(name: string, stack: unknown[]): unknown {
  if (name === '.') return stack[stack.length - 1]
  const [first, ...rest] = name.split('.')
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i]
    if (typeof frame === 'object' && frame !== null && Object.hasOwn(frame, first)) {
      let v: unknown = (frame as Record<string, unknown>)[first]
      for (const key of rest)
        v =
          typeof v === 'object' && v !== null && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined
      return v
    }
  }
  return undefined
}
