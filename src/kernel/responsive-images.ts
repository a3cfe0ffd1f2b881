// Which of an image's sizes a page asks for: the one rule shared by the theme's filters (image_url, srcset) and by
// the images the markup engine writes in a text (web/markup-resolver.ts). Pure: the sizes themselves are made by
// documents/sizes.ts, and their addresses are handed in as ImageSizes.

/** The sizes the site makes of its images, as pages need them. */
export interface ImageSizes {
  /** The widths made, smallest first. */
  widths: readonly number[];
  /** Whether an image has sizes (an SVG or a GIF is only served as it is); `mimeType` when the caller knows it. */
  sized(file: string, mimeType: string | undefined): boolean;
  /** The address of the size `width` of the image stored as `file`. */
  url(file: string, width: number): string;
}

/** What the rule reads of an image: its stored file, its own width when known, its type when known. */
export interface ImageRef {
  file: string;
  width: number | undefined;
  mimeType: string | undefined;
}

/**
 * The address of `image` for a box `wanted` pixels wide: the smallest size at least that wide, but no wider than
 * needed for the image's own width (a 500 px image asked at 960 is served from the 640 size, which is 500 px:
 * sizes are never enlarged), so that image_url and srcset share the same files. Undefined for an image without
 * sizes: the caller serves the original.
 */
export function imageUrl(images: ImageSizes, image: ImageRef, wanted = Infinity): string | undefined {
  if (!images.sized(image.file, image.mimeType) || images.widths.length === 0) return undefined;
  const target = Math.min(wanted, image.width ?? Infinity);
  const width = images.widths.find((w) => w >= target) ?? images.widths.at(-1)!;
  return images.url(image.file, width);
}

/**
 * The sizes a browser may choose from: those narrower than the image, then the one holding it whole, described
 * by its real width (the image's own, capped at the largest size). None for an image without sizes or of
 * unknown width: the browser then uses the src alone.
 */
export function sizeCandidates(images: ImageSizes, image: ImageRef): { url: string; width: number }[] {
  const own = image.width;
  if (own === undefined || !images.sized(image.file, image.mimeType) || images.widths.length === 0) return [];
  const largest = images.widths.at(-1)!;
  const entries = images.widths.filter((w) => w < own && w < largest).map((w) => ({ url: images.url(image.file, w), width: w }));
  const whole = images.widths.find((w) => w >= own) ?? largest;
  entries.push({ url: images.url(image.file, whole), width: Math.min(own, largest) });
  return entries;
}

/** The same as a srcset attribute (`/images/320/… 320w, /images/640/… 500w`), empty when there is none. */
export function srcset(images: ImageSizes, image: ImageRef): string {
  return sizeCandidates(images, image)
    .map(({ url, width }) => `${url} ${width}w`)
    .join(', ');
}
