import { expect, it } from 'vitest'
import { postStatusLabels } from './post-status-labels'

it('names every chosen status, and nothing for a plain public post', () => {
  expect(postStatusLabels({})).toEqual([])
  expect(postStatusLabels({ postStatus: 'publish', sticky: false, postPassword: '' })).toEqual([])
  expect(postStatusLabels({ postStatus: 'draft' })).toEqual(['Server draft'])
  expect(postStatusLabels({ postStatus: 'pending' })).toEqual(['Pending review'])
  expect(postStatusLabels({ postStatus: 'private', postPassword: 'x' })).toEqual(['Private', 'Password'])
  expect(postStatusLabels({ postStatus: 'publish', sticky: true })).toEqual(['Sticky'])
})
