/** Set-up for the element's browser tests: mounting, waiting, and the shipped document. */
import { inject } from 'vitest';
import seed from '../../data/releases/belarus-2025-12/en.json';
import '../../widget/define';
import type { BelarusReleaseElement } from '../../widget/belarus-release';
import type { ReleaseDocument } from '../../data/schema';

/** The running worker (tests/widget/global-setup.ts). */
export const API = inject('apiOrigin');

export function seedDocument(): ReleaseDocument {
  return structuredClone(seed) as ReleaseDocument;
}

/** Puts `<belarus-release>` with `attributes` (and optional light-DOM `inner` HTML) on the page. */
export function mount(attributes: Record<string, string> = {}, inner = ''): BelarusReleaseElement {
  const el = document.createElement('belarus-release');
  el.setAttribute('api', API);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = inner;
  document.body.append(el);
  return el;
}

/** Inline data, the way a site owner writes it. */
export function inlineJson(doc: unknown): string {
  return `<script type="application/json">${JSON.stringify(doc).replaceAll('<', '\\u003c')}</script>`;
}

/** Resolves with the element's next load or error event. */
export function settled(el: HTMLElement): Promise<Event> {
  return new Promise((resolve) => {
    el.addEventListener('belarus-release-load', resolve, { once: true });
    el.addEventListener('belarus-release-error', resolve, { once: true });
  });
}

/** The element's rendered text, after its current update. */
export async function textOf(el: BelarusReleaseElement): Promise<string> {
  await el.updateComplete;
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

/** Resolves after `count` animation frames: what a reader would have seen painted by then. */
export async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise(requestAnimationFrame);
}
