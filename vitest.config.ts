import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Bounds every fast-check property (see the file): a rare input that fails must not leave CI
    // shrinking it for minutes.
    setupFiles: ["test/setup/fastCheck.ts"],
  },
});
