import { describe, expect, it } from 'vitest'
import { struct, XmlRpcDateTime } from '../../xmlrpc/values'
import { InvalidInputError } from '../invalid-input-error'
import { postStruct } from './post-struct'
import { readPost } from './read-post'

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown

describe('postStruct', () => {
  it('sends only what is given, so an edit leaves the rest alone', () => {
    expect(plain(postStruct({ title: 'T', description: '<p>B</p>' }))).toEqual({ title: 'T', description: '<p>B</p>' })
  })

  it('maps tags, excerpt, slug and status to the Movable Type and WordPress members; [] clears tags', () => {
    const s = postStruct({
      title: 'T',
      description: 'B',
      categories: ['A', 'B'],
      keywords: [' one ', 'two', ''],
      excerpt: 'E',
      slug: 's',
      status: 'pending',
    })
    expect(plain(s)).toEqual({
      title: 'T',
      description: 'B',
      categories: ['A', 'B'],
      mt_keywords: 'one,two',
      mt_excerpt: 'E',
      wp_slug: 's',
      post_status: 'pending',
    })
    expect(postStruct({ title: '', description: '', keywords: [] }).mt_keywords).toBe('')
  })

  it('sends a date as UTC in date_created_gmt and as the server zone’s wall clock in dateCreated', () => {
    // 09:26 in Paris on 14 March 2031 is 08:26Z, and 04:26 in New York (EDT since 9 March).
    const s = postStruct(
      { title: '', description: '', date: { wall: '2031-03-14T09:26', zone: 'Europe/Paris' } },
      'America/New_York',
    )
    expect(s.date_created_gmt).toEqual(new XmlRpcDateTime(2031, 3, 14, 8, 26, 0))
    expect(s.dateCreated).toEqual(new XmlRpcDateTime(2031, 3, 14, 4, 26, 0))
    const fixed = postStruct({ title: '', description: '', date: { wall: '2031-12-31T23:30:00', zone: '-05:00' } })
    expect(fixed.date_created_gmt).toEqual(new XmlRpcDateTime(2032, 1, 1, 4, 30, 0))
  })

  it('refuses a date it cannot place, before anything is sent', () => {
    for (const date of [
      { wall: '2031-02-30T10:00', zone: 'UTC' },
      { wall: '14/03/2031 09:26', zone: 'UTC' },
      { wall: '2031-03-14T09:26', zone: 'Mars/Olympus' },
    ]) {
      expect(() => postStruct({ title: '', description: '', date })).toThrow(InvalidInputError)
    }
  })
})

describe('readPost', () => {
  const now = new Date('2030-01-01T00:00:00Z')

  it('trusts date_created_gmt, and reads a bare dateCreated in the account zone, saying which it did', () => {
    const gmt = readPost(
      struct({
        postid: '5',
        dateCreated: new XmlRpcDateTime(2031, 3, 14, 4, 26, 0),
        date_created_gmt: new XmlRpcDateTime(2031, 3, 14, 8, 26, 0),
      }),
      'Asia/Tokyo',
      'm',
      undefined,
      now,
    )
    expect(gmt).toMatchObject({ dateCreated: '2031-03-14T08:26:00.000Z', dateSource: 'gmt' })
    const local = readPost(
      struct({ postid: '5', dateCreated: new XmlRpcDateTime(2024, 7, 1, 9, 0, 0) }),
      'Asia/Tokyo',
      'm',
    )
    expect(local).toMatchObject({ dateCreated: '2024-07-01T00:00:00.000Z', dateSource: 'account-zone' })
    const zoned = readPost(
      struct({ postid: '5', dateCreated: new XmlRpcDateTime(2024, 7, 1, 9, 0, 0, '', '+02:00') }),
      'Asia/Tokyo',
      'm',
    )
    expect(zoned).toMatchObject({ dateCreated: '2024-07-01T07:00:00.000Z', dateSource: 'sent-zone' })
  })

  it("takes WordPress's zero date for no date, and falls back from it to dateCreated", () => {
    const zero = new XmlRpcDateTime(0, 0, 0, 0, 0, 0, '', 'Z')
    expect(readPost(struct({ postid: 1, date_created_gmt: zero }), 'UTC', 'm')).toMatchObject({
      dateCreated: null,
      dateSource: null,
    })
    expect(
      readPost(
        struct({ postid: 1, date_created_gmt: zero, dateCreated: new XmlRpcDateTime(2024, 1, 2, 3, 4, 5) }),
        'UTC',
        'm',
      ).dateCreated,
    ).toBe('2024-01-02T03:04:05.000Z')
  })

  it('keeps the id as sent beside its string form', () => {
    expect(readPost(struct({ postid: 42 }), 'UTC', 'm')).toMatchObject({ id: '42', wireId: 42 })
    expect(readPost(struct({ postid: '0042' }), 'UTC', 'm')).toMatchObject({ id: '0042', wireId: '0042' })
    expect(() => readPost(struct({ title: 'no id' }), 'UTC', 'm')).toThrow(/no usable post id/)
  })

  it('joins WordPress\'s <!--more--> split, splits tags, and reads a scheduled post WordPress calls "publish" as future', () => {
    const p = readPost(
      struct({
        postid: '9',
        description: '<p>Intro</p>',
        mt_text_more: '<p>Rest</p>',
        wp_more_text: 'Read on',
        mt_keywords: 'a, b,,c',
        post_status: 'publish',
        date_created_gmt: new XmlRpcDateTime(2031, 1, 1, 0, 0, 0),
        categories: ['X', 7, 'Y'],
      }),
      'UTC',
      'm',
      undefined,
      now,
    )
    expect(p).toMatchObject({
      description: '<p>Intro</p><!--more Read on--><p>Rest</p>',
      keywords: ['a', 'b', 'c'],
      status: 'future',
      categories: ['X', 'Y'],
    })
    expect(
      readPost(
        struct({ postid: '9', post_status: 'publish', date_created_gmt: new XmlRpcDateTime(2029, 1, 1, 0, 0, 0) }),
        'UTC',
        'm',
        undefined,
        now,
      ).status,
    ).toBe('publish')
    expect(readPost(struct({ postid: '9', description: 'x', mt_text_more: '' }), 'UTC', 'm')).toMatchObject({
      description: 'x',
      status: null,
      link: null,
    })
  })
})
