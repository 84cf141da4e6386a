import { describe, expect, it } from 'vitest';
import { splitHosts } from './primary.js';

describe('a database URL with several hosts', () => {
  it.each([
    ['postgres://db.example:5432/tingjian', ['postgres://db.example:5432/tingjian']],
    [
      'postgres://app:s3cret@10.0.0.1:5433,10.0.0.2:5434/tingjian?target_session_attrs=read-write',
      ['postgres://app:s3cret@10.0.0.1:5433/tingjian', 'postgres://app:s3cret@10.0.0.2:5434/tingjian'],
    ],
    [
      'postgresql://h1,h2:5434/db?sslmode=require&target_session_attrs=read-write',
      ['postgresql://h1/db?sslmode=require', 'postgresql://h2:5434/db?sslmode=require'],
    ],
    ['postgres://u@h1:1,h2:2', ['postgres://u@h1:1', 'postgres://u@h2:2']],
  ])('%s → one URL per host, in order', (url, expected) => {
    expect(splitHosts(url)).toEqual(expected);
  });
});
