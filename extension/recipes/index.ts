// The recipe registry: every legacy system screen the extension can fill, listed once.
import { demoLegacyTennyu } from './demo-legacy-tennyu.ts';
import type { Recipe } from './types.ts';

export const RECIPES: readonly Recipe[] = [demoLegacyTennyu];

export function findRecipe(url: URL): Recipe | undefined {
  return RECIPES.find((r) => r.matches(url));
}
