/**
 * Reading a GeoJSON FeatureCollection one feature at a time, from text in chunks of any size,
 * so a layer of a million points never exists as one string or one array of features.
 *
 * The reader follows the structure of the top-level object itself and hands every other value
 * (each feature, `type`, any other member) to `JSON.parse` whole, so together they accept
 * exactly what `JSON.parse` accepts. When the text is not valid JSON, or not an object, it
 * throws a {@link JsonStreamError}; the caller then reads the file whole to report it with the
 * same message as before. A second `features` member is refused (`JSON.parse` would silently
 * keep only the last one).
 */

/** The text is not a JSON object as the reader expects; the message is for debugging only. */
export class JsonStreamError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'JsonStreamError';
  }
}

/** A FeatureCollection whose `features` member appears twice. */
export class DuplicateFeaturesError extends Error {
  constructor() {
    super('the FeatureCollection has more than one "features" member; keep one');
    this.name = 'DuplicateFeaturesError';
  }
}

// Where the reader is in the top-level object.
const START = 0;
const KEY_OR_CLOSE = 1;
const KEY = 2;
const COLON = 3;
const VALUE = 4;
const MEMBER_END = 5;
const FIRST_ITEM_OR_CLOSE = 6;
const ITEM = 7;
const ITEM_END = 8;
const END = 9;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** What the top-level object held besides its features. */
export interface CollectionInfo {
  /** The `type` member's value (undefined when absent). */
  readonly type: unknown;
  /** True when a `features` member held an array (its items went to `onFeature`). */
  readonly hasFeatures: boolean;
}

export class FeatureStream {
  readonly #onFeature: (text: string) => void;
  #state = START;
  /** Member key being read or last read. */
  #key = '';
  #type: unknown;
  #hasFeatures = false;
  #started = false;
  // The value being captured: its text so far, and where the scanner is inside it.
  #capturing = false;
  #piece = '';
  #depth = 0;
  #inString = false;
  #escaped = false;
  #primitive = false;
  /** What the captured value is: a key, an item of `features`, or a member value. */
  #target: typeof KEY | typeof ITEM | typeof VALUE = VALUE;

  /** `onFeature` gets the JSON text of each item of `features`, in order. */
  constructor(onFeature: (text: string) => void) {
    this.#onFeature = onFeature;
  }

  push(chunk: string): void {
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let i = 0;
    /** Where the captured value's text starts in this chunk. */
    let from = 0;
    while (i < text.length) {
      if (this.#capturing) {
        const end = this.#scan(text, i);
        if (end < 0) break;
        this.#piece += text.slice(from, end);
        this.#capturing = false;
        this.#finish();
        i = end;
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      switch (this.#state) {
        case START:
          if (c !== 0x7b) throw new JsonStreamError('the text does not start with an object');
          this.#state = KEY_OR_CLOSE;
          break;
        case KEY_OR_CLOSE:
        case KEY:
          if (c === 0x7d && this.#state === KEY_OR_CLOSE) this.#state = END;
          else if (c === 0x22) this.#begin(c, KEY);
          else throw new JsonStreamError('expected a member name');
          break;
        case COLON:
          if (c !== 0x3a) throw new JsonStreamError('expected ":"');
          this.#state = VALUE;
          break;
        case VALUE:
          if (this.#key === 'features' && c === 0x5b) {
            if (this.#hasFeatures) throw new DuplicateFeaturesError();
            this.#hasFeatures = true;
            this.#state = FIRST_ITEM_OR_CLOSE;
          } else this.#begin(c, VALUE);
          break;
        case MEMBER_END:
          if (c === 0x2c) this.#state = KEY;
          else if (c === 0x7d) this.#state = END;
          else throw new JsonStreamError('expected "," or "}" after a member');
          break;
        case FIRST_ITEM_OR_CLOSE:
        case ITEM:
          if (c === 0x5d && this.#state === FIRST_ITEM_OR_CLOSE) this.#state = MEMBER_END;
          else this.#begin(c, ITEM);
          break;
        case ITEM_END:
          if (c === 0x2c) this.#state = ITEM;
          else if (c === 0x5d) this.#state = MEMBER_END;
          else throw new JsonStreamError('expected "," or "]" after a feature');
          break;
        default:
          throw new JsonStreamError('text after the end of the object');
      }
      if (this.#capturing) from = i;
      i++;
    }
    if (this.#capturing) this.#piece += text.slice(from);
  }

  /** Ends the input; returns what the object held besides its features. */
  end(): CollectionInfo {
    if (this.#capturing || this.#state !== END) throw new JsonStreamError('the text ends inside the object');
    return { type: this.#type, hasFeatures: this.#hasFeatures };
  }

  /** Starts capturing a value whose first character is `c` (consumed by the caller). */
  #begin(c: number, target: typeof KEY | typeof ITEM | typeof VALUE): void {
    this.#capturing = true;
    this.#target = target;
    this.#piece = '';
    this.#depth = 0;
    this.#inString = false;
    this.#escaped = false;
    this.#primitive = false;
    if (c === 0x22) this.#inString = true;
    else if (c === 0x7b || c === 0x5b) this.#depth = 1;
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) this.#primitive = true;
    else throw new JsonStreamError('expected a value');
  }

  /**
   * Scans the captured value from `text[i]`; returns the index just after its end, or -1 when
   * it goes on past the chunk.
   */
  #scan(text: string, i: number): number {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (c === 0x5c) this.#escaped = true;
        else if (c === 0x22) {
          this.#inString = false;
          if (this.#depth === 0) return i + 1;
        }
      } else if (this.#primitive) {
        if (isSpace(c) || c === 0x2c || c === 0x5d || c === 0x7d) return i;
      } else if (c === 0x22) this.#inString = true;
      else if (c === 0x7b || c === 0x5b) this.#depth++;
      else if (c === 0x7d || c === 0x5d) {
        this.#depth--;
        if (this.#depth === 0) return i + 1;
      }
    }
    return -1;
  }

  /** A captured value is complete: a key, a feature or a member value. */
  #finish(): void {
    const piece = this.#piece;
    this.#piece = '';
    if (this.#target === ITEM) {
      this.#onFeature(piece);
      this.#state = ITEM_END;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(piece);
    } catch (e) {
      throw new JsonStreamError((e as Error).message);
    }
    if (this.#target === KEY) {
      this.#key = value as string;
      this.#state = COLON;
    } else {
      if (this.#key === 'type') this.#type = value;
      // A `features` member that is no array: the whole-file reading reports it.
      if (this.#key === 'features') throw new JsonStreamError('"features" is not an array');
      this.#state = MEMBER_END;
    }
  }
}
