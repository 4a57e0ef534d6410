/**
 * The two DOM tasks every client element shares: finding the part of its server-rendered markup
 * it needs (`required`, typed, with an error naming the selector instead of a `!` that fails
 * later as "cannot read properties of null"), and building nodes from text (`el`), never from
 * HTML strings.
 */

/** A DOM class (`HTMLInputElement`, `HTMLElement` …) that `instanceof` checks. */
export type ElementClass<T extends Element> = abstract new (...args: never[]) => T;

/** The first element under `root` matching `selector`, checked to be a `type`; throws naming the selector otherwise. */
export function required<T extends Element>(root: ParentNode, selector: string, type: ElementClass<T>): T {
  const found = root.querySelector(selector);
  if (found instanceof type) return found;
  throw new Error(
    found === null
      ? `required element not found: ${selector}`
      : `required element ${selector} is a <${found.tagName.toLowerCase()}>, not a ${type.name}`,
  );
}

/** An element with attributes and children (text as text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Runs `callback` once `target` comes within `rootMargin` of the viewport (and `ready()` holds then). */
export function whenNear(target: Element, rootMargin: string, callback: () => void, ready = () => true): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting) && ready()) {
        observer.disconnect();
        callback();
      }
    },
    { rootMargin },
  );
  observer.observe(target);
}
