import { EXTENSION_FOR, type ImageType } from './image-header';

/** An image as pages use it: its public URL and its size (width/height prevent layout shift). */
export type ImageRef = { id: string; url: string; width: number; height: number };

export function imageUrl(sha256: string, type: string): string {
	return `/media/${sha256}.${EXTENSION_FOR[type as ImageType] ?? 'bin'}`;
}

export const IMAGE_FILE_NAME = /^([0-9a-f]{64})\.(png|jpg|webp)$/;
