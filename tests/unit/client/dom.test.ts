import { describe, expect, it } from 'vitest';
import { required } from '../../../src/lib/client/dom.ts';

/** Stand-ins for DOM classes (the unit tests run in Node, without a DOM). */
class FakeElement {
  tagName: string;
  constructor(tagName: string) {
    this.tagName = tagName;
  }
}
class FakeInput extends FakeElement {}

/** A root whose querySelector answers from a table. */
function root(found: Record<string, FakeElement>): ParentNode {
  return { querySelector: (selector: string) => found[selector] ?? null } as unknown as ParentNode;
}

describe('required', () => {
  it('returns the element matching the selector when it has the asked type', () => {
    const input = new FakeInput('INPUT');
    expect(required(root({ 'input[name=q]': input }), 'input[name=q]', FakeInput as never)).toBe(input);
  });

  it('names the selector when nothing matches', () => {
    expect(() => required(root({}), '[data-status]', FakeElement as never)).toThrow(
      'required element not found: [data-status]',
    );
  });

  it('names the selector, the tag found and the type asked when the type is wrong', () => {
    expect(() => required(root({ form: new FakeElement('DIV') }), 'form', FakeInput as never)).toThrow(
      'required element form is a <div>, not a FakeInput',
    );
  });
});
