import type { FrameLocator, Locator } from '@playwright/test';
import { expect } from './extension';

/**
 * Adds a participant the panel shows as "not mapped" as a stakeholder with the
 * one-click form, as a CSM does, and waits for the row to show the position.
 * Answers the row.
 */
export async function addParticipantAsStakeholder(panel: FrameLocator, email: string, position: 'sponsor'): Promise<Locator> {
  const row = panel.locator(`[data-participant="${email}"]`);
  await expect(row).toHaveAttribute('data-position', 'not-mapped');
  await row.getByRole('button', { name: /as stakeholder/ }).click();
  await row.getByLabel('Position').selectOption(position);
  await row.getByRole('button', { name: 'Save stakeholder' }).click();
  await expect(row).toHaveAttribute('data-position', position);
  return row;
}
