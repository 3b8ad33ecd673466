/**
 * widget.js as the worker serves it, and the npm package's `define` entry: the element,
 * registered as `<belarus-release>`. widget/belarus-release.ts only declares the class, so a
 * bundler user can import it without registering anything.
 */
import { BelarusReleaseElement } from './belarus-release';

export * from './belarus-release';

// A page may include the script twice (or two versions of it): the first definition wins.
if (!customElements.get('belarus-release')) customElements.define('belarus-release', BelarusReleaseElement);

declare global {
  interface HTMLElementTagNameMap {
    'belarus-release': BelarusReleaseElement;
  }
}
