// The public site's static files (src/site/assets/), served under /assets/.
import { loadAssetFolder, type Asset } from '../web/asset-folder.ts';

const siteAssets = loadAssetFolder('site/assets', '/assets/');

export type { Asset };

export function getAsset(name: string): Asset | undefined {
  return siteAssets.get(name);
}

export function assetUrl(name: string): string {
  return siteAssets.url(name);
}
