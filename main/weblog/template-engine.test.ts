import { describe, expect, it } from 'vitest'
import { compileTemplate, TemplateError } from './template-engine'

const render = (source: string, view: object) => compileTemplate(source, 't.html').render(view)

describe('templates', () => {
  it('escapes {{x}}, keeps {{{x}}} and {{&x}} as they are, reads dotted names', () => {
    const view = { t: '<b>"Tom" & \'Jerry\'</b>', site: { title: 'A & B' } }
    expect(render('{{t}}|{{{t}}}|{{& t}}|{{site.title}}', view)).toBe(
      '&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;|<b>"Tom" & \'Jerry\'</b>|<b>"Tom" & \'Jerry\'</b>|A &amp; B',
    )
  })

  it('repeats a section per item, looks names up through enclosing items, and renders {{^x}} when empty', () => {
    const view = {
      name: 'outer',
      posts: [
        { title: 'one', tags: [{ name: 'a' }, { name: 'b' }] },
        { title: 'two', tags: [] },
      ],
    }
    const t =
      '{{#posts}}[{{title}} in {{name}}:{{#tags}}{{name}},{{/tags}}{{^tags}}none{{/tags}}]{{/posts}}{{^missing}}!{{/missing}}'
    expect(render(t, view)).toBe('[one in outer:a,b,][two in outer:none]!')
  })

  it('treats a truthy value as a one-time section, {{.}} as the current item, and drops comments and unknown names', () => {
    expect(
      render('{{#flag}}yes{{/flag}}{{#off}}no{{/off}}{{#list}}<{{.}}>{{/list}}{{! note }}{{nope}}', {
        flag: true,
        off: false,
        list: ['x', 'y'],
      }),
    ).toBe('yes<x><y>')
  })

  it('says where a template is broken, by file and line', () => {
    expect(() => compileTemplate('a\n{{#posts}}\nb', 'home.html')).toThrow(
      new TemplateError('home.html, line 2: {{#posts}} is never closed.'),
    )
    expect(() => compileTemplate('{{#a}}\n{{/b}}', 'post.html')).toThrow(
      /post\.html, line 2: \{\{\/b\}\} closes \{\{#a\}\} from line 1/,
    )
    expect(() => compileTemplate('x {{/a}}', 'p.html')).toThrow(/closes nothing/)
    expect(() => compileTemplate('{{ bad name }}', 'p.html')).toThrow(/does not name a value/)
  })
})
