// The back office's own static files (CSS, the editor's small script), served under /ecrire/assets/.
import { loadAssetFolder, type Asset } from '../web/asset-folder.ts';

const adminAssets = loadAssetFolder('admin/assets', '/ecrire/assets/');

export function getAdminAsset(name: string): Asset | undefined {
  return adminAssets.get(name);
}

export function adminAssetUrl(name: string): string {
  return adminAssets.url(name);
}
