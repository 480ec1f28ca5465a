import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GitObjects } from '../../src/git/git-objects.js';
import { draftRepository, readCommittedDraft } from '../../src/git/read-committed-draft.js';
import { setInputLimits } from '../../src/limits/input-limits.js';
import { contentHash } from '../../src/store/parse-cache.js';
import { rejection, removeTempDirs } from '../helpers/sandbox.js';
import { makeTempRepo } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);
afterEach(() => setInputLimits());

const repo = makeTempRepo('Chair');
const draft = join(repo.root, 'drafts', 'd');
mkdirSync(join(draft, 'paragraphs'), { recursive: true });
const small = 'address: "1"\n';
const big = `text: ${'x'.repeat(3000)}\n`;
writeFileSync(join(draft, 'draft.yaml'), 'title: T\nsections: []\n');
writeFileSync(join(draft, 'paragraphs', '001.yaml'), small);
writeFileSync(join(draft, 'paragraphs', '002.yaml'), big);
writeFileSync(join(draft, 'paragraphs', 'notes.txt'), 'not a paragraph file');
symlinkSync('001.yaml', join(draft, 'paragraphs', '003.yaml'));
repo.git('add', '-A');
repo.git('commit', '-q', '-m', 'files');
const objectOf = (path: string) => repo.git('rev-parse', `HEAD:${path}`).trim();

describe('GitObjects', () => {
  it('reads many objects in one go, an object past the size limit as a refusal, and each object once', async () => {
    setInputLimits({ fileSize: 1024 });
    const objects = new GitObjects(repo.root);
    const [one, two] = [objectOf('drafts/d/paragraphs/001.yaml'), objectOf('drafts/d/paragraphs/002.yaml')];
    const read = await objects.read([one, two, one]);
    expect(read.get(one)).toEqual(Buffer.from(small));
    expect(read.get(two)).toEqual({ unreadable: 'not read: it is 3007 bytes, past the limit of 1 KiB (raise it with --max-file-size or NDRAFT_MAX_FILE_SIZE)' });
    expect(objects.contentHash(one, read.get(one) as Buffer)).toBe(contentHash(Buffer.from(small)));
  });

  it('an object git does not have is an error, not a crash', async () => {
    const error = await rejection(new GitObjects(repo.root).read(['0123456789012345678901234567890123456789']));
    expect(error.message).toBe('git did not give the file 0123456789012345678901234567890123456789: 0123456789012345678901234567890123456789 missing');
  });
});

describe('readCommittedDraft', () => {
  it('lists draft.yaml and paragraphs/*.yaml only; a link in git is refused, not followed', async () => {
    const committed = await readCommittedDraft(draftRepository(draft), 'HEAD');
    expect(committed.repository.draftPath).toBe('drafts/d');
    expect(committed.commit).toBe(repo.git('rev-parse', 'HEAD').trim());
    expect(committed.draftFile).toMatchObject({ shownAs: 'HEAD:drafts/d/draft.yaml', name: 'draft.yaml' });
    expect(committed.paragraphs.map((p) => [p.name, Buffer.isBuffer(p.bytes) ? p.bytes.toString() : p.bytes])).toEqual([
      ['001.yaml', small],
      ['002.yaml', big],
      ['003.yaml', { unreadable: 'not read: a symbolic link in git, not a file' }],
    ]);
  });
});
