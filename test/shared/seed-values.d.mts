/** The seed's meta values as an English reader sees them (see seed-values.mjs). */
export declare function seedValues(seed: { meta?: unknown }): string[];
