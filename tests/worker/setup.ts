// KV storage is shared by the tests of one file; start every test from an empty store.
import { reset } from 'cloudflare:test';
import { beforeEach } from 'vitest';

beforeEach(() => reset());
