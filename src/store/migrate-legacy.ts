/**
 * Drafts saved by ndraft 0.1 still load: their paragraphs had no address (the number, which was
 * then limited to letters, digits, "." and "-", served as one) and their notes were plain strings.
 * Applied to a file's parsed YAML before the schema checks it; a current file passes unchanged.
 * The next write of a paragraph stores it in today's shape.
 */
export function migrateParagraphValue(value: unknown): unknown {
  // A current file (all but the oldest) is not copied: loading a draft reads thousands.
  if (!isRecord(value) || !paragraphNeedsMigration(value)) return value;
  const migrated: Record<string, unknown> = { ...value };
  if (migrated.address === undefined && typeof migrated.number === 'string') migrated.address = migrated.number;
  migrateNotes(migrated);
  if (Array.isArray(migrated.items)) migrated.items = migrated.items.map(withMigratedParts);
  if (Array.isArray(migrated.alternatives)) migrated.alternatives = migrated.alternatives.map(withMigratedParts);
  return migrated;
}

export function migrateDraftValue(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const migrated: Record<string, unknown> = { ...value };
  migrateNotes(migrated);
  return migrated;
}

export function migrateHistoryValue(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value.changes)) return value;
  return {
    ...value,
    changes: value.changes.map((change: unknown) =>
      isRecord(change)
        ? {
            ...change,
            ...(isRecord(change.before) ? { before: migrateParagraphValue(change.before) } : {}),
            ...(isRecord(change.after) ? { after: migrateParagraphValue(change.after) } : {}),
          }
        : change,
    ),
  };
}

/** Whether `migrateParagraphValue` would change anything: no address but a number, or notes written as strings, here or in an item or alternative. */
function paragraphNeedsMigration(value: Record<string, unknown>): boolean {
  return (value.address === undefined && typeof value.number === 'string') || partNeedsMigration(value);
}

function partNeedsMigration(part: unknown): boolean {
  if (!isRecord(part)) return false;
  if (Array.isArray(part.notes) && part.notes.some((note) => typeof note === 'string')) return true;
  return [part.items, part.alternatives].some((list) => Array.isArray(list) && list.some(partNeedsMigration));
}

function withMigratedParts(part: unknown): unknown {
  if (!isRecord(part)) return part;
  const migrated: Record<string, unknown> = { ...part };
  migrateNotes(migrated);
  if (Array.isArray(migrated.alternatives)) migrated.alternatives = migrated.alternatives.map(withMigratedParts);
  return migrated;
}

/** `notes: ["text"]` becomes `notes: [{ text: "text" }]`. */
function migrateNotes(record: Record<string, unknown>): void {
  if (Array.isArray(record.notes)) record.notes = record.notes.map((note: unknown) => (typeof note === 'string' ? { text: note } : note));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
