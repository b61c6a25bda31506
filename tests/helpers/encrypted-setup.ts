// vitest setupFiles of the "db-encrypted" project: every test file starts with the test key set.
import { applyTestEncryption } from './test-key.ts';

applyTestEncryption();
