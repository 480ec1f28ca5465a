// Writes schemas/*.json from the zod schemas (run: npm run schemas). Never edit those files by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJsonSchemas } from '../dist/model/json-schemas.js';
import { SCHEMAS_DIR } from '../dist/store/serialize.js';

for (const [name, text] of Object.entries(buildJsonSchemas())) {
  writeFileSync(join(SCHEMAS_DIR, name), text);
  console.log(`wrote schemas/${name}`);
}
