// The WHATWG URL class exists in every runtime this package runs in (Node, browsers), but it lives in
// the DOM and Node type libraries, which this package leaves out on purpose.
declare class URL {
  constructor(url: string, base?: string | URL);
  static canParse(url: string, base?: string): boolean;
  readonly protocol: string;
  readonly hostname: string;
  readonly href: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly host: string;
  toString(): string;
}

// Same for WHATWG URLSearchParams: only what this package uses.
declare class URLSearchParams {
  constructor(init?: string | readonly (readonly [string, string])[] | Record<string, string>);
  entries(): IterableIterator<[string, string]>;
  toString(): string;
}
