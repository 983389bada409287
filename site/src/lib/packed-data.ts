// Astro 5 inlines the whole content-layer store into the server bundle as one JavaScript
// literal (dataToEsm in astro/dist/content/vite-plugin-content-virtual-mod.js), and Rollup
// parses and tree-shakes every object, array and string in it. Stored as plain objects,
// 10,000 pieces are ~270,000 nodes and most of the "bundling" phase; stored as one JSON
// string each, they are one literal per piece (measured: scripts/bench/site-bench.ts).

/** The data of a content-layer entry that holds `value` as one JSON string. */
export type PackedData = { json: string };

export const packData = (value: unknown): PackedData => ({ json: JSON.stringify(value) });

export const unpackData = <T>(data: unknown): T => JSON.parse((data as PackedData).json) as T;
