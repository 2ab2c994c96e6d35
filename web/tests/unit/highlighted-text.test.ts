// Renders search snippets with Vue's server renderer, which ships with vue,
// to check that matches become <mark> elements and that text is never HTML.
import { describe, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import HighlightedText from '../../src/components/HighlightedText.vue'
import type { Segment } from '../../src/api/types'

// Returns the rendered HTML without the fragment comments of server rendering.
async function render(segments: Segment[]): Promise<string> {
  const html = await renderToString(createSSRApp({ render: () => h(HighlightedText, { segments }) }))
  return html.replace(/<!--[\[\]]-->/g, '')
}

describe('HighlightedText', () => {
  it('marks matched segments', async () => {
    const html = await render([
      { text: 'Máy ', match: false },
      { text: 'sấy', match: true },
      { text: ' nông sản', match: false },
    ])
    expect(html).toContain('Máy <mark>sấy</mark> nông sản')
  })

  it('escapes markup inside segments', async () => {
    const html = await render([{ text: '<img src=x onerror=alert(1)>', match: true }])
    expect(html).toContain('<mark>&lt;img src=x onerror=alert(1)&gt;</mark>')
    expect(html).not.toContain('<img')
  })
})
