import { expect, type Locator } from '@playwright/test';

/**
 * Scrolls `locator` into view and waits until the browser has laid out what it holds. The report's sections
 * are `content-visibility: auto` (base.css): one off screen is skipped, its contents neither laid out nor
 * painted, until it nears the viewport, and the browser catches up a frame or more after the scroll. A
 * screenshot or a geometry read taken before then sees an empty box. Sections near it that are laid out
 * for the first time at the same moment can push it back out of view, so each try scrolls to it again.
 */
export async function scrollIntoLaidOutView(locator: Locator): Promise<void> {
  await expect
    .poll(async () => {
      await locator.scrollIntoViewIfNeeded();
      return locator.evaluate(isLaidOut);
    })
    .toBe(true);
}

/** Whether the content-visibility container around `element` (if any) has its contents rendered. */
function isLaidOut(element: Element): boolean {
  let container: Element | null = element;
  while (container && getComputedStyle(container).contentVisibility !== 'auto') container = container.parentElement;
  // A container's own box is never skipped, only what is inside it: ask its first child. Skipped means
  // visible to a plain check but not to one that counts content-visibility (so display: none is no answer).
  const inside = container?.firstElementChild;
  if (!inside) return true;
  return inside.checkVisibility({ contentVisibilityAuto: true }) === inside.checkVisibility();
}
