import { expect, type Page } from '@playwright/test';

/**
 * Fits the whole map in view, as a user does with "Fit view", and waits until it is drawn.
 *
 * The button is pressed once the canvas shows its opening view (the view has left the off-screen
 * place it waits in until the canvas has a size, src/editor/Editor.tsx): pressed before, React
 * Flow queues the fit until the cards are measured and it lands later, so what a test counts right
 * after would be the opening view's cards, not the map's. Fitting may animate: the wait ends when
 * the viewport's transform has held still for three frames.
 */
export async function fitView(page: Page, name: string | RegExp = /fit view/i) {
  await expect(page.locator('.react-flow__viewport')).not.toHaveAttribute('style', /-1000000px/);
  await page.getByRole('button', { name }).click();
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
        let last = viewport?.style.transform;
        let still = 0;
        const tick = () => {
          const now = viewport?.style.transform;
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 3) resolve(true);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}
