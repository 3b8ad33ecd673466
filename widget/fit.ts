/**
 * A collapsed box ends on whole blocks: the summary, then who was freed person by person, are
 * hidden from the last while the box is taller than the height it reserved. Nothing is cut
 * mid-line and nothing scrolls; the reserved height stays the box's height, so showing the
 * facts shifts nothing on the page. Only the count, headline and date are never hidden: if
 * they alone do not fit, the box grows to them.
 */

/**
 * @example
 * fit(shadowRoot.querySelector('.box.collapsed'));
 */
export function fit(box: HTMLElement): void {
  // In order: the summary, who was freed with its first person (never a heading over
  // nothing), then each further person.
  const blocks = [...box.querySelectorAll('.summary,.key [part=people],.key li+li')];
  for (const block of blocks) block.classList.remove('cut');
  const height = parseFloat(getComputedStyle(box).minHeight);
  // Each pass lays out the key facts only (the rest is display: none), a handful at most.
  while (blocks.length > 0 && box.getBoundingClientRect().height > height) blocks.pop()!.classList.add('cut');
}
