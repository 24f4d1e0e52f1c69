/** Default database file (`DATABASE_PATH`); the index snapshot is kept in its directory. */
export const DEFAULT_DATABASE_PATH = "./data/paperbot.db";
