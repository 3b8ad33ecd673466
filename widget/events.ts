/** The element's events: typed, bubbling and composed, so a host page can listen anywhere. */
import type { ReleaseDocument } from '../data/schema';

/** What went wrong, in the shape of the API's problem documents (RFC 9457). */
export interface WidgetProblem {
  title: string;
  status?: number;
  detail: string;
}

/** Fired when the element has a document to show. */
export class BelarusReleaseLoadEvent extends Event {
  static readonly type = 'belarus-release-load';
  constructor(readonly release: ReleaseDocument) {
    super(BelarusReleaseLoadEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the element could not get a document; it shows its error state. */
export class BelarusReleaseErrorEvent extends Event {
  static readonly type = 'belarus-release-error';
  constructor(readonly problem: WidgetProblem) {
    super(BelarusReleaseErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'belarus-release-load': BelarusReleaseLoadEvent;
    'belarus-release-error': BelarusReleaseErrorEvent;
  }
}
