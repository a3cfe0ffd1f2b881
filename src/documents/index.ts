// Documents (uploaded files): the library, upload with content sniffing, the allowed types, storage under
// the data folder, attaching a document to an article, and what is made from images (sizes, icons). The only
// door into this module.
export { listDocuments } from './library.ts';
export { librarySorts, listLibraryDocuments } from './library-list.ts';
export type { LibraryFilter, LibrarySort } from './library-list.ts';
export { BULK_DELETE_MAX, deleteUnusedDocuments } from './operations/delete-unused-documents.ts';
export type { DocumentSummary } from './library.ts';
export { attachDocument, detachDocument } from './operations/attach-document.ts';
export { deleteDocument } from './operations/delete-document.ts';
export { updateDocument } from './operations/update-document.ts';
export { formatSize, uploadDocument } from './operations/upload-document.ts';
export { DEFAULT_MAX_UPLOAD_BYTES, acceptedExtensions, documentContentType, extensionOf } from './types.ts';
export type { Signature } from './types.ts';
export { sniff } from './sniff.ts';
export { documentsRoot } from './storage.ts';
export { articleDocuments, articlesUsingDocument, findDocumentByFile, loadDocument } from './library.ts';
export { imageAlt } from './alt-text.ts';
export { IMAGE_WIDTHS, hasSizes, imageSize, type ImageSize } from './sizes.ts';
export { ICON_SIZES, documentIcon, themeIcon, icoFromPng, type IconKind } from './icons.ts';
export type { DerivedFile } from './derived-files.ts';
export type { ByteRange, FileRead, Storage, StoredFile } from './file-storage.ts';
export { StorageUnavailable } from './file-storage.ts';
export { localStorage, readWhole, storageAt } from './local-storage.ts';
export { safeKey } from './sizes.ts';
export { openStorage } from './open-storage.ts';
export { documentPath } from './paths.ts';
