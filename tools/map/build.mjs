// Projects the Census Bureau's state shapes (us-atlas, 1:10,000,000) with d3-geo's Albers USA
// projection into SVG path data, one entry per state keyed by FIPS code, and writes it to
// states/data/us-states.json. The output is committed, so the site never needs Node at run time.
// Run it with `make map` after upgrading us-atlas.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoAlbersUsa, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";

const require = createRequire(import.meta.url);
const atlasPackage = require("us-atlas/package.json");
const detailed = JSON.parse(readFileSync(require.resolve("us-atlas/states-10m.json"), "utf8"));
// A map 975 units wide needs far less detail than 1:10m: drop the least significant points
// (Visvalingam weights, shared borders kept shared) to keep the inline SVG light on slow phones.
const KEEP = Number(process.env.MAP_KEEP || 0.25);
const presimplified = presimplify(detailed);
const topology = simplify(presimplified, quantile(presimplified, KEEP));

// 975×610 is the frame us-atlas uses for its own pre-projected files.
const WIDTH = 975;
const HEIGHT = 610;
// Adaptive resampling would add back points along the simplified edges; at this scale it is not needed.
const projection = geoAlbersUsa().scale(1300).translate([WIDTH / 2, HEIGHT / 2]).precision(0);
const path = geoPath(projection).digits(1);
const round = (n) => Math.round(n * 10) / 10;

// Tiny islands that simplification has reduced to a point or two are dropped; a state that
// would vanish altogether (the District of Columbia) keeps its detailed outline instead.
const MIN_ISLAND_AREA = 1;
const detailedShapes = new Map(
  feature(detailed, detailed.objects.states).features.map((shape) => [shape.id, shape]),
);
function withoutSpecks(shape) {
  if (path.area(shape) < 4 * MIN_ISLAND_AREA) return detailedShapes.get(shape.id);
  if (shape.geometry.type !== "MultiPolygon") return shape;
  const polygons = shape.geometry.coordinates.filter(
    (coordinates) => path.area({ type: "Polygon", coordinates }) >= MIN_ISLAND_AREA,
  );
  return { ...shape, geometry: { type: "MultiPolygon", coordinates: polygons } };
}

const states = {};
for (const simplified of feature(topology, topology.objects.states).features) {
  const shape = withoutSpecks(simplified);
  const d = path(shape);
  if (!d) continue; // territories outside the projection (none in states-10m, but be safe)
  const [x, y] = path.centroid(shape);
  const [[x0, y0], [x1, y1]] = path.bounds(shape);
  states[shape.id] = {
    name: shape.properties.name,
    d,
    centroid: [round(x), round(y)],
    bounds: [round(x0), round(y0), round(x1), round(y1)],
    area: Math.round(path.area(shape)),
  };
}

const output = {
  source: `us-atlas ${atlasPackage.version} states-10m.json (U.S. Census Bureau cartographic boundary shapes), projected with d3-geo geoAlbersUsa`,
  width: WIDTH,
  height: HEIGHT,
  states: Object.fromEntries(Object.entries(states).sort(([a], [b]) => a.localeCompare(b))),
};
const target = new URL("../../states/data/us-states.json", import.meta.url);
writeFileSync(target, JSON.stringify(output, null, 1) + "\n");
console.log(`wrote ${Object.keys(states).length} states to ${target.pathname}`);
