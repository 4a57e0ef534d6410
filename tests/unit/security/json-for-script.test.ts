import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../../src/lib/security/escape.ts';

describe('jsonForScript', () => {
  it('leaves no character that could end a script element or open a comment', () => {
    const value = { a: '</script><!-- & -->', b: 'line\u2028sep\u2029' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
