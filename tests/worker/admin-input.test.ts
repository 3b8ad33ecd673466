/**
 * What an editor (or an attacker with the token) can send the admin API: every limit answered
 * with a 400 problem naming the field and the limit, never a 500, and nothing written
 * (issue 11, "What broke").
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_AUTHOR_LENGTH, MAX_DOCUMENT_BYTES, MAX_MESSAGE_LENGTH } from '../../data/limits';
import { ReleaseDocumentSchema, type ReleaseDocument } from '../../data/schema';
import { listRevisions, readCurrent } from '../../worker/store';
import { ADMIN_TOKEN, SEED_ID, adminInit, freshApp, seedDocument, store } from './helpers';

const URL_EN = `/api/releases/${SEED_ID}?lang=en`;
const FORCE = `${URL_EN}&force=true`;

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

async function expectUnchanged(revision: number) {
  expect((await readCurrent(env.RELEASES, SEED_ID, 'en'))?.revision).toBe(revision);
  expect((await listRevisions(env.RELEASES, SEED_ID, 'en')).length).toBe(revision);
}

describe('revision author and message', () => {
  const refused: [string, Record<string, string>, string, RegExp][] = [
    ['a message of 1,000 characters', { 'X-Revision-Message': 'm'.repeat(1000) }, 'X-Revision-Message', /500/],
    ['an author of 200 characters', { 'X-Revision-Author': 'a'.repeat(200) }, 'X-Revision-Author', /100/],
    [
      'an ANSI escape in the author',
      { 'X-Revision-Author': encodeURIComponent('\u001b[31mroot\u001b[0m') },
      'X-Revision-Author',
      /control/,
    ],
    [
      'an OSC escape in the message',
      { 'X-Revision-Message': encodeURIComponent('\u001b]0;pwned\u0007') },
      'X-Revision-Message',
      /control/,
    ],
    [
      'a bidi override in the message',
      { 'X-Revision-Message': encodeURIComponent('\u202efix') },
      'X-Revision-Message',
      /bidi/,
    ],
  ];
  for (const [what, headers, field, limit] of refused) {
    it(`refuses ${what} with 400, the field and the limit`, async () => {
      await store();
      const response = await freshApp().request(FORCE, adminInit('PUT', seedDocument(), headers));
      expect(response.status).toBe(400);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
      const body = (await response.json()) as Problem;
      expect(body.errors?.[0]?.path).toBe(field);
      expect(body.errors?.[0]?.message).toMatch(limit);
      await expectUnchanged(1);
    });
  }

  it('stores a message of 200 Cyrillic characters and gives it back in full', async () => {
    await store();
    const message = 'Исправлен заголовок. '.repeat(10).trim();
    const { request } = freshApp();
    const headers = { 'X-Revision-Message': encodeURIComponent(message) };
    expect((await request(FORCE, adminInit('PUT', { ...seedDocument(), headline: 'Edited' }, headers))).status).toBe(
      200,
    );
    const history = await request(`/api/releases/${SEED_ID}/revisions?lang=en`, adminInit('GET'));
    const { revisions } = (await history.json()) as { revisions: { message: string }[] };
    expect(revisions[1]!.message).toBe(message);
  });

  it('refuses a rollback message of 2,000 characters', async () => {
    await store();
    const body = JSON.stringify({ revision: 1, message: 'x'.repeat(2000) });
    const response = await freshApp().request(`/api/releases/${SEED_ID}/rollback?lang=en`, adminInit('POST', body));
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.[0]).toMatchObject({ path: '/message' });
    await expectUnchanged(1);
  });

  it('counts characters as the schema does: 100 doves are an author, 101 are not', async () => {
    await store();
    const author = (n: number) => ({ 'X-Revision-Author': encodeURIComponent('🕊'.repeat(n)) });
    const { request } = freshApp();
    const refused = await request(FORCE, adminInit('PUT', seedDocument(), author(MAX_AUTHOR_LENGTH + 1)));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).errors?.[0]?.message).toBe(
      `must be at most ${MAX_AUTHOR_LENGTH} characters, not ${MAX_AUTHOR_LENGTH + 1}`,
    );
    await expectUnchanged(1);
    expect(
      (await request(FORCE, adminInit('PUT', { ...seedDocument(), headline: 'Edited' }, author(MAX_AUTHOR_LENGTH))))
        .status,
    ).toBe(200);
  });

  it('accepts the maximum lengths', async () => {
    await store();
    const headers = {
      'X-Revision-Author': encodeURIComponent('Ё'.repeat(MAX_AUTHOR_LENGTH)),
      'X-Revision-Message': encodeURIComponent('ё'.repeat(MAX_MESSAGE_LENGTH)),
    };
    expect(
      (await freshApp().request(FORCE, adminInit('PUT', { ...seedDocument(), headline: 'Edited' }, headers))).status,
    ).toBe(200);
  });
});

/** A document with the reviewer's mistakes: a misspelt field, a summary too long, a negative count. */
function mistaken(): Record<string, unknown> {
  const { headline, ...rest } = seedDocument();
  return { ...rest, headlnie: headline, summary: 'ё'.repeat(801), released: { ...rest.released, count: -1 } };
}

/** What the CLI's validate says of {@link mistaken} too (tests/cli/cli.test.ts checks the same words). */
const MISTAKES = [
  { path: '/headline', message: 'is missing: add it (string)' },
  { path: '/headlnie', message: 'unknown field "headlnie": did you mean "headline"?' },
  { path: '/summary', message: 'must be at most 800 characters, not 801' },
  { path: '/released/count', message: 'must be at least 0, not -1' },
];

describe("errors in an editor's words", () => {
  it('names a misspelt field at its own path with a hint, and says what a limit was given', async () => {
    await store();
    const response = await freshApp().request(FORCE, adminInit('PUT', mistaken()));
    expect(response.status).toBe(400);
    const body = (await response.json()) as Problem & { type: string; title: string };
    expect(body).toMatchObject({ type: 'tag:belarus-release,2025:invalid-document', title: 'Invalid document' });
    expect(body.errors).toEqual(expect.arrayContaining(MISTAKES));
    expect(body.errors).toHaveLength(MISTAKES.length);
    await expectUnchanged(1);
  });

  const requests: [string, string, RequestInit, string, string][] = [
    [
      'a revision that is no number',
      `/api/releases/${SEED_ID}/revisions/abc`,
      adminInit('GET'),
      '/n',
      'must be a number, not "abc"',
    ],
    [
      'a card without its revision',
      `/api/releases/${SEED_ID}/card?lang=en`,
      {
        ...adminInit('PUT'),
        body: new Uint8Array(8),
        headers: { ...adminInit('PUT').headers, 'Content-Type': 'image/png' },
      },
      '/revision',
      'is missing: add it (number)',
    ],
  ];
  for (const [what, url, init, path, message] of requests) {
    it(`answers ${what} as an invalid request, not an invalid document`, async () => {
      await store();
      const response = await freshApp().request(url, init);
      expect(response.status).toBe(400);
      const body = (await response.json()) as Problem & { type: string; title: string };
      expect(body).toMatchObject({ type: 'tag:belarus-release,2025:invalid-request', title: 'Invalid request' });
      expect(body.errors).toContainEqual({ path, message });
    });
  }

  it('titles a rollback body that fails as the request body it is', async () => {
    await store();
    const response = await freshApp().request(
      `/api/releases/${SEED_ID}/rollback?lang=en`,
      adminInit('POST', { revision: 0 }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as Problem & { type: string; title: string };
    expect(body).toMatchObject({ type: 'tag:belarus-release,2025:invalid-request', title: 'Invalid request body' });
    expect(body.errors).toContainEqual({ path: '/revision', message: 'must be at least 1, not 0' });
  });
});

describe('a rollback', () => {
  const rollback = (query: string, body: unknown) =>
    freshApp().request(`/api/releases/${SEED_ID}/rollback${query}`, adminInit('POST', body));

  it('refuses an unknown field in its body (a misspelt message), naming what was meant', async () => {
    await store();
    const response = await rollback('?lang=en', { revision: 1, mesage: 'typo' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors).toEqual([
      { path: '/mesage', message: 'unknown field "mesage": did you mean "message"?' },
    ]);
    await expectUnchanged(1);
  });

  it('needs ?lang: none is refused, naming /lang and the languages, rather than rolling English back', async () => {
    await store();
    const response = await rollback('', { revision: 1 });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as Problem;
    expect(errors).toEqual([{ path: '/lang', message: 'is missing: add it (one of en, be, ru, uk, pl, lt)' }]);
    await expectUnchanged(1);
  });

  it('names the document when there is no such revision (404)', async () => {
    await store();
    const response = await rollback('?lang=en', { revision: 99 });
    expect(response.status).toBe(404);
    expect(((await response.json()) as Problem).detail).toContain(`There is no revision 99 of ${SEED_ID}/en`);
  });
});

describe('ids', () => {
  const id = 'x'.repeat(600);
  for (const [what, path, init] of [
    ['revisions', `/api/releases/${id}/revisions`, adminInit('GET')],
    ['one revision', `/api/releases/${id}/revisions/1`, adminInit('GET')],
    ['rollback', `/api/releases/${id}/rollback?lang=en`, adminInit('POST', { revision: 1 })],
    ['PUT', `/api/releases/${id}?force=true`, adminInit('PUT', { ...seedDocument(), id })],
  ] as const) {
    it(`of 600 characters on ${what} answer 400 with the limit`, async () => {
      const response = await freshApp().request(path, init);
      expect(response.status).toBe(400);
      const { errors } = (await response.json()) as Problem;
      expect(errors?.[0]).toMatchObject({ path: '/id', message: expect.stringMatching(/80/) });
    });
  }
});

describe('the bearer scheme', () => {
  for (const header of [
    `bearer ${ADMIN_TOKEN}`,
    `BEARER ${ADMIN_TOKEN}`,
    `Bearer ${ADMIN_TOKEN} `,
    ` Bearer  ${ADMIN_TOKEN}`,
  ]) {
    it(`accepts ${JSON.stringify(header)}`, async () => {
      await store();
      const init = adminInit('GET', undefined, { Authorization: header });
      expect((await freshApp().request(`/api/releases/${SEED_ID}/revisions?lang=en`, init)).status).toBe(200);
    });
  }
});

describe('source URLs', () => {
  it('refuses a user or password', () => {
    const doc = seedDocument();
    doc.sources[0]!.url = 'https://www.bbc.co.uk@evil.example/path';
    const result = ReleaseDocumentSchema.safeParse(doc);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('/'))).toContain('sources/0/url');
  });

  it('stores them normalised: percent-encoded, never a raw quote or angle bracket', async () => {
    await store();
    const doc = seedDocument();
    doc.sources[0]!.url = 'https://www.bbc.co.uk/news/x"><img/src=x/onerror=alert(1)>';
    const response = await freshApp().request(FORCE, adminInit('PUT', doc));
    expect(response.status).toBe(200);
    const url = (await readCurrent(env.RELEASES, SEED_ID, 'en'))!.document.sources[0]!.url;
    expect(url).toBe('https://www.bbc.co.uk/news/x%22%3E%3Cimg/src=x/onerror=alert(1)%3E');
  });
});

describe('bidirectional control characters', () => {
  for (const char of ['\u202a', '\u202e', '\u2066', '\u2069']) {
    it(`are refused in every text field (U+${char.codePointAt(0)!.toString(16).toUpperCase()})`, async () => {
      await store();
      const doc = seedDocument();
      doc.summary = `${char}123 freed`;
      doc.people[0]!.aliases = [`x${char}y`];
      const response = await freshApp().request(FORCE, adminInit('PUT', doc));
      expect(response.status).toBe(400);
      const paths = ((await response.json()) as Problem).errors!.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['/summary', '/people/0/aliases/0']));
      await expectUnchanged(1);
    });
  }
});

describe('document size', () => {
  /** A valid document of about `bytes` bytes of compact JSON, grown through people's descriptions. */
  function documentOf(bytes: number): ReleaseDocument {
    const doc = seedDocument();
    const template = doc.people[0]!;
    for (let i = 0; JSON.stringify(doc).length < bytes && doc.people.length < 50; i++) {
      doc.people.push({ ...template, id: `person-${i}`, description: `${'d'.repeat(395)} ${i}`, aliases: [] });
      doc.people.at(-1)!.aliases = Array.from({ length: 10 }, (_, j) => `${'a'.repeat(110)} ${i} ${j}`);
    }
    return doc;
  }

  it('refuses a document larger than the body limit in the schema, with the limit', () => {
    const result = ReleaseDocumentSchema.safeParse(documentOf(74 * 1024));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(String(MAX_DOCUMENT_BYTES));
  });

  it('takes every valid document through the admin API, up to the limit', async () => {
    await store();
    const doc = documentOf(MAX_DOCUMENT_BYTES - 1500);
    expect(ReleaseDocumentSchema.safeParse(doc).success).toBe(true);
    const response = await freshApp().request(FORCE, adminInit('PUT', doc));
    expect(response.status).toBe(200);
  });
});
