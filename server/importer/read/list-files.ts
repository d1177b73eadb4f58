/**
 * Which files an import reads. Only regular files count; a symlink is followed only while its
 * real path stays inside the folder it was found in (one pointing out — to /etc/passwd, /dev/zero
 * — is skipped); folders are recognised by device and inode, so a symlink loop is reported once
 * instead of being walked until paths get too long. A path given explicitly is the user's choice
 * and is followed wherever it points, but must still be a regular file or a folder.
 */
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, isAbsolute } from 'node:path';
import type { SkippedFile } from './types.js';

/** A file to read: the path the user sees (a symlink's own path) and the real path to open. */
export interface ListedFile {
  path: string;
  realPath: string;
}

/** What a non-regular file is, for the skip reason. */
export function fileKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isDirectory()) return 'a folder';
  return 'not a file';
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const identity = (info: Stats): string => `${info.dev}:${info.ino}`;

export async function listFiles(
  paths: string[],
  isSupported: (path: string) => boolean,
  skipped: SkippedFile[],
): Promise<ListedFile[]> {
  const files: ListedFile[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  const skip = (path: string, reason: string) => skipped.push({ path, reason });

  const addFile = (path: string, realPath: string, info: Stats) => {
    // The same file reached twice (given twice, or by a symlink inside the folder) is read once.
    if (seenFiles.has(identity(info))) return;
    seenFiles.add(identity(info));
    files.push({ path, realPath });
  };

  /** A folder's entries; `ancestors` are the folders being walked above it (for loop detection). */
  const walk = async (folder: string, realFolder: string, root: string, ancestors: Set<string>) => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      skip(folder, `could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const visible = entries.filter((entry) => !entry.name.startsWith('.'));
    visible.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of visible) {
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) await visitLink(path, root, ancestors);
      else if (entry.isDirectory()) await visitFolder(path, join(realFolder, entry.name), root, ancestors);
      else if (isSupported(path)) await visitEntry(path, join(realFolder, entry.name));
    }
  };

  const visitFolder = async (path: string, realPath: string, root: string, ancestors: Set<string>) => {
    let info: Stats;
    try {
      info = await lstat(realPath);
    } catch (error) {
      skip(path, `could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const id = identity(info);
    if (ancestors.has(id)) {
      skip(path, `symlink loop: leads back to ${realPath}, a folder it is in; not followed`);
      return;
    }
    if (seenFolders.has(id)) return; // already read by another way in
    seenFolders.add(id);
    await walk(path, realPath, root, new Set([...ancestors, id]));
  };

  /** A regular-looking entry found in a folder: checked again with lstat, which does not follow. */
  const visitEntry = async (path: string, realPath: string) => {
    const info = await lstat(realPath).catch(() => null);
    if (!info) skip(path, 'no such file or folder');
    else if (!info.isFile()) skip(path, `not a regular file (${fileKind(info)})`);
    else addFile(path, realPath, info);
  };

  const visitLink = async (path: string, root: string, ancestors: Set<string>) => {
    let target: string;
    try {
      target = await realpath(path);
    } catch (error) {
      if (errorCode(error) === 'ELOOP') skip(path, 'symlink loop: it never reaches a file; not followed');
      else skip(path, 'broken symlink: its target does not exist');
      return;
    }
    if (!isInside(root, target)) {
      skip(path, `symlink to ${target}, outside the folder ${root}; not followed`);
      return;
    }
    const info = await lstat(target).catch(() => null);
    if (!info) skip(path, 'broken symlink: its target does not exist');
    else if (info.isDirectory()) await visitFolder(path, target, root, ancestors);
    else if (!isSupported(path)) return;
    else if (!info.isFile()) skip(path, `not a regular file (${fileKind(info)})`);
    else addFile(path, target, info);
  };

  for (const given of paths) {
    const path = resolve(given);
    let realPath: string;
    let info: Stats;
    try {
      realPath = await realpath(path);
      info = await stat(realPath);
    } catch (error) {
      skip(path, errorCode(error) === 'ELOOP' ? 'symlink loop: it never reaches a file' : 'no such file or folder');
      continue;
    }
    if (info.isDirectory()) {
      if (seenFolders.has(identity(info))) continue;
      seenFolders.add(identity(info));
      await walk(path, realPath, realPath, new Set([identity(info)]));
    } else if (!info.isFile()) {
      skip(path, `not a regular file (${fileKind(info)})`);
    } else if (isSupported(path)) {
      addFile(path, realPath, info);
    } else {
      skip(path, `unsupported file type "${extname(path) || 'none'}" (use .txt, .md, .html or .json)`);
    }
  }
  return files;
}
