/**
 * A reactive controller that runs an async load whenever its arguments change, with an
 * AbortSignal, and renders by state: the part of @lit/task this element needs, at a third of
 * its size (the element's budget is 10 KB gzip, Lit included).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type LoadState<T> =
  { status: 'pending' } | { status: 'complete'; value: T } | { status: 'error'; error: unknown };

/**
 * @example
 * #load = new LoadController(this, () => this.url, (signal) => fetch(this.url, { signal }));
 */
export class LoadController<T> implements ReactiveController {
  state: LoadState<T> = { status: 'pending' };
  #key: string | undefined;
  #abort: AbortController | undefined;

  /**
   * @param key what the load depends on: a new key loads again
   * @param load the load, reading what it needs from the host
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly key: () => string,
    private readonly load: (signal: AbortSignal) => Promise<T>,
  ) {
    host.addController(this);
  }

  /** Before each render: load again when the key changed. */
  hostUpdate(): void {
    if (this.key() !== this.#key) this.run();
  }

  /** Nothing loads for a detached element; a load cut short resumes when it comes back. */
  hostDisconnected(): void {
    if (this.state.status !== 'pending') return;
    this.#abort?.abort();
    this.#key = undefined;
  }

  hostConnected(): void {
    if (this.#key === undefined) this.host.requestUpdate();
  }

  /** Loads now (again), abandoning any load in flight. */
  run(): void {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#key = this.key();
    this.state = { status: 'pending' };
    // Shows that it is loading (a no-op when the load starts inside an update).
    this.host.requestUpdate();
    const settle = (state: LoadState<T>) => {
      if (abort.signal.aborted) return;
      this.state = state;
      this.host.requestUpdate();
    };
    this.load(abort.signal).then(
      (value) => settle({ status: 'complete', value }),
      (error: unknown) => settle({ status: 'error', error }),
    );
  }
}
